-- Home-care dispatch (issue 16, decision 0028): making a request, the candidate query, the
-- repeat-safe dispatcher tick that sends offers in waves, atomic accept (first wins), staff
-- assignment, the watchdog, and the signed link an SMS carries. One free-time rule
-- (private.home_visit_start) decides both who is offered a request and where each visit lands.
set local lock_timeout = '5s';

create extension if not exists pgcrypto with schema extensions;

-- Straight-line (great-circle) distance; travel estimates and service areas use it. Written to be
-- inlined into the queries that call it thousands of times (a plain SQL expression: no SET, not
-- STRICT; a call costs about six times the arithmetic). Built-ins only, schema-qualified, so the
-- caller's search_path cannot change its meaning; a null coordinate gives null.
create function private.km_between(p_lat1 double precision, p_lng1 double precision,
                                   p_lat2 double precision, p_lng2 double precision)
returns double precision
language sql immutable parallel safe
as $$
  select 2 * 6371.0 * pg_catalog.asin(pg_catalog.sqrt(case
    when pg_catalog.power(pg_catalog.sin(pg_catalog.radians(p_lat2 - p_lat1) / 2), 2)
         + pg_catalog.cos(pg_catalog.radians(p_lat1)) * pg_catalog.cos(pg_catalog.radians(p_lat2))
           * pg_catalog.power(pg_catalog.sin(pg_catalog.radians(p_lng2 - p_lng1) / 2), 2) > 1 then 1.0
    else pg_catalog.power(pg_catalog.sin(pg_catalog.radians(p_lat2 - p_lat1) / 2), 2)
         + pg_catalog.cos(pg_catalog.radians(p_lat1)) * pg_catalog.cos(pg_catalog.radians(p_lat2))
           * pg_catalog.power(pg_catalog.sin(pg_catalog.radians(p_lng2 - p_lng1) / 2), 2) end));
$$;
comment on function private.km_between(double precision, double precision, double precision, double precision) is
  'Great-circle distance in km (haversine): service areas and travel estimates are straight lines.';

-- How fast each urgency moves: minutes between waves, minutes before staff are alerted, wave size.
create function private.home_care_pace(p_urgency public.home_care_urgency,
                                       out wave_minutes int, out limit_minutes int, out wave_size int)
language sql immutable set search_path = ''
as $$
  select case p_urgency when 'urgent' then 5 when 'today' then 15 else 30 end,
         case p_urgency when 'urgent' then 60 when 'today' then 240 else 1440 end,
         3;
$$;
comment on function private.home_care_pace(public.home_care_urgency) is
  'Dispatch pace per urgency: wave spacing (5/15/30 min), staff alert limit (1 h/4 h/24 h), offers per wave (3).';

-- The earliest start inside a window where the visit and its travel margin on both sides touch
-- nothing busy; null when it does not fit. Pure, over busy time already gathered, so that the
-- candidate query gathers each practitioner's busy time once for all the request's visits.
create function private.visit_start_in(p_busy tstzmultirange, p_window tstzrange, p_duration interval, p_travel interval)
returns timestamptz
language sql immutable set search_path = ''
as $$
  select min(x.s)
    from unnest(tstzmultirange(tstzrange(lower(p_window) - p_travel, upper(p_window) + p_travel, '[)')) - p_busy) as f (r)
   cross join lateral (select greatest(lower(f.r) + p_travel, lower(p_window)) as s) x
   where x.s + p_duration + p_travel <= upper(f.r)
     and x.s + p_duration <= upper(p_window);
$$;
comment on function private.visit_start_in(tstzmultirange, tstzrange, interval, interval) is
  'Earliest start of a visit in a window, its travel margin free on both sides of given busy time; null when it does not fit.';
revoke all on function private.visit_start_in(tstzmultirange, tstzrange, interval, interval) from public;

-- The same for a practitioner's calendar now (appointments with their own buffers, held ones
-- unexpired, external busy time): what accept books.
create function private.home_visit_start(p_practitioner_id uuid, p_window tstzrange, p_duration interval, p_travel interval)
returns timestamptz
language sql stable security definer set search_path = ''
as $$
  select private.visit_start_in(
    private.busy_ranges(p_practitioner_id, lower(p_window) - p_travel, upper(p_window) + p_travel, null),
    p_window, p_duration, p_travel);
$$;
comment on function private.home_visit_start(uuid, tstzrange, interval, interval) is
  'Earliest start of a home visit in a window with its travel margin free on both sides; null when it does not fit.';
revoke all on function private.home_visit_start(uuid, tstzrange, interval, interval) from public;

-- Who may be offered a request, best first, in one query: verified and published, the care
-- type's profession, home visits on, the address inside their radius, every visit fitting their
-- free time; ranked by the travel the first visit adds to that day's round (whole km), then by
-- acceptance history (smoothed rate over 90 days), then fairness (fewest accepted this week, then
-- a per-request shuffle).
create function private.home_care_candidates(p_request_id uuid, p_now timestamptz, p_exclude_offered boolean default true)
returns table (practitioner_id uuid, distance_km double precision, added_travel_km double precision,
               acceptance double precision, accepted_this_week int, candidate_rank int)
