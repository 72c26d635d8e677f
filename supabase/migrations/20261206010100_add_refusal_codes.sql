-- Every refusal now carries a stable reason code next to its message, so the apps translate codes
-- instead of parsing English: `raise ... using detail = '<code>'`, which PostgREST returns as the
-- error body's `details`. The catalogue of codes is libs/domain/src/refusal-codes.ts; a test proves
-- each one reachable through the API. HTTP statuses are unchanged (SQLSTATE PTxyz answers xyz).
-- The functions below are also rewritten for the enum types of the previous migration, and free
-- text gets a maximum length checked before any work is done.
set local lock_timeout = '5s';
-- search_practitioners sets a pg_trgm parameter: load that extension's library first, or a
-- session that has not used pg_trgm yet refuses to set it (an unknown parameter, for non-superusers).
select extensions.word_similarity('', '');

-- Why a start time cannot be booked: a code for programs, a sentence for logs and API users.
create type private.refusal as (code text, message text);
comment on type private.refusal is 'A refusal''s stable code and its English message.';

create or replace function private.create_profile_for_new_user() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  meta jsonb := coalesce(new.raw_user_meta_data, '{}'::jsonb);
begin
  insert into public.profiles (id, email, full_name, role, locale)
  values (
    new.id,
    new.email,
    nullif(left(trim(meta ->> 'full_name'), 200), ''),
    -- Only these two can be chosen at sign-up; anything else (staff included) becomes patient.
    case when meta ->> 'role' = 'practitioner' then 'practitioner' else 'patient' end::public.user_role,
    case when meta ->> 'locale' = 'en' then 'en' else 'fr' end::public.app_locale
  );
  return new;
end;
$$;

create or replace function private.sync_staff_role() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  if tg_op = 'INSERT' then
    update public.profiles set role = 'staff' where id = new.user_id;
  else
    -- Back to the role chosen at sign-up (only patient or practitioner can be chosen there).
    update public.profiles p
       set role = case when u.raw_user_meta_data ->> 'role' = 'practitioner' then 'practitioner' else 'patient' end::public.user_role
      from auth.users u
     where p.id = old.user_id and u.id = old.user_id and p.role = 'staff';
  end if;
  return null;
end;
$$;

create or replace function private.guard_staff_role() returns trigger
language plpgsql set search_path = ''
as $$
begin
  if (new.role = 'staff') <> exists (select 1 from public.staff_members s where s.user_id = new.id) then
    raise exception 'profiles.role is staff exactly for staff members'
      using errcode = 'PT409', detail = 'staff_role_locked', hint = 'Insert into or delete from public.staff_members instead.';
  end if;
  return new;
end;
$$;

create or replace function private.forbid_audit_change() returns trigger
language plpgsql set search_path = ''
as $$
begin
  raise exception 'audit_log rows cannot be changed or deleted' using errcode = 'PT403', detail = 'forbidden';
end;
$$;

create or replace function private.check_practitioner() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  registry public.registration_registry;
  mover text;
  caller_role text := coalesce((select auth.role()), 'postgres');
  system_call boolean := caller_role not in ('anon', 'authenticated');
