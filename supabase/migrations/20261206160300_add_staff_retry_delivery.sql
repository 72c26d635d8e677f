-- Staff retry a notification delivery that died (or keeps failing): it goes back to pending, due
-- now, and the notify job sends it on its next tick under its usual rules (one more attempt before
-- it is dead again). Audited, since it sends a message to someone on staff's say-so.
set local lock_timeout = '5s';

create function private.retry_delivery(p_delivery_id uuid) returns public.deliveries
language plpgsql security definer set search_path = ''
as $$
declare
  d public.deliveries;
begin
  if not private.is_staff() then
    raise exception 'Only staff can retry deliveries' using errcode = 'PT403', detail = 'staff_only';
  end if;
  select * into d from public.deliveries x where x.id = p_delivery_id for update;
  if not found then
    raise exception 'No delivery %', p_delivery_id using errcode = 'PT404', detail = 'not_found';
  end if;
  if d.status in ('sent', 'skipped') then
    raise exception 'This delivery is already %', d.status using errcode = 'PT409', detail = 'illegal_transition',
      hint = 'Only dead or pending deliveries can be retried.';
  end if;
  update public.deliveries x set status = 'pending', next_attempt_at = now()
   where x.id = p_delivery_id
  returning * into d;
  perform private.audit('delivery_retried', 'deliveries', d.id::text, null, null,
    jsonb_build_object('channel', d.channel, 'attempts', d.attempts, 'last_error', d.last_error));
  return d;
end;
$$;
comment on function private.retry_delivery(uuid) is 'Puts a dead or failing delivery back in the queue, due now, and audits it.';
revoke all on function private.retry_delivery(uuid) from public;
grant execute on function private.retry_delivery(uuid) to authenticated;

create function public.staff_retry_delivery(p_delivery_id uuid) returns public.deliveries
language sql volatile security invoker set search_path = ''
as $$
  select private.retry_delivery(p_delivery_id);
$$;
comment on function public.staff_retry_delivery(uuid) is 'Staff: send a dead or failing notification again (see private.retry_delivery).';
revoke all on function public.staff_retry_delivery(uuid) from public, anon;
grant execute on function public.staff_retry_delivery(uuid) to authenticated, service_role;