language sql stable security definer set search_path = ''
as $$
  with req as (
    select r.id, r.patient_id, r.latitude, r.longitude, c.profession_code,
           make_interval(mins => c.duration_minutes) as duration,
           (select v.time_window from public.home_care_visits v where v.request_id = r.id order by v.seq limit 1) as first_window,
           (select min(lower(v.time_window)) from public.home_care_visits v where v.request_id = r.id) as first_from,
           (select max(upper(v.time_window)) from public.home_care_visits v where v.request_id = r.id) as last_to,
           array(select v.time_window from public.home_care_visits v where v.request_id = r.id order by v.seq) as windows,
           -- The local day of the first visit, in the request's zone (where the visits are).
           (select date_trunc('day', min(lower(v.time_window)) at time zone r.time_zone) at time zone r.time_zone
              from public.home_care_visits v where v.request_id = r.id) as day_start
      from public.home_care_requests r
      join public.care_types c on c.id = r.care_type_id
     where r.id = p_request_id
  ), near as (
    select p.id, s.base_latitude, s.base_longitude, make_interval(mins => s.travel_minutes) as travel,
           private.km_between(s.base_latitude, s.base_longitude, req.latitude, req.longitude) as distance_km
      from req
      join public.practitioners p
        on p.profession_code = req.profession_code and p.published and p.verification_status = 'verified'
      join public.home_visit_settings s on s.practitioner_id = p.id and s.enabled
     where p.id <> req.patient_id
       -- A box first (cheap, one degree of latitude is 111 km), then the exact distance.
       and s.base_latitude between req.latitude - s.radius_km / 111.0 and req.latitude + s.radius_km / 111.0
       and private.km_between(s.base_latitude, s.base_longitude, req.latitude, req.longitude) <= s.radius_km
       and not (p_exclude_offered and exists (
         select 1 from public.home_care_offers o where o.request_id = req.id and o.practitioner_id = p.id))
  ), span as (
    -- Everything the request's visits and any travel margin (at most 2 h) or buffer (at most 4 h)
    -- can touch; and who is near, as an array (a CTE's row estimate is a guess: a membership test
    -- on an array keeps the planner from nesting loops over it).
    select tstzrange(req.first_from - interval '6 hours', req.last_to + interval '6 hours') as r,
           array(select n.id from near n) as ids
      from req
  ), booked as (
    -- Busy time of all of them in one scan (private.busy_ranges' rule: active appointments with
    -- their buffers, held ones unexpired; external busy time).
    select a.practitioner_id, range_agg(a.blocked) as taken
      from public.appointments a, span
     where a.practitioner_id = any (span.ids)
       and a.starts_at > lower(span.r) - interval '1 day' and a.starts_at < upper(span.r)
       and a.blocked && span.r
       and a.status in ('held', 'confirmed') and (a.status = 'confirmed' or a.hold_expires_at > now())
     group by a.practitioner_id
  ), elsewhere as (
    select e.practitioner_id, range_agg(e.during) as taken
      from public.external_busy_intervals e, span
     where e.during && span.r and e.practitioner_id = any (span.ids)
     group by e.practitioner_id
  ), busy as (
    select n.*, coalesce(bk.taken, '{}'::tstzmultirange) + coalesce(ex.taken, '{}'::tstzmultirange) as taken
      from near n
      left join booked bk on bk.practitioner_id = n.id
      left join elsewhere ex on ex.practitioner_id = n.id
  ), free as (
    -- A visit whose window and margins touch nothing busy fits at once; only the others are worked out.
    select b.* from busy b, req
     where isempty(b.taken) or not exists (
       select 1 from unnest(req.windows) as v (w)
        where b.taken && tstzrange(lower(v.w) - b.travel, upper(v.w) + b.travel)
          and private.visit_start_in(b.taken, v.w, req.duration, b.travel) is null)
  ), day_visits as (
    -- Their home visits on the first visit's local day, with where each is, in one scan.
    select a.practitioner_id, a.starts_at, hr.latitude as lat, hr.longitude as lng,
           a.starts_at < lower(req.first_window) as before
      from public.appointments a
      join public.home_care_visits hv on hv.appointment_id = a.id
      join public.home_care_requests hr on hr.id = hv.request_id
      cross join req
     where a.practitioner_id = any (array(select f.id from free f))
       and a.starts_at >= req.day_start and a.starts_at < req.day_start + interval '1 day'
       and a.status in ('held', 'confirmed')
  ), prev as (
    select distinct on (dv.practitioner_id) dv.practitioner_id, dv.lat, dv.lng
      from day_visits dv where dv.before order by dv.practitioner_id, dv.starts_at desc
  ), nxt as (
    select distinct on (dv.practitioner_id) dv.practitioner_id, dv.lat, dv.lng
      from day_visits dv where not dv.before order by dv.practitioner_id, dv.starts_at
  ), travel as (
    select f.id, f.distance_km,
           coalesce(private.km_between(prev.lat, prev.lng, req.latitude, req.longitude), f.distance_km)
           + coalesce(private.km_between(req.latitude, req.longitude, nxt.lat, nxt.lng), f.distance_km)
           - private.km_between(coalesce(prev.lat, f.base_latitude), coalesce(prev.lng, f.base_longitude),
                                coalesce(nxt.lat, f.base_latitude), coalesce(nxt.lng, f.base_longitude)) as added_km
      from free f
     cross join req
      left join prev on prev.practitioner_id = f.id
      left join nxt on nxt.practitioner_id = f.id
  ), history as (
    select o.practitioner_id,
           count(*) filter (where o.state = 'accepted') as accepted,
           count(*) as offered,
           count(*) filter (where o.state = 'accepted' and o.sent_at > p_now - interval '7 days') as week
      from public.home_care_offers o
     where o.practitioner_id = any (array(select t.id from travel t)) and o.sent_at > p_now - interval '90 days'
     group by o.practitioner_id
  )
  select t.id, t.distance_km, greatest(t.added_km, 0),
         (coalesce(h.accepted, 0) + 1)::double precision / (coalesce(h.offered, 0) + 2),
         coalesce(h.week, 0)::int,
         (row_number() over (order by round(greatest(t.added_km, 0)),
                                      (coalesce(h.accepted, 0) + 1)::double precision / (coalesce(h.offered, 0) + 2) desc,
                                      coalesce(h.week, 0),
                                      md5(p_request_id::text || t.id::text)))::int
    from travel t
    left join history h on h.practitioner_id = t.id
   order by 6;