begin
  -- Checked only when they change, so that status and subscription updates (and bulk loads) stay cheap.
  if (tg_op = 'INSERT' or new.time_zone is distinct from old.time_zone) and not private.is_valid_time_zone(new.time_zone) then
    raise exception 'Unknown time zone "%"', left(new.time_zone, 100)
      using errcode = 'PT400', detail = 'invalid_time_zone', hint = 'Use an IANA name such as Europe/Paris.';
  end if;

  select p.registry into registry from public.professions p where p.code = new.profession_code;
  -- An unknown profession (registry null) is left to the foreign key, which names the problem.
  -- Also at submission: staff may have changed the profession's registry since the number was typed.
  if registry is not null and new.registration_number is not null
     and (tg_op = 'INSERT' or new.registration_number is distinct from old.registration_number
          or new.profession_code is distinct from old.profession_code
          or (new.verification_status = 'submitted' and old.verification_status is distinct from 'submitted'))
     and not private.is_valid_registration(registry::text, new.registration_number) then
    raise exception 'Invalid % registration number "%"', upper(registry::text), new.registration_number
      using errcode = 'PT400', detail = 'registration_invalid',
            hint = case registry when 'rpps' then 'An RPPS number has 11 digits, the last being a check digit.'
                                 else 'An ADELI number has 9 digits.' end;
  end if;

  if tg_op = 'INSERT' then
    if not system_call and new.verification_status <> 'draft' then
      raise exception 'A new practitioner profile starts as a draft' using errcode = 'PT409', detail = 'illegal_transition';
    end if;
    -- System loads (seeding, imports) may insert verified profiles whose subscription exists already.
    new.published := new.verification_status = 'verified' and private.has_active_subscription(new.id);
    return new;
  end if;

  if new.verification_status is distinct from old.verification_status then
    mover := private.verification_move_allowed(old.verification_status::text, new.verification_status::text);
    if mover is null then
      raise exception 'A % profile cannot become %', old.verification_status, new.verification_status
        using errcode = 'PT409', detail = 'illegal_transition',
              hint = 'Legal moves: draft or rejected -> submitted (owner); submitted -> verified or rejected, verified -> suspended, suspended -> verified (staff).';
    end if;
    if not system_call then
      if mover = 'staff' and not (select private.is_staff()) then
        raise exception 'Only staff can move a profile from % to %', old.verification_status, new.verification_status
          using errcode = 'PT403', detail = 'staff_only';
      elsif mover = 'staff' and new.id = (select auth.uid()) then
        raise exception 'Staff cannot review their own profile' using errcode = 'PT403', detail = 'self_review',
          hint = 'Another staff member must decide.';
      elsif mover = 'owner' and new.id is distinct from (select auth.uid()) then
        raise exception 'Only the practitioner can submit their profile' using errcode = 'PT403', detail = 'owner_only';
      end if;
    end if;
    if new.verification_status = 'submitted' then
      if registry <> 'none' and new.registration_number is null then
        raise exception 'A % registration number is required before submitting', upper(registry::text)
          using errcode = 'PT400', detail = 'registration_required';
      end if;
      new.submitted_at := now();
      new.status_reason := null;
    elsif new.verification_status = 'verified' then
      new.verified_at := coalesce(old.verified_at, now());
      new.status_reason := null;
    elsif new.verification_status in ('rejected', 'suspended') and coalesce(trim(new.status_reason), '') = '' then
      raise exception 'A reason is required to % a profile', case new.verification_status when 'rejected' then 'reject' else 'suspend' end
        using errcode = 'PT400', detail = 'reason_required';
    end if;
  elsif not system_call and (new.status_reason is distinct from old.status_reason
        or new.submitted_at is distinct from old.submitted_at or new.verified_at is distinct from old.verified_at) then
    raise exception 'Verification fields change only with the verification state'
      using errcode = 'PT403', detail = 'forbidden';
  end if;

  -- What staff checked cannot change behind their back.
  if not system_call and old.verification_status in ('submitted', 'verified', 'suspended')
     and (new.registration_number is distinct from old.registration_number or new.profession_code is distinct from old.profession_code) then
    raise exception 'The profession and registration number cannot change once submitted'
      using errcode = 'PT409', detail = 'registration_locked', hint = 'Ask staff to reject the profile, then edit and submit it again.';
  end if;

  new.published := new.verification_status = 'verified' and private.has_active_subscription(new.id);
  return new;
end;
$$;

create or replace function private.check_practitioner_specialty() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  if not exists (
    select 1 from public.practitioners p join public.specialties s on s.profession_code = p.profession_code
     where p.id = new.practitioner_id and s.id = new.specialty_id
  ) then
    raise exception 'This specialty belongs to another profession' using errcode = 'PT400', detail = 'specialty_mismatch';
  end if;
  return new;
end;
$$;

create or replace function private.limit_staff_edits() returns trigger
language plpgsql set search_path = ''
as $$
declare
  -- search_text too: staff editing the specialty catalogue rewrites it through a trigger.
  verification_fields text[] := array['verification_status', 'status_reason', 'submitted_at', 'verified_at', 'published',
                                      'updated_at', 'search_text'];
begin
  if (select auth.role()) = 'authenticated' and new.id is distinct from (select auth.uid())
     and (to_jsonb(new) - verification_fields) is distinct from (to_jsonb(old) - verification_fields) then
    raise exception 'Staff can change only the verification of a practitioner''s profile'
      using errcode = 'PT403', detail = 'staff_edit_limited';
  end if;
  return new;
end;
$$;

