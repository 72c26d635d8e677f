-- The calendar's answer gains what the Google sync added to appointments (20261206170100,
-- 20261206170200) after the calendar was written: the video link, shown in the side panel, and
-- the "needs attention" flag (the event was moved or deleted in Google), marked on the event.
set local lock_timeout = '5s';

create or replace function private.practitioner_calendar(p_from timestamptz, p_to timestamptz)
returns json
language plpgsql stable security definer set search_path = ''
as $$
declare
  me uuid := (select auth.uid());
  zone text;
begin
  if me is null then
    raise exception 'Sign in first' using errcode = 'PT401', detail = 'not_authenticated';
  end if;
  if p_from is null or p_to is null or p_to <= p_from then
    raise exception 'The window ends before it starts' using errcode = 'PT400', detail = 'invalid_window';
  end if;
  -- A month view shows six weeks; an agenda never more than that.
  if p_to - p_from > interval '62 days' then
    raise exception 'At most 62 days at once' using errcode = 'PT400', detail = 'window_too_wide';
  end if;
  select p.time_zone into zone from public.practitioners p where p.id = me;
  if not found then
    -- Patients and staff have no calendar: the same answer as an empty one would leak nothing,
    -- but saying so lets the app show the right page.
    raise exception 'No practitioner profile' using errcode = 'PT404', detail = 'not_found';
  end if;
  return json_build_object(
    'time_zone', zone,
    'types', coalesce((
      select json_agg(json_build_object(
               'id', c.id, 'name_fr', c.name_fr, 'name_en', c.name_en, 'duration_minutes', c.duration_minutes,
               'mode', c.mode, 'active', c.active, 'ordinal', c.ordinal) order by c.ordinal)
        from (select t.*, (row_number() over (order by t.created_at, t.id))::int - 1 as ordinal
                from public.consultation_types t where t.practitioner_id = me) c), '[]'::json),
    'appointments', coalesce((
      select json_agg(json_build_object(
               'id', a.id, 'starts_at', a.starts_at, 'ends_at', a.ends_at, 'status', a.status,
               'hold_expires_at', a.hold_expires_at, 'mode', a.mode, 'price_cents', a.price_cents,
               'currency', a.currency, 'consultation_type_id', a.consultation_type_id,
               'booked_at', a.created_at, 'sponsored', a.sponsor_company_id is not null,
               'payment_status', pay.status, 'video_url', a.video_url, 'needs_attention', a.needs_attention,
               'patient', json_build_object('id', pr.id, 'full_name', pr.full_name, 'email', pr.email, 'phone', pr.phone))
             order by a.starts_at)
        from public.appointments a
        join public.profiles pr on pr.id = a.patient_id
        left join public.payments pay on pay.appointment_id = a.id
       where a.practitioner_id = me
         -- An appointment lasts at most 480 minutes (consultation_types.duration_minutes), so this
         -- lower bound keeps the scan on appointments_practitioner_starts_idx.
         and a.starts_at >= p_from - interval '480 minutes' and a.starts_at < p_to
         and a.ends_at > p_from
         and a.status <> 'cancelled'), '[]'::json),
    'exceptions', coalesce((
      select json_agg(json_build_object(
               'id', e.id, 'kind', e.kind, 'starts_at', lower(e.during), 'ends_at', upper(e.during), 'note', e.note)
             order by lower(e.during))
        from public.availability_exceptions e
       where e.practitioner_id = me and e.during && tstzrange(p_from, p_to, '[)')), '[]'::json),
    'busy', coalesce((
      select json_agg(json_build_object(
               'id', b.id, 'source', b.source, 'starts_at', lower(b.during), 'ends_at', upper(b.during))
             order by lower(b.during))
        from public.external_busy_intervals b
       where b.practitioner_id = me and b.during && tstzrange(p_from, p_to, '[)')), '[]'::json));
end;
$$;