$$;
comment on function private.home_care_candidates(uuid, timestamptz, boolean) is
  'Practitioners a home-care request may be offered to, best first (added travel, acceptance history, fairness).';
revoke all on function private.home_care_candidates(uuid, timestamptz, boolean) from public;

-- Staff (manual assignment) and the benchmark see the whole ranked list, offered ones included.
create function private.list_home_care_candidates(p_request_id uuid)
returns table (practitioner_id uuid, display_name text, distance_km double precision, added_travel_km double precision,
               acceptance double precision, accepted_this_week int, candidate_rank int, offered boolean)
language plpgsql stable security definer set search_path = ''
as $$
begin
  if coalesce((select auth.role()), '') <> 'service_role' and not (select private.is_staff()) then
    raise exception 'Only staff can list candidates' using errcode = 'PT403', detail = 'staff_only';
  end if;
  return query
    select c.practitioner_id, p.display_name, c.distance_km, c.added_travel_km, c.acceptance, c.accepted_this_week, c.candidate_rank,
           exists (select 1 from public.home_care_offers o where o.request_id = p_request_id and o.practitioner_id = c.practitioner_id)
      from private.home_care_candidates(p_request_id, now(), false) c
      join public.practitioners p on p.id = c.practitioner_id
     order by c.candidate_rank;
end;
$$;
comment on function private.list_home_care_candidates(uuid) is 'Staff: the ranked practitioners who could take a request now.';
revoke all on function private.list_home_care_candidates(uuid) from public, anon;
grant execute on function private.list_home_care_candidates(uuid) to authenticated, service_role;

-- A patient (or a relative) asks for care. The visits are planned here, from the daily windows in
-- the request's zone, skipping windows already over; the dispatcher's next tick sends wave 1.
create function private.request_home_care(
  p_care_type_id uuid, p_address text, p_latitude double precision, p_longitude double precision,
  p_daily_windows text[], p_first_day date, p_day_count int, p_urgency public.home_care_urgency,
  p_contact_phone text, p_for_whom text, p_care_recipient_name text,
  p_locality text default null, p_place_id text default null, p_time_zone text default 'Europe/Paris',
  p_notes text default null, p_prescription_path text default null)
returns public.home_care_requests
language plpgsql volatile security definer set search_path = ''
as $$
declare
  caller uuid := (select auth.uid());
  care public.care_types;
  result public.home_care_requests;
  w text;
  visits int;
begin
  if caller is null then
    raise exception 'Sign in to ask for care' using errcode = 'PT401', detail = 'not_authenticated';
  end if;
  select * into care from public.care_types c where c.id = p_care_type_id and c.active;
  if not found then
    raise exception 'No such care type' using errcode = 'PT404', detail = 'not_found';
  end if;
  if not private.is_valid_time_zone(p_time_zone) then
    raise exception 'Unknown time zone "%"', p_time_zone using errcode = 'PT400', detail = 'invalid_time_zone';
  end if;
  foreach w in array coalesce(p_daily_windows, '{}') loop
    if w !~ '^([01][0-9]|2[0-3]):[0-5][0-9]-([01][0-9]|2[0-3]):[0-5][0-9]$'
       or split_part(w, '-', 1)::time + make_interval(mins => care.duration_minutes) > split_part(w, '-', 2)::time then
      raise exception 'A window is HH:MM-HH:MM and long enough for one visit: "%"', w
        using errcode = 'PT400', detail = 'invalid_window';
    end if;
  end loop;
  if p_first_day is null or p_first_day < (now() at time zone p_time_zone)::date
     or p_first_day > (now() at time zone p_time_zone)::date + 90 then
    raise exception 'The first day is today or within 90 days' using errcode = 'PT400', detail = 'invalid_window';
  end if;
  if p_prescription_path is not null and split_part(p_prescription_path, '/', 1) <> caller::text then
    raise exception 'A prescription is one of your own uploads' using errcode = 'PT403', detail = 'forbidden';
  end if;

  insert into public.home_care_requests (patient_id, care_type_id, for_whom, care_recipient_name, contact_phone, address,
                                         locality, place_id, latitude, longitude, time_zone, daily_windows, first_day,
                                         day_count, urgency, notes, prescription_path)
  values (caller, care.id, p_for_whom, trim(p_care_recipient_name), p_contact_phone, trim(p_address), p_locality, p_place_id,
          p_latitude, p_longitude, p_time_zone, p_daily_windows, p_first_day, coalesce(p_day_count, 1), p_urgency,
          nullif(trim(p_notes), ''), p_prescription_path)
  returning * into result;

  insert into public.home_care_visits (request_id, seq, time_window)
  select result.id, row_number() over (order by x.lo), tstzrange(x.lo, x.hi, '[)')
    from (
      select ((p_first_day + d) + split_part(w.w, '-', 1)::time) at time zone p_time_zone as lo,
             ((p_first_day + d) + split_part(w.w, '-', 2)::time) at time zone p_time_zone as hi
        from generate_series(0, coalesce(p_day_count, 1) - 1) d
       cross join unnest(p_daily_windows) w (w)) x
   where x.hi - make_interval(mins => care.duration_minutes) > now();
  get diagnostics visits = row_count;
  if visits = 0 then
    raise exception 'Every window asked for is already over' using errcode = 'PT400', detail = 'invalid_window';
  end if;
  return result;