-- The action becomes an enum: the signature changes, so the function is dropped and created again.
drop function public.review_practitioner(uuid, text, text);
create function public.review_practitioner(p_practitioner_id uuid, p_action public.review_action, p_reason text default null)
returns public.practitioners
language plpgsql security invoker set search_path = ''
as $$
declare
  target public.verification_status;
  current_status public.verification_status;
  result public.practitioners;
begin
  if not (select private.is_staff()) then
    raise exception 'Only staff can review practitioners' using errcode = 'PT403', detail = 'staff_only';
  end if;
  if p_action is null then
    raise exception 'An action is required' using errcode = 'PT400', detail = 'invalid_input',
      hint = 'Use approve, reject, suspend or reinstate.';
  end if;
  if char_length(p_reason) > 2000 then
    raise exception 'A reason has at most 2000 characters' using errcode = 'PT400', detail = 'text_too_long';
  end if;
  target := case p_action
    when 'approve' then 'verified'
    when 'reject' then 'rejected'
    when 'suspend' then 'suspended'
    when 'reinstate' then 'verified'
  end;
  select p.verification_status into current_status from public.practitioners p where p.id = p_practitioner_id for update;
  if not found then
    raise exception 'No practitioner %', p_practitioner_id using errcode = 'PT404', detail = 'not_found';
  end if;
  -- approve and reinstate both lead to verified, from different states: keep them distinct. A move
  -- to the current state (suspending a suspended profile) is refused here too: the trigger would
  -- see no move at all and either change nothing silently or object to the new reason.
  if (p_action = 'approve' and current_status <> 'submitted') or (p_action = 'reinstate' and current_status <> 'suspended')
     or private.verification_move_allowed(current_status::text, target::text) is distinct from 'staff' then
    raise exception 'Cannot % a % profile', p_action, current_status using errcode = 'PT409', detail = 'illegal_transition',
      hint = 'approve or reject: submitted profiles; suspend: verified ones; reinstate: suspended ones.';
  end if;
  if p_action in ('reject', 'suspend') and coalesce(trim(p_reason), '') = '' then
    raise exception 'A reason is required to %', p_action using errcode = 'PT400', detail = 'reason_required';
  end if;
  update public.practitioners p
     set verification_status = target,
         status_reason = case when target in ('rejected', 'suspended') then trim(p_reason) end
   where p.id = p_practitioner_id
  returning * into result;
  return result;
end;
$$;
comment on function public.review_practitioner(uuid, public.review_action, text) is
  'Staff decision on a practitioner (approve, reject, suspend, reinstate); illegal moves fail with HTTP 409.';
revoke all on function public.review_practitioner(uuid, public.review_action, text) from public, anon;
grant execute on function public.review_practitioner(uuid, public.review_action, text) to authenticated, service_role;

create or replace function private.log_document_read(p_document_id uuid) returns text
language plpgsql security definer set search_path = ''
as $$
declare
  doc public.verification_documents;
begin
  if not private.is_staff() then
    raise exception 'Only staff can open verification documents' using errcode = 'PT403', detail = 'staff_only';
  end if;
  select * into doc from public.verification_documents d where d.id = p_document_id;
  if not found then
    raise exception 'No verification document %', p_document_id using errcode = 'PT404', detail = 'not_found';
  end if;
  perform private.audit('verification_document_read', 'verification_documents', doc.id::text, null, null,
    jsonb_build_object('practitioner_id', doc.practitioner_id, 'object_path', doc.object_path));
  return doc.object_path;
end;
$$;

create or replace function private.check_appointment_status() returns trigger
language plpgsql set search_path = ''
as $$
begin
  if new.status is distinct from old.status and not (
       (old.status = 'held' and new.status in ('confirmed', 'cancelled'))
    or (old.status = 'confirmed' and new.status in ('cancelled', 'completed', 'no_show'))
  ) then
    raise exception 'An appointment that is % cannot become %', old.status, new.status
      using errcode = 'PT409', detail = 'illegal_transition',
            hint = 'held -> confirmed or cancelled; confirmed -> cancelled, completed or no_show.';
  end if;
  if new.status <> 'held' then
    new.hold_expires_at := null;
  end if;
  return new;
end;
$$;

