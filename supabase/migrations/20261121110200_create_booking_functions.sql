-- Slot computation and booking in one place. get_available_slots lists what can be booked;
-- book_appointment and reschedule_appointment accept a time only if the same computation offers
-- it, under a per-practitioner lock, so nothing the list would not offer can ever be booked.

create function private.open_ranges(p_practitioner_id uuid, p_type public.consultation_types, p_time_zone text,
                                    p_from timestamptz, p_to timestamptz)
returns tstzmultirange
language sql stable security definer set search_path = ''
as $$
  -- Weekly rules expand day by day in the practitioner's zone, so 09:00 stays 09:00 local on DST days.
  with bounds as (
    select (p_from at time zone p_time_zone)::date - 1 as first_day, (p_to at time zone p_time_zone)::date as last_day
  ), days as (
    select d::timestamp as day
      from bounds, generate_series(bounds.first_day, bounds.last_day, interval '1 day') d
  ), span as (
    -- Exceptions are taken over these whole local days, not just the asked window: one that ends
    -- before the window can still move where an opening starts that day, and with it the slot
    -- grid (which private.slots restarts at each local midnight). Else a booking, whose window is
    -- one instant, would not see the grid that the listing showed.
    select tstzrange(b.first_day::timestamp at time zone p_time_zone, (b.last_day + 1)::timestamp at time zone p_time_zone) as r
      from bounds b
  ), rule_ranges as (
    select (dd.day + r.start_time) at time zone p_time_zone as lo, (dd.day + r.end_time) at time zone p_time_zone as hi
      from days dd
      join public.availability_rules r
        on r.practitioner_id = p_practitioner_id
       and r.weekday = extract(isodow from dd.day)
       and (r.valid_from is null or dd.day::date >= r.valid_from)
       and (r.valid_until is null or dd.day::date <= r.valid_until)
       and (r.consultation_type_ids is null or p_type.id = any (r.consultation_type_ids))
       and (r.modes is null or p_type.mode = any (r.modes))
  ), opened as (
    -- A rule inside a spring-forward gap can end before it starts: it opens nothing.
    select tstzrange(lo, hi, '[)') as r from rule_ranges where lo < hi
    union all
    select e.during from public.availability_exceptions e
     where e.practitioner_id = p_practitioner_id and e.kind = 'extra' and e.during && (select r from span)
       and (e.consultation_type_ids is null or p_type.id = any (e.consultation_type_ids))
  )
  select coalesce((select range_agg(r) from opened), '{}'::tstzmultirange)
       - coalesce((select range_agg(e.during) from public.availability_exceptions e
                    where e.practitioner_id = p_practitioner_id and e.kind = 'time_off'
                      and e.during && (select r from span)
                      and (e.consultation_type_ids is null or p_type.id = any (e.consultation_type_ids))),
                  '{}'::tstzmultirange);
$$;
comment on function private.open_ranges(uuid, public.consultation_types, text, timestamptz, timestamptz) is
  'Hours open for a consultation type: weekly rules (local time) plus extra openings, minus time off.';

create function private.busy_ranges(p_practitioner_id uuid, p_from timestamptz, p_to timestamptz, p_ignore uuid)
returns tstzmultirange
language sql stable security definer set search_path = ''
as $$
  select coalesce((select range_agg(a.blocked) from public.appointments a
                    where a.practitioner_id = p_practitioner_id
                      and a.status in ('held', 'confirmed')
                      and (a.status = 'confirmed' or a.hold_expires_at > now())
                      and a.id is distinct from p_ignore
                      and a.blocked && tstzrange(p_from, p_to)), '{}'::tstzmultirange)
       + coalesce((select range_agg(b.during) from public.external_busy_intervals b
                    where b.practitioner_id = p_practitioner_id and b.during && tstzrange(p_from, p_to)), '{}'::tstzmultirange);
