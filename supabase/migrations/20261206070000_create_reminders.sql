-- Reminders: before each confirmed appointment, at the offsets its consultation type sets (24 h
-- and 1 h by default), an outbox message the notify job delivers. The dedupe key names the
-- appointment, the offset and the start time, so a reminder is never planned twice, and a
-- rescheduled appointment is reminded of its new time (the notify function drops a reminder whose
-- time is no longer the appointment's).
set local lock_timeout = '5s';

alter table public.consultation_types
  add column reminder_minutes int[] not null default '{1440,60}'
    check (cardinality(reminder_minutes) <= 5 and 0 < all (reminder_minutes) and 10080 >= all (reminder_minutes));
comment on column public.consultation_types.reminder_minutes is 'How long before each appointment its reminders go out, in minutes.';

-- p_now lets tests plan as if at another instant; the job passes nothing.
create function public.plan_reminders_tick(p_now timestamptz default null) returns int
language plpgsql volatile security definer set search_path = ''
as $$
declare
  at timestamptz := coalesce(p_now, now());
  planned int;
begin
  with due as (
    select a.id, a.practitioner_id, a.patient_id, a.starts_at, m.minutes
      from public.appointments a
      join public.consultation_types t on t.id = a.consultation_type_id
     cross join lateral unnest(t.reminder_minutes) as m (minutes)
     where a.status = 'confirmed'
       and a.starts_at > at
       -- Due, and not so late that the reminder would be pointless (a booking made 30 min ahead
       -- gets no 24-hour reminder).
       and a.starts_at - make_interval(mins => m.minutes) <= at
       and a.starts_at - make_interval(mins => m.minutes) > at - interval '2 hours'
       and a.created_at < a.starts_at - make_interval(mins => m.minutes)
  ), enqueued as (
    insert into public.outbox (topic, payload, dedupe_key)
    select 'appointment.reminder',
           jsonb_build_object('appointment_id', d.id, 'practitioner_id', d.practitioner_id, 'patient_id', d.patient_id,
                              'reminded_starts_at', d.starts_at, 'minutes_before', d.minutes),
           'reminder:' || d.id || ':' || d.minutes || ':' || extract(epoch from d.starts_at)::bigint
      from due d
    on conflict (dedupe_key) do nothing
    returning 1
  )
  select count(*) into planned from enqueued;
  return planned;
end;
$$;
comment on function public.plan_reminders_tick(timestamptz) is
  'Job: enqueues the reminders that are due (once each, for the appointment''s current time).';
revoke all on function public.plan_reminders_tick(timestamptz) from public, anon, authenticated;
grant execute on function public.plan_reminders_tick(timestamptz) to service_role;

-- The reminder reaches the patient, by e-mail and in the app.
create or replace function private.recipients_of(p_topic text, p_payload jsonb)
returns table (recipient_id uuid, channel public.notification_channel)
language sql immutable set search_path = ''
as $$
  select r.id, c.channel
    from (values
      ('appointment.confirmed', 'patient_id', array['email', 'in_app']),
      ('appointment.confirmed', 'practitioner_id', array['email', 'in_app']),
      ('appointment.held', 'patient_id', array['in_app']),
      ('appointment.rescheduled', 'patient_id', array['email', 'in_app']),
      ('appointment.rescheduled', 'practitioner_id', array['email', 'in_app']),
      ('appointment.cancelled', 'patient_id', array['email', 'in_app']),
      ('appointment.cancelled', 'practitioner_id', array['email', 'in_app']),
      ('appointment.hold_expired', 'patient_id', array['email', 'in_app']),
      ('appointment.reminder', 'patient_id', array['email', 'in_app']),
      ('practitioner.verification.submitted', 'practitioner_id', array['email', 'in_app']),
      ('practitioner.verification.verified', 'practitioner_id', array['email', 'in_app']),
      ('practitioner.verification.rejected', 'practitioner_id', array['email', 'in_app']),
      ('practitioner.verification.suspended', 'practitioner_id', array['email', 'in_app'])
    ) as rule (topic, field, channels)
   cross join lateral (select (p_payload ->> rule.field)::uuid as id) r
   cross join lateral unnest(rule.channels::public.notification_channel[]) as c (channel)
   where rule.topic = p_topic and r.id is not null;
$$;

insert into private.scheduled_jobs (name, schedule, command) values
  ('plan-reminders', '* * * * *', 'select public.plan_reminders_tick()');

do $$
begin
  if exists (select 1 from pg_extension where extname = 'pg_cron') then
    perform cron.schedule('plan-reminders', '* * * * *', 'select public.plan_reminders_tick()');
  end if;
end
$$;

-- A delivery that should no longer go (a reminder of a time the appointment no longer has) is
-- skipped (the status the previous migration added), not dead: nothing failed.
create function public.skip_delivery(p_id uuid, p_reason text) returns public.delivery_status
language sql volatile security definer set search_path = ''
as $$
  update public.deliveries d set status = 'skipped', last_error = left(p_reason, 2000)
   where d.id = p_id and d.status = 'pending'
  returning d.status;
$$;
comment on function public.skip_delivery(uuid, text) is 'notify job: a pending delivery that must not go any more is skipped, with why.';
revoke all on function public.skip_delivery(uuid, text) from public, anon, authenticated;
grant execute on function public.skip_delivery(uuid, text) to service_role;