end;
$$;
comment on function private.request_home_care(uuid, text, double precision, double precision, text[], date, int,
  public.home_care_urgency, text, text, text, text, text, text, text, text) is
  'A signed-in person asks for care at home; the visits are planned from daily windows over days.';
revoke all on function private.request_home_care(uuid, text, double precision, double precision, text[], date, int,
  public.home_care_urgency, text, text, text, text, text, text, text, text) from public, anon;
grant execute on function private.request_home_care(uuid, text, double precision, double precision, text[], date, int,
  public.home_care_urgency, text, text, text, text, text, text, text, text) to authenticated;

-- One wave for one request, under its row lock: the best candidates not offered yet get an offer
-- and its outbox message in this transaction. A crash before commit leaves nothing behind; the
-- unique (request, practitioner) and the outbox dedupe key make a replay send nothing twice.
create function private.send_wave(p_request public.home_care_requests, p_now timestamptz) returns int
language plpgsql volatile security definer set search_path = ''
as $$
declare
  pace record := private.home_care_pace(p_request.urgency);
  made int;
begin
  with picked as (
    select c.practitioner_id, c.added_travel_km, c.candidate_rank
      from private.home_care_candidates(p_request.id, p_now, true) c
     order by c.candidate_rank
     limit pace.wave_size
  ), inserted as (
    insert into public.home_care_offers (request_id, practitioner_id, wave, rank, added_travel_km, sent_at)
    select p_request.id, p.practitioner_id, p_request.wave + 1, p.candidate_rank, p.added_travel_km, p_now from picked p
    on conflict (request_id, practitioner_id) do nothing
    returning id, practitioner_id
  ), told as (
    insert into public.outbox (topic, payload, dedupe_key)
    select 'homecare.offer', jsonb_build_object('offer_id', i.id, 'request_id', p_request.id, 'practitioner_id', i.practitioner_id),
           'homecare-offer:' || i.id
      from inserted i
    on conflict (dedupe_key) do nothing
    returning 1
  )
  select count(*) into made from inserted;

  update public.home_care_requests r
     set wave = r.wave + case when made > 0 then 1 else 0 end,
         state = case when made > 0 then 'offered'::public.home_care_state else r.state end,
         next_wave_at = p_now + make_interval(mins => pace.wave_minutes)
   where r.id = p_request.id;
  return made;
end;
$$;
comment on function private.send_wave(public.home_care_requests, timestamptz) is
  'Sends a request''s next wave of offers (offer rows + outbox messages) and plans the one after.';
revoke all on function private.send_wave(public.home_care_requests, timestamptz) from public;

-- The dispatcher: every minute (private.scheduled_jobs). Requests due for a wave get one; a
-- request waiting past its urgency's limit alerts each staff member once. Two ticks at once skip
-- each other's rows (skip locked); p_now lets tests drive the clock.
create function public.dispatch_home_care_tick(p_now timestamptz default null) returns int
language plpgsql volatile security definer set search_path = ''
as $$
declare
  at timestamptz := coalesce(p_now, now());
  req public.home_care_requests;
  sent int := 0;
begin
  for req in
    select * from public.home_care_requests r
     where r.state in ('searching', 'offered') and r.next_wave_at <= at
     order by r.next_wave_at
     for update skip locked
  loop
    sent := sent + private.send_wave(req, at);
  end loop;

  with late as (
    update public.home_care_requests r set escalated_at = at
     where r.id in (select x.id from public.home_care_requests x
                     where x.state in ('searching', 'offered') and x.escalated_at is null
                       and x.created_at + make_interval(mins => (private.home_care_pace(x.urgency)).limit_minutes) <= at
                     for update skip locked)
    returning r.id
  )
  insert into public.outbox (topic, payload, dedupe_key)
  select 'homecare.escalated', jsonb_build_object('request_id', l.id, 'staff_id', s.user_id),
         'homecare-escalated:' || l.id || ':' || s.user_id
    from late l cross join public.staff_members s
  on conflict (dedupe_key) do nothing;
  return sent;
end;
$$;
comment on function public.dispatch_home_care_tick(timestamptz) is
  'Job: sends due waves of home-care offers and alerts staff once about requests past their urgency limit; answers offers sent.';
revoke all on function public.dispatch_home_care_tick(timestamptz) from public, anon, authenticated;
grant execute on function public.dispatch_home_care_tick(timestamptz) to service_role;

-- The practitioner's hidden at-home consultation type for a care type (appointments need one);
-- inactive, so it is never offered by booking or search.
create function private.home_care_consultation_type(p_practitioner_id uuid, p_care public.care_types, p_travel_minutes int)
returns public.consultation_types
language plpgsql volatile security definer set search_path = ''
as $$
declare
  t public.consultation_types;