$$;
comment on function private.busy_ranges(uuid, timestamptz, timestamptz, uuid) is
  'Time taken: active appointments (expired holds excluded, buffers included) and external busy intervals.';

create function private.slots(p_practitioner_id uuid, p_consultation_type_id uuid, p_from timestamptz, p_to timestamptz,
                              p_ignore uuid default null)
returns table (starts_at timestamptz, ends_at timestamptz)
language plpgsql stable security definer set search_path = ''
as $$
declare
  t public.consultation_types;
  tz text;
  dur interval;
  before_buf interval;
  after_buf interval;
  win_from timestamptz;
  win_to timestamptz;
  open_r tstzmultirange;
  busy tstzmultirange;
begin
  select * into t from public.consultation_types c
   where c.id = p_consultation_type_id and c.practitioner_id = p_practitioner_id and c.active;
  if not found then
    return;
  end if;
  select p.time_zone into tz from public.practitioners p where p.id = p_practitioner_id;
  dur := make_interval(mins => t.duration_minutes);
  before_buf := make_interval(mins => t.buffer_before_minutes);
  after_buf := make_interval(mins => t.buffer_after_minutes);
  win_from := greatest(p_from, now() + make_interval(mins => t.min_notice_minutes));
  win_to := least(p_to, now() + make_interval(days => t.horizon_days));
  if win_from >= win_to then
    return;
  end if;
  open_r := private.open_ranges(p_practitioner_id, t, tz, win_from, win_to + dur);
  busy := private.busy_ranges(p_practitioner_id, win_from - before_buf, win_to + dur + after_buf, p_ignore);
  -- Starts step from the start of each opening within each local day (09:00, 09:15, ... for a
  -- 09:00 opening; an opening through midnight starts again at 00:00). The grid then depends only
  -- on that day's data, which every caller reads, however wide its window; and no opening, however
  -- long, costs more than the asked window.
  return query
    select s, s + dur
      from unnest(open_r) as o(r)
     cross join lateral (
       select d::timestamp at time zone tz as day_start, (d + interval '1 day')::timestamp at time zone tz as day_end
         from generate_series((greatest(lower(o.r), win_from) at time zone tz)::date::timestamp,
                              (least(upper(o.r), win_to) at time zone tz)::date::timestamp, interval '1 day') as d
     ) as dd
     cross join lateral generate_series(greatest(lower(o.r), dd.day_start),
                                        least(upper(o.r) - dur, dd.day_end - interval '1 microsecond', win_to),
                                        make_interval(mins => t.slot_step_minutes)) as s
     where s >= win_from and s < win_to
       and not (busy && tstzrange(s - before_buf, s + dur + after_buf, '[)'))
     order by s;
end;
$$;
comment on function private.slots(uuid, uuid, timestamptz, timestamptz, uuid) is
  'The one slot computation: listing, booking and rescheduling all use it.';
revoke all on function private.slots(uuid, uuid, timestamptz, timestamptz, uuid) from public;
grant execute on function private.slots(uuid, uuid, timestamptz, timestamptz, uuid) to anon, authenticated, service_role;
revoke all on function private.open_ranges(uuid, public.consultation_types, text, timestamptz, timestamptz) from public;
revoke all on function private.busy_ranges(uuid, timestamptz, timestamptz, uuid) from public;

create function public.get_available_slots(p_practitioner_id uuid, p_consultation_type_id uuid, p_from timestamptz, p_to timestamptz)
returns table (starts_at timestamptz, ends_at timestamptz)
language plpgsql stable security invoker set search_path = ''
as $$
begin
  if p_from is null or p_to is null or p_to <= p_from then
    raise exception 'p_to must be after p_from' using errcode = 'PT400';
  end if;
  if p_to - p_from > interval '62 days' then
    raise exception 'Ask for at most 62 days of slots at a time' using errcode = 'PT400';
  end if;
  -- Under the caller's RLS: published practitioners for everyone, one's own profile for its owner.
  if not exists (select 1 from public.practitioners p where p.id = p_practitioner_id) then
    return;
  end if;
  return query select s.starts_at, s.ends_at from private.slots(p_practitioner_id, p_consultation_type_id, p_from, p_to) s;