create or replace function public.get_available_slots(p_practitioner_id uuid, p_consultation_type_id uuid, p_from timestamptz, p_to timestamptz)
returns table (starts_at timestamptz, ends_at timestamptz)
language plpgsql stable security invoker set search_path = ''
as $$
begin
  if p_from is null or p_to is null or p_to <= p_from then
    raise exception 'p_to must be after p_from' using errcode = 'PT400', detail = 'invalid_window';
  end if;
  if p_to - p_from > interval '62 days' then
    raise exception 'Ask for at most 62 days of slots at a time' using errcode = 'PT400', detail = 'window_too_wide';
  end if;
  -- Under the caller's RLS: published practitioners for everyone, one's own profile for its owner.
  if not exists (select 1 from public.practitioners p where p.id = p_practitioner_id) then
    return;
  end if;
  return query select s.starts_at, s.ends_at from private.slots(p_practitioner_id, p_consultation_type_id, p_from, p_to) s;
end;
$$;

-- Replaces explain_unbookable: the same tests in the same order, now with a code.
create function private.unbookable_reason(p_type public.consultation_types, p_starts_at timestamptz, p_ignore uuid)
returns private.refusal
language plpgsql stable security definer set search_path = ''
as $$
declare
  tz text;
  dur interval := make_interval(mins => p_type.duration_minutes);
begin
  select p.time_zone into tz from public.practitioners p where p.id = p_type.practitioner_id;
  if p_starts_at < now() + make_interval(mins => p_type.min_notice_minutes) then
    return ('inside_notice', format('This practitioner needs at least %s minutes'' notice', p_type.min_notice_minutes))::private.refusal;
  elsif p_starts_at >= now() + make_interval(days => p_type.horizon_days) then
    return ('beyond_horizon', format('Bookings open at most %s days ahead', p_type.horizon_days))::private.refusal;
  elsif not (private.open_ranges(p_type.practitioner_id, p_type, tz, p_starts_at, p_starts_at + dur)
             @> tstzrange(p_starts_at, p_starts_at + dur, '[)')) then
    return ('outside_hours', 'This time is outside the practitioner''s opening hours')::private.refusal;
  elsif private.busy_ranges(p_type.practitioner_id, p_starts_at - interval '1 day', p_starts_at + interval '1 day', p_ignore)
        && tstzrange(p_starts_at - make_interval(mins => p_type.buffer_before_minutes),
                     p_starts_at + dur + make_interval(mins => p_type.buffer_after_minutes), '[)') then
    return ('slot_taken', 'This time is already taken')::private.refusal;
  end if;
  return ('off_grid', 'This time is not offered (slots start every ' || p_type.slot_step_minutes || ' minutes from the opening time)')::private.refusal;
end;
$$;
comment on function private.unbookable_reason(public.consultation_types, timestamptz, uuid) is
  'Why a start time is refused (code and message), for the errors of booking and rescheduling.';
revoke all on function private.unbookable_reason(public.consultation_types, timestamptz, uuid) from public;
drop function private.explain_unbookable(public.consultation_types, timestamptz, uuid);

create or replace function private.book(p_practitioner_id uuid, p_consultation_type_id uuid, p_starts_at timestamptz, p_idempotency_key text)
returns public.appointments
language plpgsql volatile security definer set search_path = ''
as $$
declare
  caller uuid := (select auth.uid());
  t public.consultation_types;
  existing public.appointments;
  result public.appointments;
  why private.refusal;