begin
  select * into t from public.consultation_types c
   where c.practitioner_id = p_practitioner_id and c.mode = 'at_home' and not c.active
     and c.name_fr = p_care.name_fr and c.duration_minutes = p_care.duration_minutes
     and c.buffer_before_minutes = p_travel_minutes and c.buffer_after_minutes = p_travel_minutes
   limit 1;
  if not found then
    insert into public.consultation_types (practitioner_id, name_fr, name_en, duration_minutes, price_cents, mode,
                                           buffer_before_minutes, buffer_after_minutes, min_notice_minutes, active)
    values (p_practitioner_id, p_care.name_fr, p_care.name_en, p_care.duration_minutes, 0, 'at_home',
            p_travel_minutes, p_travel_minutes, 0, false)
    returning * into t;
  end if;
  return t;
end;
$$;
comment on function private.home_care_consultation_type(uuid, public.care_types, int) is
  'Finds or makes the inactive at-home consultation type that home-care appointments of one care type use.';
revoke all on function private.home_care_consultation_type(uuid, public.care_types, int) from public;

-- Gives a request to one practitioner: the request's row lock makes the first caller win and
-- every other one read "scheduled" (already_taken). Each visit becomes a confirmed at-home
-- appointment at its earliest free time, travel margins as buffers, under the calendar lock.
create function private.take_home_care_request(p_request_id uuid, p_practitioner_id uuid, p_staff uuid)
returns public.home_care_requests
language plpgsql volatile security definer set search_path = ''
as $$
declare
  req public.home_care_requests;
  care public.care_types;
  settings public.home_visit_settings;
  t public.consultation_types;
  v public.home_care_visits;
  starts timestamptz;
  made uuid;
begin
  select * into req from public.home_care_requests r where r.id = p_request_id for update;
  if not found then
    raise exception 'No such request' using errcode = 'PT404', detail = 'not_found';
  elsif req.state = 'scheduled' then
    raise exception 'Another practitioner already took this request' using errcode = 'PT409', detail = 'already_taken';
  elsif req.state = 'cancelled' then
    raise exception 'This request was cancelled' using errcode = 'PT409', detail = 'request_closed';
  end if;
  select * into care from public.care_types c where c.id = req.care_type_id;
  select * into settings from public.home_visit_settings s where s.practitioner_id = p_practitioner_id;
  perform private.lock_calendar(p_practitioner_id);
  perform private.release_expired_holds(p_practitioner_id);
  t := private.home_care_consultation_type(p_practitioner_id, care, coalesce(settings.travel_minutes, 15));

  for v in select * from public.home_care_visits x where x.request_id = req.id order by x.seq loop
    starts := private.home_visit_start(p_practitioner_id, v.time_window, make_interval(mins => t.duration_minutes),
                                       make_interval(mins => t.buffer_before_minutes));
    if starts is null then
      raise exception 'Visit % no longer fits your free time', v.seq using errcode = 'PT409', detail = 'visit_unavailable';
    end if;
    insert into public.appointments (practitioner_id, patient_id, consultation_type_id, starts_at, ends_at, blocked, status,
                                     mode, price_cents, currency)
    values (p_practitioner_id, req.patient_id, t.id, starts, starts + make_interval(mins => t.duration_minutes),
            tstzrange(starts - make_interval(mins => t.buffer_before_minutes),
                      starts + make_interval(mins => t.duration_minutes + t.buffer_after_minutes), '[)'),
            'confirmed', 'at_home', 0, t.currency)
    returning id into made;
    update public.home_care_visits x set appointment_id = made where x.id = v.id;
  end loop;

  insert into public.home_care_offers (request_id, practitioner_id, wave, rank, state, answered_at)
  values (req.id, p_practitioner_id, greatest(req.wave, 1), 1, 'accepted', now())
  on conflict (request_id, practitioner_id) do update set state = 'accepted', answered_at = now();
  update public.home_care_offers o set state = 'taken', answered_at = now()
   where o.request_id = req.id and o.practitioner_id <> p_practitioner_id and o.state = 'open';
  update public.home_care_requests r
     set state = 'scheduled', accepted_by = p_practitioner_id, accepted_at = now(), next_wave_at = null,
         assigned_by_staff = p_staff
   where r.id = req.id
  returning * into req;
  perform private.enqueue('homecare.accepted',
    jsonb_build_object('request_id', req.id, 'patient_id', req.patient_id, 'practitioner_id', p_practitioner_id),
    'homecare-accepted:' || req.id);
  return req;
exception
  when exclusion_violation then
    raise exception 'A visit no longer fits your free time' using errcode = 'PT409', detail = 'visit_unavailable';
end;
$$;
comment on function private.take_home_care_request(uuid, uuid, uuid) is
  'Gives a request to one practitioner (first wins under the row lock) and books every visit in their calendar.';
revoke all on function private.take_home_care_request(uuid, uuid, uuid) from public;

create function private.accept_home_care_offer(p_offer_id uuid) returns public.home_care_requests
language plpgsql volatile security definer set search_path = ''
as $$
declare
  caller uuid := (select auth.uid());
  offer public.home_care_offers;
begin
  if caller is null then
    raise exception 'Sign in to accept' using errcode = 'PT401', detail = 'not_authenticated';
  end if;
  select * into offer from public.home_care_offers o where o.id = p_offer_id and o.practitioner_id = caller;
  if not found then
    raise exception 'No such offer' using errcode = 'PT404', detail = 'not_found';
  end if;
  if not exists (select 1 from public.practitioners p where p.id = caller and p.published) then
    raise exception 'Only a published practitioner can accept' using errcode = 'PT403', detail = 'forbidden';
  end if;
  return private.take_home_care_request(offer.request_id, caller, null);