end;
$$;
comment on function public.get_available_slots(uuid, uuid, timestamptz, timestamptz) is
  'Bookable [start, end) slots of a consultation type between two instants, for a practitioner the caller can see.';
grant execute on function public.get_available_slots(uuid, uuid, timestamptz, timestamptz) to anon, authenticated, service_role;

-- Why a time is not bookable, in words a patient understands (only used to explain a refusal).
create function private.explain_unbookable(p_type public.consultation_types, p_starts_at timestamptz, p_ignore uuid)
returns text
language plpgsql stable security definer set search_path = ''
as $$
declare
  tz text;
  dur interval := make_interval(mins => p_type.duration_minutes);
begin
  select p.time_zone into tz from public.practitioners p where p.id = p_type.practitioner_id;
  if p_starts_at < now() + make_interval(mins => p_type.min_notice_minutes) then
    return format('This practitioner needs at least %s minutes'' notice', p_type.min_notice_minutes);
  elsif p_starts_at >= now() + make_interval(days => p_type.horizon_days) then
    return format('Bookings open at most %s days ahead', p_type.horizon_days);
  elsif not (private.open_ranges(p_type.practitioner_id, p_type, tz, p_starts_at, p_starts_at + dur)
             @> tstzrange(p_starts_at, p_starts_at + dur, '[)')) then
    return 'This time is outside the practitioner''s opening hours';
  elsif private.busy_ranges(p_type.practitioner_id, p_starts_at - interval '1 day', p_starts_at + interval '1 day', p_ignore)
        && tstzrange(p_starts_at - make_interval(mins => p_type.buffer_before_minutes),
                     p_starts_at + dur + make_interval(mins => p_type.buffer_after_minutes), '[)') then
    return 'This time is already taken';
  end if;
  return 'This time is not offered (slots start every ' || p_type.slot_step_minutes || ' minutes from the opening time)';
end;
$$;
comment on function private.explain_unbookable(public.consultation_types, timestamptz, uuid) is
  'The reason a start time is refused, for the error message of booking and rescheduling.';
revoke all on function private.explain_unbookable(public.consultation_types, timestamptz, uuid) from public;

-- Every change to a practitioner's calendar takes this lock first: concurrent overlapping inserts
-- otherwise deadlock (shared/notes/booking-performance.md), and next-slot refreshes interleave.
create function private.lock_calendar(p_practitioner_id uuid) returns void
language sql volatile set search_path = ''
as $$
  select pg_advisory_xact_lock(hashtextextended('book:' || p_practitioner_id::text, 0));
$$;
comment on function private.lock_calendar(uuid) is 'Serialises bookings, moves and cancellations of one practitioner.';
revoke all on function private.lock_calendar(uuid) from public;

-- Expired holds give their time back in the transaction that needs it, not only through a job.
create function private.release_expired_holds(p_practitioner_id uuid, p_keep uuid default null) returns void
language sql volatile security definer set search_path = ''
as $$
  update public.appointments a
     set status = 'cancelled', cancelled_at = now(), cancelled_by_role = 'system', cancel_reason = 'hold expired'
   where a.practitioner_id = p_practitioner_id and a.status = 'held' and a.hold_expires_at <= now()
     and a.id is distinct from p_keep;
$$;
comment on function private.release_expired_holds(uuid, uuid) is
  'Cancels a practitioner''s expired holds (system, reason "hold expired"), except one kept for its caller.';
revoke all on function private.release_expired_holds(uuid, uuid) from public;