begin
  if caller is null then
    raise exception 'Sign in to book' using errcode = 'PT401', detail = 'not_authenticated';
  end if;
  if caller = p_practitioner_id then
    raise exception 'Practitioners cannot book themselves' using errcode = 'PT409', detail = 'self_booking';
  end if;
  if char_length(p_idempotency_key) > 200 then
    raise exception 'An idempotency key has at most 200 characters' using errcode = 'PT400', detail = 'text_too_long';
  end if;
  perform private.lock_calendar(p_practitioner_id);

  if p_idempotency_key is not null then
    select * into existing from public.appointments a where a.patient_id = caller and a.idempotency_key = p_idempotency_key;
    if found then
      if existing.practitioner_id = p_practitioner_id and existing.consultation_type_id = p_consultation_type_id
         and existing.starts_at = p_starts_at then
        return existing;
      end if;
      raise exception 'This idempotency key was already used for another booking'
        using errcode = 'PT422', detail = 'idempotency_conflict';
    end if;
  end if;

  select c.* into t from public.consultation_types c
    join public.practitioners p on p.id = c.practitioner_id
   where c.id = p_consultation_type_id and c.practitioner_id = p_practitioner_id and c.active and p.published;
  if not found then
    raise exception 'This practitioner or consultation type cannot be booked' using errcode = 'PT404', detail = 'not_bookable';
  end if;

  perform private.release_expired_holds(p_practitioner_id);

  if not exists (select 1 from private.slots(p_practitioner_id, p_consultation_type_id, p_starts_at,
                                             p_starts_at + interval '1 microsecond') s where s.starts_at = p_starts_at) then
    why := private.unbookable_reason(t, p_starts_at, null);
    raise exception '%', why.message using errcode = 'PT409', detail = why.code, hint = 'Pick a time from get_available_slots.';
  end if;

  if (select count(*) from public.appointments a
       where a.patient_id = caller and a.practitioner_id = p_practitioner_id
         and a.status in ('held', 'confirmed') and a.starts_at > now()) >= 3 then
    raise exception 'You already have 3 upcoming appointments with this practitioner'
      using errcode = 'PT409', detail = 'active_limit_reached';
  end if;

  insert into public.appointments (practitioner_id, patient_id, consultation_type_id, starts_at, ends_at, blocked, status,
                                   hold_expires_at, mode, price_cents, currency, idempotency_key)
  values (p_practitioner_id, caller, t.id, p_starts_at, p_starts_at + make_interval(mins => t.duration_minutes),
          tstzrange(p_starts_at - make_interval(mins => t.buffer_before_minutes),
                    p_starts_at + make_interval(mins => t.duration_minutes + t.buffer_after_minutes), '[)'),
          case when t.price_cents > 0 then 'held' else 'confirmed' end::public.appointment_status,
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
    raise exception 'This time is already taken' using errcode = 'PT409', detail = 'slot_taken';
  when unique_violation then
    -- The same key sent at once for two different bookings (the lock is per practitioner).
    raise exception 'This idempotency key was already used for another booking'
      using errcode = 'PT422', detail = 'idempotency_conflict';
end;
$$;

create or replace function private.cancel(p_appointment_id uuid, p_reason text)
returns public.appointments
language plpgsql volatile security definer set search_path = ''
as $$
declare
  caller uuid := (select auth.uid());
  a public.appointments;
  cutoff int;
  actor public.appointment_actor;
begin
  if char_length(p_reason) > 1000 then
    raise exception 'A reason has at most 1000 characters' using errcode = 'PT400', detail = 'text_too_long';
  end if;
  select * into a from public.appointments x where x.id = p_appointment_id;
  if not found or caller is null or caller not in (a.patient_id, a.practitioner_id) and not private.is_staff() then
    raise exception 'No such appointment' using errcode = 'PT404', detail = 'not_found';
  end if;
  perform private.lock_calendar(a.practitioner_id);
  select * into a from public.appointments x where x.id = p_appointment_id for update;
  if a.status not in ('held', 'confirmed') then
    raise exception 'This appointment is already %', a.status using errcode = 'PT409', detail = 'appointment_closed';
  end if;
  actor := case when caller = a.patient_id then 'patient' when caller = a.practitioner_id then 'practitioner' else 'staff' end;
  if actor = 'patient' then
    select c.cancel_cutoff_hours into cutoff from public.consultation_types c where c.id = a.consultation_type_id;
    if now() > a.starts_at - make_interval(hours => cutoff) then
      raise exception 'Appointments can be cancelled online until % hours before they start', cutoff
        using errcode = 'PT409', detail = 'cutoff_passed', hint = 'Contact the practitioner.';
    end if;
  elsif coalesce(trim(p_reason), '') = '' then
    raise exception 'A reason is required' using errcode = 'PT400', detail = 'reason_required';
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

create or replace function private.reschedule(p_appointment_id uuid, p_starts_at timestamptz)
returns public.appointments
language plpgsql volatile security definer set search_path = ''
as $$
declare
  caller uuid := (select auth.uid());
  a public.appointments;
  t public.consultation_types;
  old_start timestamptz;
  why private.refusal;
begin
  select * into a from public.appointments x where x.id = p_appointment_id;
  if not found or caller is null or caller not in (a.patient_id, a.practitioner_id) then
    raise exception 'No such appointment' using errcode = 'PT404', detail = 'not_found';
  end if;
  perform private.lock_calendar(a.practitioner_id);
  select * into a from public.appointments x where x.id = p_appointment_id for update;
  if a.status not in ('held', 'confirmed') then
    raise exception 'A % appointment cannot be rescheduled', a.status using errcode = 'PT409', detail = 'appointment_closed';
  end if;
  -- An expired hold no longer owns any time (anyone may book over it): moving it would revive it.
  if a.status = 'held' and a.hold_expires_at <= now() then
    raise exception 'This hold has expired: book the time again' using errcode = 'PT409', detail = 'hold_expired';
  end if;
  select * into t from public.consultation_types c where c.id = a.consultation_type_id;
  if caller = a.patient_id and now() > a.starts_at - make_interval(hours => t.cancel_cutoff_hours) then
    raise exception 'Appointments can be moved online until % hours before they start', t.cancel_cutoff_hours
      using errcode = 'PT409', detail = 'cutoff_passed', hint = 'Contact the practitioner.';
  end if;
  perform private.release_expired_holds(a.practitioner_id, a.id);
  -- The appointment's own time does not count as busy: moving by 15 minutes within it is fine.
  if not exists (select 1 from private.slots(a.practitioner_id, a.consultation_type_id, p_starts_at,
                                             p_starts_at + interval '1 microsecond', a.id) s where s.starts_at = p_starts_at) then
    why := private.unbookable_reason(t, p_starts_at, a.id);
    raise exception '%', why.message using errcode = 'PT409', detail = why.code, hint = 'Pick a time from get_available_slots.';
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
    raise exception 'This time is already taken' using errcode = 'PT409', detail = 'slot_taken';
end;
$$;

-- Mode and sort become enums and modes an enum array: the signature changes, so drop and create.
drop function public.search_practitioners(text, text, float8, float8, float8, text, int, int, text);
create function public.search_practitioners(
  p_profession text default null, p_text text default null, p_lat float8 default null, p_lng float8 default null,
  p_radius_km float8 default null, p_mode public.consultation_mode default null, p_limit int default 20, p_offset int default 0,
  p_sort public.search_sort default null)
returns table (
  id uuid, slug text, display_name text, profession_code text, profession_name_fr text, profession_name_en text,
  modes public.consultation_mode[], languages text[], formatted_address text, latitude float8, longitude float8, photo_path text,
  distance_km float8, next_available_at timestamptz, relevance real)
language plpgsql stable security invoker set search_path = ''
set pg_trgm.word_similarity_threshold = 0.45
as $$
declare
  words text[];
  lat_span float8;
  lng_span float8;
begin
  -- Checked before anything reads the text: a huge search string must cost nothing.
  if char_length(p_text) > 200 or char_length(p_profession) > 60 then
    raise exception 'Search text has at most 200 characters' using errcode = 'PT400', detail = 'text_too_long';
  end if;
  if p_limit is null or p_limit not between 1 and 100 then
    raise exception 'p_limit must be between 1 and 100' using errcode = 'PT400', detail = 'out_of_range';
  end if;
  if (p_lat is null) <> (p_lng is null) or (p_radius_km is not null and p_lat is null) then
    raise exception 'Give both p_lat and p_lng (and p_radius_km only with them)' using errcode = 'PT400', detail = 'location_incomplete';
  end if;
  words := array(select w from unnest(regexp_split_to_array(private.normalize_text(trim(p_text)), '\s+')) w where w <> '');
  if p_radius_km is not null then
    lat_span := p_radius_km / 111.0;
    lng_span := p_radius_km / (111.0 * greatest(cos(radians(p_lat)), 0.01));
  end if;
  return query
    with candidates as (
      select p.*, pr.name_fr as prof_fr, pr.name_en as prof_en,
             case when p_lat is null or p.latitude is null then null
                  -- Haversine on a 6371 km sphere, written inline: a function with a fixed
                  -- search_path would not be inlined and would cost a call per row.
                  else 2 * 6371 * asin(sqrt(power(sin(radians(p.latitude - p_lat) / 2), 2)
                         + cos(radians(p_lat)) * cos(radians(p.latitude)) * power(sin(radians(p.longitude - p_lng) / 2), 2)))
                  end as dist,
             case when cardinality(words) = 0 then 1::real
                  else (select avg(extensions.word_similarity(w, p.search_text))::real from unnest(words) w) end as rel
        from public.practitioners p
        join public.professions pr on pr.code = p.profession_code
       where p.published
         and (p_profession is null or p.profession_code = p_profession)
         and (p_mode is null or p_mode = any (p.modes))
         and (cardinality(words) = 0 or not exists (select 1 from unnest(words) w where not (w operator(extensions.<%) p.search_text)))
         and (p_radius_km is null or (p.latitude between p_lat - lat_span and p_lat + lat_span
                                      and p.longitude between p_lng - lng_span and p_lng + lng_span))
    )
    select c.id, c.slug, c.display_name, c.profession_code, c.prof_fr, c.prof_en, c.modes, c.languages, c.formatted_address,
           c.latitude, c.longitude, c.photo_path, c.dist,
           -- A cached value past its validity is recomputed here, for the rows of this page only.
           case when ns.valid_until > now() then ns.next_available_at else (private.compute_next_slot(c.id)).next_at end,
           c.rel
      from candidates c
      left join private.practitioner_next_slots ns on ns.practitioner_id = c.id
     where p_radius_km is null or c.dist <= p_radius_km
     order by
       case when coalesce(p_sort, case when p_lat is not null then 'distance' else 'soonest' end::public.search_sort) = 'distance'
            then c.dist end nulls last,
       case when coalesce(p_sort, case when p_lat is not null then 'distance' else 'soonest' end::public.search_sort) = 'soonest'
            then coalesce(ns.next_available_at, 'infinity') end,
       case when p_sort = 'relevance' then -c.rel end,
       c.rel desc, c.id
     limit p_limit offset greatest(p_offset, 0);
end;
$$;
comment on function public.search_practitioners(text, text, float8, float8, float8, public.consultation_mode, int, int, public.search_sort) is
  'Published practitioners by profession, text, distance and mode, sorted by distance or soonest availability.';
grant execute on function public.search_practitioners(text, text, float8, float8, float8, public.consultation_mode, int, int, public.search_sort)
  to anon, authenticated, service_role;

create or replace function public.practitioner_patients(p_search text default null, p_limit int default 50, p_offset int default 0)
returns table (patient_id uuid, full_name text, email text, appointments_count bigint,
               last_appointment_at timestamptz, next_appointment_at timestamptz)
language plpgsql stable security invoker set search_path = ''
as $$
begin
  if char_length(p_search) > 200 then
    raise exception 'Search text has at most 200 characters' using errcode = 'PT400', detail = 'text_too_long';
  end if;
  if p_limit is null or p_limit not between 1 and 200 then
    raise exception 'p_limit must be between 1 and 200' using errcode = 'PT400', detail = 'out_of_range';
  end if;
  if p_search is null then
    -- The page comes from appointments alone; only its patients' profiles are read (each profile
    -- read runs the RLS policy, so reading them all first would cost one check per appointment).
    return query
      with page as (
        select a.patient_id, count(*) as n, max(a.starts_at) as latest,
               max(a.starts_at) filter (where a.starts_at <= now() and a.status in ('confirmed', 'completed', 'no_show')) as last_at,
               min(a.starts_at) filter (where a.starts_at > now() and a.status in ('held', 'confirmed')) as next_at
          from public.appointments a
         where a.practitioner_id = (select auth.uid())
         group by a.patient_id
         order by latest desc, a.patient_id
         limit p_limit offset greatest(p_offset, 0))
      select pg.patient_id, pr.full_name, pr.email, pg.n, pg.last_at, pg.next_at
        from page pg join public.profiles pr on pr.id = pg.patient_id
       order by pg.latest desc, pg.patient_id;
  else
    return query
      select a.patient_id, pr.full_name, pr.email, count(*),
             max(a.starts_at) filter (where a.starts_at <= now() and a.status in ('confirmed', 'completed', 'no_show')),
             min(a.starts_at) filter (where a.starts_at > now() and a.status in ('held', 'confirmed'))
        from public.appointments a
        join public.profiles pr on pr.id = a.patient_id
       where a.practitioner_id = (select auth.uid())
         and private.normalize_text(coalesce(pr.full_name, '') || ' ' || coalesce(pr.email, ''))
             like '%' || private.normalize_text(p_search) || '%'
       group by a.patient_id, pr.full_name, pr.email
       order by max(a.starts_at) desc, a.patient_id
       limit p_limit offset greatest(p_offset, 0);
  end if;
end;
$$;
