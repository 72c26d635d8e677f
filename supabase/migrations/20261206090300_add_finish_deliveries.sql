-- A batch's outcomes recorded in one round trip (finish_delivery and skip_delivery take one
-- delivery each: at thousands of deliveries a minute the round trips were most of the time).
-- Same rules: sent; skipped; dead when permanent or after the last attempt; else retried at the
-- provider's reset time or with capped, jittered exponential backoff. Only a pending delivery is
-- finished: one another tick finished after its lease ran out is left as it is.
set local lock_timeout = '5s';

create function public.finish_deliveries(p_outcomes jsonb, p_max_attempts int default 8)
returns table (id uuid, status public.delivery_status)
language sql volatile security definer set search_path = ''
as $$
  with o as (
    select x.id, coalesce(x.sent, false) as sent, coalesce(x.skipped, false) as skipped,
           coalesce(x.permanent, false) as permanent, x.error, x.retry_after_seconds, x.provider_message_id
      from jsonb_to_recordset(p_outcomes)
        as x (id uuid, sent boolean, skipped boolean, permanent boolean, error text,
              retry_after_seconds int, provider_message_id text)
  ), locked as (
    -- Locked in one order, so two ticks finishing overlapping batches cannot deadlock.
    select d.id, d.attempts from public.deliveries d
     where d.id in (select o.id from o) and d.status = 'pending'
     order by d.id
       for update
  ), decided as (
    select o.*, l.attempts,
           case when o.sent then 'sent'
                when o.skipped then 'skipped'
                when o.permanent or l.attempts >= p_max_attempts then 'dead'
                else 'pending' end::public.delivery_status as next_status
      from o join locked l on l.id = o.id
  )
  update public.deliveries d
     set status = x.next_status,
         sent_at = case when x.sent then now() end,
         last_error = case when x.sent then null else left(x.error, 2000) end,
         provider_message_id = case when x.sent then left(x.provider_message_id, 300) else d.provider_message_id end,
         next_attempt_at = case when x.next_status = 'pending' then
           now() + coalesce(make_interval(secs => x.retry_after_seconds),
             -- 30 s, 1 min, 2 min... capped at 1 h, each stretched by up to 25 % so retries spread out.
             make_interval(secs => least(30 * power(2, x.attempts - 1), 3600) * (1 + random() * 0.25)))
           else d.next_attempt_at end
    from decided x
   where d.id = x.id
  returning d.id, d.status;
$$;
comment on function public.finish_deliveries(jsonb, int) is
  'notify job, step 3 for a whole batch: each delivery sent, skipped, retried (backoff or provider reset) or dead.';
revoke all on function public.finish_deliveries(jsonb, int) from public, anon, authenticated;
grant execute on function public.finish_deliveries(jsonb, int) to service_role;