create function private.book(p_practitioner_id uuid, p_consultation_type_id uuid, p_starts_at timestamptz, p_idempotency_key text)
returns public.appointments
language plpgsql volatile security definer set search_path = ''
as $$
declare
  caller uuid := (select auth.uid());
  t public.consultation_types;
  existing public.appointments;
  result public.appointments;
begin
  if caller is null then
    raise exception 'Sign in to book' using errcode = 'PT401';
  end if;
  if caller = p_practitioner_id then
    raise exception 'Practitioners cannot book themselves' using errcode = 'PT409';
  end if;
  perform private.lock_calendar(p_practitioner_id);

  if p_idempotency_key is not null then
    select * into existing from public.appointments a where a.patient_id = caller and a.idempotency_key = p_idempotency_key;
    if found then
      if existing.practitioner_id = p_practitioner_id and existing.consultation_type_id = p_consultation_type_id
         and existing.starts_at = p_starts_at then
        return existing;
      end if;
      raise exception 'This idempotency key was already used for another booking' using errcode = 'PT422';
    end if;
  end if;

  select c.* into t from public.consultation_types c
    join public.practitioners p on p.id = c.practitioner_id
   where c.id = p_consultation_type_id and c.practitioner_id = p_practitioner_id and c.active and p.published;
  if not found then
    raise exception 'This practitioner or consultation type cannot be booked' using errcode = 'PT404';
  end if;

  perform private.release_expired_holds(p_practitioner_id);

  if not exists (select 1 from private.slots(p_practitioner_id, p_consultation_type_id, p_starts_at,
                                             p_starts_at + interval '1 microsecond') s where s.starts_at = p_starts_at) then
    raise exception '%', private.explain_unbookable(t, p_starts_at, null) using errcode = 'PT409',
      hint = 'Pick a time from get_available_slots.';
  end if;

  if (select count(*) from public.appointments a
       where a.patient_id = caller and a.practitioner_id = p_practitioner_id
         and a.status in ('held', 'confirmed') and a.starts_at > now()) >= 3 then
    raise exception 'You already have 3 upcoming appointments with this practitioner' using errcode = 'PT409';
  end if;

  insert into public.appointments (practitioner_id, patient_id, consultation_type_id, starts_at, ends_at, blocked, status,
                                   hold_expires_at, mode, price_cents, currency, idempotency_key)
  values (p_practitioner_id, caller, t.id, p_starts_at, p_starts_at + make_interval(mins => t.duration_minutes),
          tstzrange(p_starts_at - make_interval(mins => t.buffer_before_minutes),
                    p_starts_at + make_interval(mins => t.duration_minutes + t.buffer_after_minutes), '[)'),
          case when t.price_cents > 0 then 'held' else 'confirmed' end,
          case when t.price_cents > 0 then now() + make_interval(mins => t.hold_minutes) end,
          t.mode, t.price_cents, t.currency, p_idempotency_key)
  returning * into result;

  perform private.enqueue('appointment.' || result.status,
    jsonb_build_object('appointment_id', result.id, 'practitioner_id', result.practitioner_id, 'patient_id', result.patient_id,
                       'starts_at', result.starts_at, 'status', result.status),
    'appointment:' || result.id || ':' || result.status);
  return result;
exception
  when exclusion_violation then
    raise exception 'This time is already taken' using errcode = 'PT409';
  when unique_violation then
    -- The same key sent at once for two different bookings (the lock is per practitioner).
    raise exception 'This idempotency key was already used for another booking' using errcode = 'PT422';
end;
$$;
comment on function private.book(uuid, uuid, timestamptz, text) is
  'Books a slot for the caller: lock, idempotency, re-check with private.slots, per-patient limit, insert, outbox.';
revoke all on function private.book(uuid, uuid, timestamptz, text) from public;
grant execute on function private.book(uuid, uuid, timestamptz, text) to authenticated;

create function public.book_appointment(p_practitioner_id uuid, p_consultation_type_id uuid, p_starts_at timestamptz,
                                        p_idempotency_key text default null)
