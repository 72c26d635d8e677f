-- plan_deliveries computed the recipients of a batch twice (once for e-mail/SMS deliveries, once
-- for in-app notifications), each time joining profiles and preferences again. One statement now:
-- the recipients once (materialized), both inserts and the outbox update fed from it.
set local lock_timeout = '5s';

create or replace function public.plan_deliveries(p_limit int default 500) returns int
language plpgsql volatile security definer set search_path = ''
as $$
declare
  taken bigint[];
begin
  -- Only topics that notify someone: the outbox may carry messages for other consumers.
  select array_agg(o.id) into taken from (
    select o.id from public.outbox o
     where o.status = 'pending' and o.next_attempt_at <= now()
       and private.category_of(o.topic) is not null
     order by o.id
     limit greatest(p_limit, 1)
     for update skip locked) o;
  if taken is null then
    return 0;
  end if;
  with planned as materialized (
    select * from private.planned_recipients(taken)
  ), sent as (
    insert into public.deliveries (outbox_id, recipient_id, channel)
    select r.outbox_id, r.recipient_id, r.channel from planned r where r.channel <> 'in_app'
    on conflict do nothing
  ), shown as (
    insert into public.notifications (recipient_id, outbox_id, topic, data)
    select r.recipient_id, r.outbox_id, r.topic,
           private.message_context(r.topic, r.payload) || jsonb_build_object('recipient_time_zone', r.recipient_time_zone)
      from planned r where r.channel = 'in_app'
    on conflict do nothing
  )
  update public.outbox o set status = 'sent', processed_at = now(), attempts = o.attempts + 1
   where o.id = any (taken);
  return cardinality(taken);
end;
$$;
