-- The slot computation as it was before issue 9's speed work (migrations 20261206050000's
-- private.slot_runs and 20261206050100's get_available_slot_days, unchanged but for their names),
-- installed by `npm run bench` in its throwaway database beside the current one, so that every run
-- measures this change's "before". Not a migration: it never reaches a real database.
create schema if not exists bench_days_before;
grant usage on schema bench_days_before to anon, authenticated, service_role;

create or replace function bench_days_before.slot_runs(p_practitioner_id uuid, p_consultation_type_id uuid, p_from timestamptz, p_to timestamptz,
                                  p_ignore uuid default null)
returns table (run_day date, run_first timestamptz, run_last timestamptz, run_step interval, run_duration interval)
language plpgsql stable security definer set search_path = ''
as $$
declare
  t public.consultation_types;
  tz text;
  dur interval;
  step interval;
  step_seconds numeric;
  win_from timestamptz;
  win_to timestamptz;
  first_day date;
  last_day date;
  span tstzrange;
  openings tstzmultirange;
  blocked tstzmultirange;
begin
  select * into t from public.consultation_types c
   where c.id = p_consultation_type_id and c.practitioner_id = p_practitioner_id and c.active;
  if not found then
    return;
  end if;
  select p.time_zone into tz from public.practitioners p where p.id = p_practitioner_id;
  dur := make_interval(mins => t.duration_minutes);
  step := make_interval(mins => t.slot_step_minutes);
  step_seconds := t.slot_step_minutes * 60;
  win_from := greatest(p_from, now() + make_interval(mins => t.min_notice_minutes));
  win_to := least(p_to, now() + make_interval(days => t.horizon_days));
  if win_from >= win_to then
    return;
  end if;
  -- Whole local days from the day before the window (an opening through midnight) to the day the
  -- last slot can end: the grid of a day depends on that day's data only, whatever the window.
  first_day := (win_from at time zone tz)::date - 1;
  last_day := ((win_to + dur) at time zone tz)::date;
  span := tstzrange(first_day::timestamp at time zone tz, (last_day + 1)::timestamp at time zone tz);

  -- Openings: weekly rules day by day in local time (09:00 stays 09:00 on DST days) and extra
  -- openings; touching ones merge, so one grid runs through them.
  select coalesce(range_agg(o.r), '{}'::tstzmultirange) into openings
    from (
      select tstzrange(x.lo, x.hi, '[)') as r
        from (
          select (d.day + r.start_time) at time zone tz as lo, (d.day + r.end_time) at time zone tz as hi
            from generate_series(first_day::timestamp, last_day::timestamp, interval '1 day') as d(day)
            join public.availability_rules r
              on r.practitioner_id = p_practitioner_id
             and r.weekday = extract(isodow from d.day)
             and (r.valid_from is null or d.day::date >= r.valid_from)
             and (r.valid_until is null or d.day::date <= r.valid_until)
             and (r.consultation_type_ids is null or t.id = any (r.consultation_type_ids))
             and (r.modes is null or t.mode = any (r.modes))
        ) as x
       -- A rule inside a spring-forward gap can end before it starts: it opens nothing.
       where x.lo < x.hi
      union all
      select e.during from public.availability_exceptions e
       where e.practitioner_id = p_practitioner_id and e.kind = 'extra' and e.during && span
         and (e.consultation_type_ids is null or t.id = any (e.consultation_type_ids))
    ) as o;
  if isempty(openings) then
    return;
  end if;

  -- What a slot may not touch, as times its own [start, end) must avoid: time off as it is, and
  -- appointments (expired holds excluded) and external busy time widened by the type's buffers.
  select coalesce(range_agg(b.r), '{}'::tstzmultirange) into blocked
    from (
      select e.during as r from public.availability_exceptions e
       where e.practitioner_id = p_practitioner_id and e.kind = 'time_off' and e.during && span
         and (e.consultation_type_ids is null or t.id = any (e.consultation_type_ids))
      union all
      select tstzrange(lower(a.blocked) - make_interval(mins => t.buffer_after_minutes),
                       upper(a.blocked) + make_interval(mins => t.buffer_before_minutes), '[)')
        from public.appointments a
       where a.practitioner_id = p_practitioner_id
         and a.status in ('held', 'confirmed')
         and (a.status = 'confirmed' or a.hold_expires_at > now())
         and a.id is distinct from p_ignore
         and a.blocked && span
      union all
      select tstzrange(lower(x.during) - make_interval(mins => t.buffer_after_minutes),
                       upper(x.during) + make_interval(mins => t.buffer_before_minutes), '[)')
        from public.external_busy_intervals x
       where x.practitioner_id = p_practitioner_id and x.during && span
    ) as b;

  -- For each opening, each free part of it, each local day: the grid points (from the opening's
  -- start, or from local midnight for the days after it) whose whole slot fits in the free part.
  return query
    select x.day, x.first_at, x.hi, step, dur
      from (
        select dd.day, dd.anchor + step * ceil(extract(epoch from dd.lo - dd.anchor) / step_seconds) as first_at, dd.hi
          from unnest(openings) as o(r)
         cross join lateral unnest(o.r::tstzmultirange - blocked) as f(r)
         cross join lateral (
           select d::date as day,
                  greatest(lower(o.r), d::timestamp at time zone tz) as anchor,
                  greatest(lower(f.r), win_from, d::timestamp at time zone tz) as lo,
                  least(upper(f.r) - dur, (d + interval '1 day')::timestamp at time zone tz - interval '1 microsecond',
                        win_to - interval '1 microsecond') as hi
             from generate_series((greatest(lower(f.r), win_from) at time zone tz)::date::timestamp,
                                  (least(upper(f.r) - dur, win_to) at time zone tz)::date::timestamp, interval '1 day') as d
         ) as dd
      ) as x
     where x.first_at <= x.hi
     order by x.first_at;
end;
$$;
grant execute on function bench_days_before.slot_runs(uuid, uuid, timestamptz, timestamptz, uuid) to anon, authenticated, service_role;

-- private.concat_arrays (20261206050100) is still in the schema: the current computation uses it too.
create or replace function public.bench_get_available_slot_days_before(p_practitioner_id uuid, p_consultation_type_id uuid, p_from timestamptz, p_to timestamptz)
returns table (day date, duration_minutes int, starts_at timestamptz[])
language plpgsql stable security invoker set search_path = ''
as $$
begin
  if p_practitioner_id is null or p_consultation_type_id is null then
    raise exception 'p_practitioner_id and p_consultation_type_id are required' using errcode = 'PT400', detail = 'invalid_input';
  end if;
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
  return query
    select r.run_day, (extract(epoch from min(r.run_duration)) / 60)::int,
           private.concat_arrays(array(select generate_series(r.run_first, r.run_last, r.run_step)) order by r.run_first)
      from bench_days_before.slot_runs(p_practitioner_id, p_consultation_type_id, p_from, p_to) as r
     group by r.run_day
     order by r.run_day;
end;
$$;
grant execute on function public.bench_get_available_slot_days_before(uuid, uuid, timestamptz, timestamptz) to anon, authenticated, service_role;
notify pgrst, 'reload schema';