returns public.appointments
language sql volatile security invoker set search_path = ''
as $$
  select * from private.book(p_practitioner_id, p_consultation_type_id, p_starts_at, p_idempotency_key);
$$;
comment on function public.book_appointment(uuid, uuid, timestamptz, text) is
  'Books a slot for the signed-in caller: held while payment is pending, else confirmed; conflicts are HTTP 409.';
revoke all on function public.book_appointment(uuid, uuid, timestamptz, text) from public, anon;
grant execute on function public.book_appointment(uuid, uuid, timestamptz, text) to authenticated;

create function private.cancel(p_appointment_id uuid, p_reason text)
returns public.appointments
language plpgsql volatile security definer set search_path = ''
as $$
declare
  caller uuid := (select auth.uid());
  a public.appointments;
  cutoff int;
  actor text;
begin
  select * into a from public.appointments x where x.id = p_appointment_id;
  if not found or caller is null or caller not in (a.patient_id, a.practitioner_id) and not private.is_staff() then
    raise exception 'No such appointment' using errcode = 'PT404';
  end if;
  perform private.lock_calendar(a.practitioner_id);
  select * into a from public.appointments x where x.id = p_appointment_id for update;
  if a.status not in ('held', 'confirmed') then
    raise exception 'This appointment is already %', a.status using errcode = 'PT409';
  end if;
  actor := case when caller = a.patient_id then 'patient' when caller = a.practitioner_id then 'practitioner' else 'staff' end;
  if actor = 'patient' then
    select c.cancel_cutoff_hours into cutoff from public.consultation_types c where c.id = a.consultation_type_id;
    if now() > a.starts_at - make_interval(hours => cutoff) then
      raise exception 'Appointments can be cancelled online until % hours before they start', cutoff using errcode = 'PT409',
        hint = 'Contact the practitioner.';
    end if;
  elsif coalesce(trim(p_reason), '') = '' then
    raise exception 'A reason is required' using errcode = 'PT400';
  end if;
  update public.appointments x
     set status = 'cancelled', cancelled_at = now(), cancelled_by = caller, cancelled_by_role = actor,
         cancel_reason = nullif(trim(p_reason), '')
   where x.id = a.id
  returning * into a;
  perform private.enqueue('appointment.cancelled',
    jsonb_build_object('appointment_id', a.id, 'practitioner_id', a.practitioner_id, 'patient_id', a.patient_id,
                       'starts_at', a.starts_at, 'by', actor, 'reason', a.cancel_reason),
    'appointment:' || a.id || ':cancelled');
  return a;
end;
$$;
comment on function private.cancel(uuid, text) is
  'Cancels: patients until the type''s cut-off, practitioners and staff any time with a reason.';
revoke all on function private.cancel(uuid, text) from public;
grant execute on function private.cancel(uuid, text) to authenticated;

create function public.cancel_appointment(p_appointment_id uuid, p_reason text default null)
returns public.appointments
language sql volatile security invoker set search_path = ''
as $$
  select * from private.cancel(p_appointment_id, p_reason);
$$;
comment on function public.cancel_appointment(uuid, text) is 'Cancels an appointment within policy; see private.cancel.';
revoke all on function public.cancel_appointment(uuid, text) from public, anon;
grant execute on function public.cancel_appointment(uuid, text) to authenticated;

create function private.reschedule(p_appointment_id uuid, p_starts_at timestamptz)
returns public.appointments
language plpgsql volatile security definer set search_path = ''
as $$
declare
  caller uuid := (select auth.uid());
  a public.appointments;
  t public.consultation_types;
  old_start timestamptz;