end;
$$;
comment on function private.accept_home_care_offer(uuid) is
  'The practitioner an offer went to takes the request; the first accept wins, later ones get already_taken.';
revoke all on function private.accept_home_care_offer(uuid) from public, anon;
grant execute on function private.accept_home_care_offer(uuid) to authenticated;

-- Declining frees the request sooner: when no offer is left open, the next wave is due at once.
create function private.decline_home_care_offer(p_offer_id uuid) returns public.home_care_offers
language plpgsql volatile security definer set search_path = ''
as $$
declare
  offer public.home_care_offers;
begin
  update public.home_care_offers o set state = 'declined', answered_at = now()
   where o.id = p_offer_id and o.practitioner_id = (select auth.uid()) and o.state = 'open'
  returning * into offer;
  if not found then
    raise exception 'No open offer of yours' using errcode = 'PT404', detail = 'not_found';
  end if;
  update public.home_care_requests r set next_wave_at = least(r.next_wave_at, now())
   where r.id = offer.request_id and r.state = 'offered'
     and not exists (select 1 from public.home_care_offers o where o.request_id = r.id and o.state = 'open');
  return offer;
end;
$$;
comment on function private.decline_home_care_offer(uuid) is 'The practitioner turns an open offer down; the last one down brings the next wave forward.';
revoke all on function private.decline_home_care_offer(uuid) from public, anon;
grant execute on function private.decline_home_care_offer(uuid) to authenticated;

create function private.assign_home_care_request(p_request_id uuid, p_practitioner_id uuid) returns public.home_care_requests
language plpgsql volatile security definer set search_path = ''
as $$
begin
  if not (select private.is_staff()) then
    raise exception 'Only staff can assign a request' using errcode = 'PT403', detail = 'staff_only';
  end if;
  if not exists (select 1 from public.practitioners p where p.id = p_practitioner_id and p.published) then
    raise exception 'This practitioner is not published' using errcode = 'PT404', detail = 'not_found';
  end if;
  return private.take_home_care_request(p_request_id, p_practitioner_id, (select auth.uid()));
end;
$$;
comment on function private.assign_home_care_request(uuid, uuid) is 'Staff give an unassigned request to a practitioner by hand (same rules as accept).';
revoke all on function private.assign_home_care_request(uuid, uuid) from public, anon;
grant execute on function private.assign_home_care_request(uuid, uuid) to authenticated;

create function private.cancel_home_care_request(p_request_id uuid) returns public.home_care_requests
language plpgsql volatile security definer set search_path = ''
as $$
declare
  req public.home_care_requests;
begin
  select * into req from public.home_care_requests r where r.id = p_request_id for update;
  if not found or (req.patient_id is distinct from (select auth.uid()) and not (select private.is_staff())) then
    raise exception 'No such request' using errcode = 'PT404', detail = 'not_found';
  elsif req.state = 'cancelled' then
    return req;
  end if;
  update public.appointments a
     set status = 'cancelled', cancelled_at = now(), cancelled_by = (select auth.uid()),
         cancelled_by_role = case when req.patient_id = (select auth.uid()) then 'patient' else 'staff' end::public.appointment_actor
   where a.id in (select v.appointment_id from public.home_care_visits v where v.request_id = req.id)
     and a.status = 'confirmed' and a.starts_at > now();
  update public.home_care_offers o set state = 'withdrawn', answered_at = now() where o.request_id = req.id and o.state = 'open';
  update public.home_care_requests r set state = 'cancelled', cancelled_at = now(), next_wave_at = null
   where r.id = req.id returning * into req;
  return req;
end;
$$;
comment on function private.cancel_home_care_request(uuid) is 'The patient (or staff) cancels a request: open offers withdrawn, future visits cancelled.';
revoke all on function private.cancel_home_care_request(uuid) from public, anon;
grant execute on function private.cancel_home_care_request(uuid) to authenticated;

-- The watchdog: finds requests stuck in any state and tells staff once per request and reason.
-- searching/offered whose next wave is 10 minutes overdue (the dispatcher is not running);
-- scheduled with a visit that has no active appointment; open offers of a decided request
-- (repaired at once: they become taken or withdrawn).
create function public.home_care_watchdog_tick(p_now timestamptz default null) returns int
language plpgsql volatile security definer set search_path = ''
as $$
declare
  at timestamptz := coalesce(p_now, now());
  found_stuck int;
begin
  update public.home_care_offers o
     set state = case r.state when 'cancelled' then 'withdrawn' else 'taken' end::public.home_care_offer_state,
         answered_at = at
    from public.home_care_requests r
   where r.id = o.request_id and o.state = 'open' and r.state in ('scheduled', 'cancelled');

  with stuck as (
    select r.id, 'dispatch_overdue' as reason from public.home_care_requests r
     where r.state in ('searching', 'offered') and r.next_wave_at < at - interval '10 minutes'
    union all
    select r.id, 'visit_without_appointment' from public.home_care_requests r
     where r.state = 'scheduled' and exists (
       select 1 from public.home_care_visits v left join public.appointments a on a.id = v.appointment_id
        where v.request_id = r.id and upper(v.time_window) > at
          and (a.id is null or (a.status = 'cancelled' and a.cancelled_by_role is distinct from 'patient')))
  ), told as (
    insert into public.outbox (topic, payload, dedupe_key)
    select 'homecare.stuck', jsonb_build_object('request_id', s.id, 'staff_id', m.user_id, 'reason', s.reason),
           'homecare-stuck:' || s.id || ':' || s.reason || ':' || m.user_id
      from stuck s cross join public.staff_members m
    on conflict (dedupe_key) do nothing
    returning 1
  )
  select count(*) into found_stuck from stuck;
  return found_stuck;
