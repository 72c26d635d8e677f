-- How an appointment ended, recorded by its practitioner from the calendar: completed or no-show.
-- Appointments are read-only to API roles (only functions write them), so this is one more function,
-- with the same status rules the trigger enforces plus one of its own: it has to have started.

set local lock_timeout = '5s';

create function private.set_outcome(p_appointment_id uuid, p_outcome public.appointment_status)
returns public.appointments
language plpgsql volatile security definer set search_path = ''
as $$
declare
  caller uuid := (select auth.uid());
  a public.appointments;
begin
  if p_outcome is null or p_outcome not in ('completed', 'no_show') then
    raise exception 'An outcome is completed or no_show' using errcode = 'PT400', detail = 'invalid_input';
  end if;
  select * into a from public.appointments x where x.id = p_appointment_id;
  -- Only the practitioner knows how it went; patients (and others) are told it does not exist.
  if not found or caller is null or caller <> a.practitioner_id then
    raise exception 'No such appointment' using errcode = 'PT404', detail = 'not_found';
  end if;
  perform private.lock_calendar(a.practitioner_id);
  select * into a from public.appointments x where x.id = p_appointment_id for update;
  if a.status <> 'confirmed' then
    raise exception 'A % appointment has no outcome to record', a.status using errcode = 'PT409', detail = 'appointment_closed';
  end if;
  if a.starts_at > now() then
    raise exception 'This appointment has not started yet' using errcode = 'PT409', detail = 'not_started';
  end if;
  update public.appointments x set status = p_outcome where x.id = a.id returning * into a;
  return a;
end;
$$;
comment on function private.set_outcome(uuid, public.appointment_status) is
  'Marks a started, confirmed appointment completed or no_show; its practitioner only.';
revoke all on function private.set_outcome(uuid, public.appointment_status) from public;
grant execute on function private.set_outcome(uuid, public.appointment_status) to authenticated;

create function public.set_appointment_outcome(p_appointment_id uuid, p_outcome public.appointment_status)
returns public.appointments
language sql volatile security invoker set search_path = ''
as $$
  select * from private.set_outcome(p_appointment_id, p_outcome);
$$;
comment on function public.set_appointment_outcome(uuid, public.appointment_status) is
  'Records how an appointment ended (completed, no_show); see private.set_outcome.';
revoke all on function public.set_appointment_outcome(uuid, public.appointment_status) from public, anon;
grant execute on function public.set_appointment_outcome(uuid, public.appointment_status) to authenticated;