begin
  select * into a from public.appointments x where x.id = p_appointment_id;
  if not found or caller is null or caller not in (a.patient_id, a.practitioner_id) then
    raise exception 'No such appointment' using errcode = 'PT404';
  end if;
  perform private.lock_calendar(a.practitioner_id);
  select * into a from public.appointments x where x.id = p_appointment_id for update;
  if a.status not in ('held', 'confirmed') then
    raise exception 'A % appointment cannot be rescheduled', a.status using errcode = 'PT409';
  end if;
  -- An expired hold no longer owns any time (anyone may book over it): moving it would revive it.
  if a.status = 'held' and a.hold_expires_at <= now() then
    raise exception 'This hold has expired: book the time again' using errcode = 'PT409';
  end if;
  select * into t from public.consultation_types c where c.id = a.consultation_type_id;
  if caller = a.patient_id and now() > a.starts_at - make_interval(hours => t.cancel_cutoff_hours) then
    raise exception 'Appointments can be moved online until % hours before they start', t.cancel_cutoff_hours
      using errcode = 'PT409', hint = 'Contact the practitioner.';
  end if;
  perform private.release_expired_holds(a.practitioner_id, a.id);
  -- The appointment's own time does not count as busy: moving by 15 minutes within it is fine.
  if not exists (select 1 from private.slots(a.practitioner_id, a.consultation_type_id, p_starts_at,
                                             p_starts_at + interval '1 microsecond', a.id) s where s.starts_at = p_starts_at) then
    raise exception '%', private.explain_unbookable(t, p_starts_at, a.id) using errcode = 'PT409',
      hint = 'Pick a time from get_available_slots.';
  end if;
  old_start := a.starts_at;
  -- Same row, new time: the old time is freed only if the new one is taken, in this one statement.
  update public.appointments x
     set starts_at = p_starts_at,
         ends_at = p_starts_at + make_interval(mins => t.duration_minutes),
         blocked = tstzrange(p_starts_at - make_interval(mins => t.buffer_before_minutes),
                             p_starts_at + make_interval(mins => t.duration_minutes + t.buffer_after_minutes), '[)')
   where x.id = a.id
  returning * into a;
  perform private.enqueue('appointment.rescheduled',
    jsonb_build_object('appointment_id', a.id, 'practitioner_id', a.practitioner_id, 'patient_id', a.patient_id,
                       'from', old_start, 'to', a.starts_at),
    'appointment:' || a.id || ':rescheduled:' || extract(epoch from a.starts_at)::text);
  return a;
exception
  when exclusion_violation then
    raise exception 'This time is already taken' using errcode = 'PT409';
end;
$$;
comment on function private.reschedule(uuid, timestamptz) is
  'Moves an appointment (same id) to a time private.slots offers, atomically; patients until the cut-off.';
revoke all on function private.reschedule(uuid, timestamptz) from public;
grant execute on function private.reschedule(uuid, timestamptz) to authenticated;

create function public.reschedule_appointment(p_appointment_id uuid, p_starts_at timestamptz)
returns public.appointments
language sql volatile security invoker set search_path = ''
as $$
  select * from private.reschedule(p_appointment_id, p_starts_at);
$$;
comment on function public.reschedule_appointment(uuid, timestamptz) is 'Moves an appointment within policy; see private.reschedule.';
revoke all on function public.reschedule_appointment(uuid, timestamptz) from public, anon;
grant execute on function public.reschedule_appointment(uuid, timestamptz) to authenticated;

-- A hold that expired and was released by the system is news for the patient: it gets its message.
create function private.enqueue_hold_expired() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  perform private.enqueue('appointment.hold_expired',
    jsonb_build_object('appointment_id', new.id, 'practitioner_id', new.practitioner_id, 'patient_id', new.patient_id,
                       'starts_at', new.starts_at),
    'appointment:' || new.id || ':hold_expired');
  return null;
end;
$$;
comment on function private.enqueue_hold_expired() is 'Outbox message for holds released because they expired.';

create trigger appointments_hold_expired after update of status on public.appointments
  for each row when (old.status = 'held' and new.status = 'cancelled' and new.cancelled_by_role = 'system')
  execute function private.enqueue_hold_expired();