end;
$$;
comment on function public.home_care_watchdog_tick(timestamptz) is
  'Job: repairs open offers of decided requests and alerts staff once about stuck requests; answers how many are stuck.';
revoke all on function public.home_care_watchdog_tick(timestamptz) from public, anon, authenticated;
grant execute on function public.home_care_watchdog_tick(timestamptz) to service_role;

-- The SMS link: the offer id and an HMAC of it under a key only the database holds. It opens the
-- offer's summary without signing in; accepting needs the practitioner's own session.
create table private.home_care_link_keys (
  id int primary key check (id = 1),
  secret bytea not null default extensions.gen_random_bytes(32)
);
comment on table private.home_care_link_keys is 'The key that signs home-care offer links (never exposed).';
insert into private.home_care_link_keys (id) values (1);

create function private.home_care_offer_token(p_offer_id uuid) returns text
language sql stable security definer set search_path = ''
as $$
  select p_offer_id::text || '.' || left(encode(extensions.hmac(convert_to(p_offer_id::text, 'UTF8'), k.secret, 'sha256'), 'hex'), 32)
    from private.home_care_link_keys k where k.id = 1;
$$;
comment on function private.home_care_offer_token(uuid) is 'The signed token of an offer''s link: <offer id>.<HMAC-SHA256, 128 bits>.';
revoke all on function private.home_care_offer_token(uuid) from public;

-- What an offer link shows: the care, the town, the windows and how far it is, never the street
-- or the phone (those come with acceptance). Anyone holding the link may read it.
create function private.home_care_offer_summary(p_token text)
returns table (offer_id uuid, offer_state public.home_care_offer_state, request_state public.home_care_state,
               practitioner_id uuid, care_fr text, care_en text, duration_minutes int, urgency public.home_care_urgency,
               locality text, distance_km double precision, time_zone text, daily_windows text[], first_day date,
               day_count int, visit_count int, first_window_start timestamptz, taken_by_you boolean)
language plpgsql stable security definer set search_path = ''
as $$
declare
  wanted uuid;
begin
  if p_token !~ '^[0-9a-f-]{36}\.[0-9a-f]{32}$' then
    raise exception 'This link is not valid' using errcode = 'PT404', detail = 'not_found';
  end if;
  wanted := split_part(p_token, '.', 1)::uuid;
  if private.home_care_offer_token(wanted) is distinct from p_token then
    raise exception 'This link is not valid' using errcode = 'PT404', detail = 'not_found';
  end if;
  return query
    select o.id, o.state, r.state, o.practitioner_id, c.name_fr, c.name_en, c.duration_minutes, r.urgency, r.locality,
           round(private.km_between(s.base_latitude, s.base_longitude, r.latitude, r.longitude)::numeric, 1)::double precision,
           r.time_zone, r.daily_windows, r.first_day, r.day_count,
           (select count(*)::int from public.home_care_visits v where v.request_id = r.id),
           (select min(lower(v.time_window)) from public.home_care_visits v where v.request_id = r.id),
           r.accepted_by = o.practitioner_id
      from public.home_care_offers o
      join public.home_care_requests r on r.id = o.request_id
      join public.care_types c on c.id = r.care_type_id
      left join public.home_visit_settings s on s.practitioner_id = o.practitioner_id
     where o.id = wanted;
end;
$$;
comment on function private.home_care_offer_summary(text) is 'The summary an SMS link opens, without sign-in: what, where (town), when, how far.';
revoke all on function private.home_care_offer_summary(text) from public;
grant execute on function private.home_care_offer_summary(text) to anon, authenticated;

-- A practitioner's own offers with their link tokens (the in-app list opens the same page).
create function private.my_home_care_offers()
returns table (offer_id uuid, token text, state public.home_care_offer_state, request_state public.home_care_state,
               care_fr text, care_en text, locality text, first_window_start timestamptz, sent_at timestamptz)
language sql stable security definer set search_path = ''
as $$
  select o.id, private.home_care_offer_token(o.id), o.state, r.state, c.name_fr, c.name_en, r.locality,
         (select min(lower(v.time_window)) from public.home_care_visits v where v.request_id = r.id), o.sent_at
    from public.home_care_offers o
    join public.home_care_requests r on r.id = o.request_id
    join public.care_types c on c.id = r.care_type_id
   where o.practitioner_id = (select auth.uid())
   order by o.sent_at desc
   limit 100;
$$;
comment on function private.my_home_care_offers() is 'The caller''s latest home-care offers, newest first, with their link tokens.';
revoke all on function private.my_home_care_offers() from public, anon;
grant execute on function private.my_home_care_offers() to authenticated;

insert into private.scheduled_jobs (name, schedule, command) values
  ('dispatch-home-care', '* * * * *', 'select public.dispatch_home_care_tick()'),
  ('home-care-watchdog', '*/5 * * * *', 'select public.home_care_watchdog_tick()');

do $$
begin
  if exists (select 1 from pg_extension where extname = 'pg_cron') then
    perform cron.schedule('dispatch-home-care', '* * * * *', 'select public.dispatch_home_care_tick()');
    perform cron.schedule('home-care-watchdog', '*/5 * * * *', 'select public.home_care_watchdog_tick()');
  end if;
