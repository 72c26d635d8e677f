-- SMS goes out: claim_deliveries also hands the recipient's phone number (an SMS to a person who
-- removed theirs since planning is skipped) and own time zone (messages write instants in it),
-- and takes the message's context from private.message_context, as in-app notices do. The return
-- type changes, so the function is dropped and created again in this one transaction.
set local lock_timeout = '5s';

drop function public.claim_deliveries(int);

create function public.claim_deliveries(p_limit int default 50)
returns table (id uuid, channel public.notification_channel, attempts int, topic text, recipient_id uuid,
               email text, phone text, full_name text, locale public.app_locale, time_zone text, context jsonb)
language plpgsql volatile security definer set search_path = ''
as $$
begin
  return query
    with due as (
      select d.id from public.deliveries d
       where d.status = 'pending' and d.next_attempt_at <= now()
       order by d.next_attempt_at, d.id
       limit greatest(p_limit, 1)
       for update skip locked
    ), claimed as (
      update public.deliveries d
         set attempts = d.attempts + 1, next_attempt_at = now() + interval '2 minutes'
        from due where d.id = due.id
      returning d.id, d.channel, d.attempts, d.outbox_id, d.recipient_id
    )
    select c.id, c.channel, c.attempts, o.topic, c.recipient_id, p.email, p.phone, p.full_name, p.locale,
           p.time_zone,
           private.message_context(o.topic, o.payload)
      from claimed c
      join public.outbox o on o.id = c.outbox_id
      join public.profiles p on p.id = c.recipient_id
     order by c.id;
end;
$$;
comment on function public.claim_deliveries(int) is
  'notify job, step 2: due deliveries, leased for two minutes, with their recipient''s address, phone and zone and their message''s context.';
revoke all on function public.claim_deliveries(int) from public, anon, authenticated;
grant execute on function public.claim_deliveries(int) to service_role;