end
$$;

-- The API: security-invoker wrappers over the definer functions above, so privileges stay where
-- the rules are (db-lint: no security definer function callable as an RPC).
create function public.request_home_care(
  p_care_type_id uuid, p_address text, p_latitude double precision, p_longitude double precision,
  p_daily_windows text[], p_first_day date, p_day_count int, p_urgency public.home_care_urgency,
  p_contact_phone text, p_for_whom text, p_care_recipient_name text,
  p_locality text default null, p_place_id text default null, p_time_zone text default 'Europe/Paris',
  p_notes text default null, p_prescription_path text default null)
returns public.home_care_requests
language sql volatile security invoker set search_path = ''
as $$
  select * from private.request_home_care(p_care_type_id, p_address, p_latitude, p_longitude, p_daily_windows, p_first_day,
    p_day_count, p_urgency, p_contact_phone, p_for_whom, p_care_recipient_name, p_locality, p_place_id, p_time_zone, p_notes,
    p_prescription_path);
$$;
comment on function public.request_home_care(uuid, text, double precision, double precision, text[], date, int,
  public.home_care_urgency, text, text, text, text, text, text, text, text) is
  'Asks for care at home for the signed-in caller (or a relative); answers the request, visits planned.';
revoke all on function public.request_home_care(uuid, text, double precision, double precision, text[], date, int,
  public.home_care_urgency, text, text, text, text, text, text, text, text) from public, anon;
grant execute on function public.request_home_care(uuid, text, double precision, double precision, text[], date, int,
  public.home_care_urgency, text, text, text, text, text, text, text, text) to authenticated;

create function public.accept_home_care_offer(p_offer_id uuid) returns public.home_care_requests
language sql volatile security invoker set search_path = ''
as $$ select * from private.accept_home_care_offer(p_offer_id); $$;
comment on function public.accept_home_care_offer(uuid) is 'Accepts one of the caller''s offers: first wins, others get already_taken.';
revoke all on function public.accept_home_care_offer(uuid) from public, anon;
grant execute on function public.accept_home_care_offer(uuid) to authenticated;

create function public.decline_home_care_offer(p_offer_id uuid) returns public.home_care_offers
language sql volatile security invoker set search_path = ''
as $$ select * from private.decline_home_care_offer(p_offer_id); $$;
comment on function public.decline_home_care_offer(uuid) is 'Turns down one of the caller''s open offers.';
revoke all on function public.decline_home_care_offer(uuid) from public, anon;
grant execute on function public.decline_home_care_offer(uuid) to authenticated;

create function public.assign_home_care_request(p_request_id uuid, p_practitioner_id uuid) returns public.home_care_requests
language sql volatile security invoker set search_path = ''
as $$ select * from private.assign_home_care_request(p_request_id, p_practitioner_id); $$;
comment on function public.assign_home_care_request(uuid, uuid) is 'Staff: gives a request to a practitioner by hand.';
revoke all on function public.assign_home_care_request(uuid, uuid) from public, anon;
grant execute on function public.assign_home_care_request(uuid, uuid) to authenticated;

create function public.cancel_home_care_request(p_request_id uuid) returns public.home_care_requests
language sql volatile security invoker set search_path = ''
as $$ select * from private.cancel_home_care_request(p_request_id); $$;
comment on function public.cancel_home_care_request(uuid) is 'The patient (or staff) cancels a request.';
revoke all on function public.cancel_home_care_request(uuid) from public, anon;
grant execute on function public.cancel_home_care_request(uuid) to authenticated;

create function public.home_care_candidates(p_request_id uuid)
returns table (practitioner_id uuid, display_name text, distance_km double precision, added_travel_km double precision,
               acceptance double precision, accepted_this_week int, candidate_rank int, offered boolean)
language sql stable security invoker set search_path = ''
as $$ select * from private.list_home_care_candidates(p_request_id); $$;
comment on function public.home_care_candidates(uuid) is 'Staff: the ranked practitioners who could take a request now.';
revoke all on function public.home_care_candidates(uuid) from public, anon;
grant execute on function public.home_care_candidates(uuid) to authenticated, service_role;

create function public.home_care_offer_summary(p_token text)
returns table (offer_id uuid, offer_state public.home_care_offer_state, request_state public.home_care_state,
               practitioner_id uuid, care_fr text, care_en text, duration_minutes int, urgency public.home_care_urgency,
               locality text, distance_km double precision, time_zone text, daily_windows text[], first_day date,
               day_count int, visit_count int, first_window_start timestamptz, taken_by_you boolean)
language sql stable security invoker set search_path = ''
as $$ select * from private.home_care_offer_summary(p_token); $$;
comment on function public.home_care_offer_summary(text) is 'What an offer link opens, without sign-in.';
revoke all on function public.home_care_offer_summary(text) from public;
grant execute on function public.home_care_offer_summary(text) to anon, authenticated;

create function public.my_home_care_offers()
returns table (offer_id uuid, token text, state public.home_care_offer_state, request_state public.home_care_state,
               care_fr text, care_en text, locality text, first_window_start timestamptz, sent_at timestamptz)
language sql stable security invoker set search_path = ''
as $$ select * from private.my_home_care_offers(); $$;
comment on function public.my_home_care_offers() is 'The caller''s latest home-care offers with their link tokens.';
revoke all on function public.my_home_care_offers() from public, anon;
grant execute on function public.my_home_care_offers() to authenticated;
