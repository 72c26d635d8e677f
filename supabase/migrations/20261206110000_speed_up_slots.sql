-- The slot computation, faster for the same answers (issue 9 point 5, decision 0012).
--
-- private.slot_days replaces private.slot_runs: the same grid, time off, busy time, buffers,
-- notice, horizon and windows, but it answers one row per local day with that day's starts, which
-- get_available_slot_days returns as is and private.slots (booking, rescheduling, next slots)
-- unnests. Where the time went in slot_runs, and what changed:
--
-- 1. Its statements were planned again on every call: PL/pgSQL keeps a custom plan per call when
--    the generic plan's estimate looks worse, which it always did here (generate_series of
--    parameters is guessed at 1,000 rows). slot_days forces the generic plan, cached per session.
-- 2. Openings joined every day of the window with every weekly rule; a series of dates per rule,
--    on its weekday, yields only the days the rule opens.
-- 3. Each opening was subtracted from the whole busy multirange, and each free part then walked
--    day by day with time zone conversions. The free time is now openings minus busy time once;
--    the opening a free part belongs to, and the local day of its starts, are looked up with
--    width_bucket in sorted arrays of opening starts and local midnights.
-- 4. Day arrays are built in the same statement: no second function, rows in between, or
--    grouping query in get_available_slot_days.
set local lock_timeout = '5s';

create function private.slot_days(p_practitioner_id uuid, p_consultation_type_id uuid, p_from timestamptz, p_to timestamptz,
                                  p_ignore uuid default null)
returns table (day date, duration_minutes int, starts_at timestamptz[])
language plpgsql stable security definer set search_path = '' set plan_cache_mode = force_generic_plan
as $$
declare
  type_mode public.consultation_mode;
  dur_minutes int;
  step_minutes int;
  widen boolean;
  before_buf interval;
  after_buf interval;
  tz text;
  dur interval;
  step interval;
  win_from timestamptz;
  win_to timestamptz;
  first_day date;
  last_day date;
  span tstzrange;
  openings tstzmultirange;
  blocked tstzmultirange;
begin
  select c.mode, c.duration_minutes, c.slot_step_minutes,
         c.buffer_before_minutes > 0 or c.buffer_after_minutes > 0,
         make_interval(mins => c.buffer_before_minutes), make_interval(mins => c.buffer_after_minutes),
         p.time_zone, make_interval(mins => c.duration_minutes), make_interval(mins => c.slot_step_minutes),
         greatest(p_from, now() + make_interval(mins => c.min_notice_minutes)),
         least(p_to, now() + make_interval(days => c.horizon_days))
    into type_mode, dur_minutes, step_minutes, widen, before_buf, after_buf, tz, dur, step, win_from, win_to
    from public.consultation_types c
    join public.practitioners p on p.id = c.practitioner_id
   where c.id = p_consultation_type_id and c.practitioner_id = p_practitioner_id and c.active;
  if not found or win_from >= win_to then
    return;
  end if;
  -- Whole local days from the day before the window (an opening through midnight) to the day the
  -- last slot can end: the grid of a day depends on that day's data only, whatever the window.
  first_day := (win_from at time zone tz)::date - 1;
  last_day := ((win_to + dur) at time zone tz)::date;
  span := tstzrange(first_day::timestamp at time zone tz, (last_day + 1)::timestamp at time zone tz);

  select
    -- Openings: weekly rules in local time (09:00 stays 09:00 on DST days) and extra openings;
    -- touching ones merge, so one grid runs through them. A rule inside a spring-forward gap can
    -- end before it starts: its range is empty, which the aggregate drops.
    (select coalesce(range_agg(o.r), '{}'::tstzmultirange)
       from (
         select tstzrange(x.lo, greatest(x.lo, x.hi), '[)') as r
           from (
             select (r.day + r.start_time) at time zone tz as lo, (r.day + r.end_time) at time zone tz as hi
               from (
                 select r.start_time, r.end_time, r.valid_from, r.valid_until,
                        generate_series((first_day + (r.weekday - extract(isodow from first_day)::int + 7) % 7)::timestamp,
                                        last_day::timestamp, interval '7 days') as day
                   from public.availability_rules r
                  where r.practitioner_id = p_practitioner_id
                    and (r.consultation_type_ids is null or p_consultation_type_id = any (r.consultation_type_ids))
                    and (r.modes is null or type_mode = any (r.modes))
               ) as r
              where (r.valid_from is null or r.day::date >= r.valid_from)
                and (r.valid_until is null or r.day::date <= r.valid_until)
           ) as x
         union all
         select e.during from public.availability_exceptions e
          where e.practitioner_id = p_practitioner_id and e.kind = 'extra' and e.during && span
            and (e.consultation_type_ids is null or p_consultation_type_id = any (e.consultation_type_ids))
       ) as o),
    -- What a slot may not touch, as times its own [start, end) must avoid: time off as it is, and
    -- appointments (expired holds excluded) and external busy time widened by the type's buffers.
    (select coalesce(range_agg(b.r), '{}'::tstzmultirange)
       from (
         select e.during as r from public.availability_exceptions e
          where e.practitioner_id = p_practitioner_id and e.kind = 'time_off' and e.during && span
            and (e.consultation_type_ids is null or p_consultation_type_id = any (e.consultation_type_ids))
         union all
         select case when widen then tstzrange(lower(a.blocked) - after_buf, upper(a.blocked) + before_buf, '[)') else a.blocked end
           from public.appointments a
          where a.practitioner_id = p_practitioner_id
            and a.status in ('held', 'confirmed')
            and (a.status = 'confirmed' or a.hold_expires_at > now())
            and a.id is distinct from p_ignore
            and a.blocked && span
         union all
         select case when widen then tstzrange(lower(x.during) - after_buf, upper(x.during) + before_buf, '[)') else x.during end
           from public.external_busy_intervals x
          where x.practitioner_id = p_practitioner_id and x.during && span
       ) as b)
    into openings, blocked;
  if isempty(openings) then
    return;
  end if;

  -- Each free part (openings minus blocked) and each local day k it has starts on: the grid
  -- points from its opening's start (or from local midnight for the days after it) whose whole
  -- slot fits in the part, as one run first_at, first_at + step, ... up to hi; the runs of a day
  -- join into its array. Offset 0 keeps each level's values computed once, not per use.
  return query
    select first_day + (y.k - 1), dur_minutes,
           private.concat_arrays(array(select generate_series(y.first_at, y.hi, step)) order by y.first_at)
      from (
        select x.k, x.hi, x.anchor + step * ceil(date_part('epoch', x.lo - x.anchor) / (step_minutes * 60)) as first_at
          from (
            select f.k, greatest(f.open_lo, f.midnights[f.k]) as anchor, greatest(f.s_lo, f.midnights[f.k]) as lo,
                   least(f.s_hi, f.midnights[f.k + 1] - interval '1 microsecond') as hi
              from (
                select f.open_lo, f.s_lo, f.s_hi, f.midnights,
                       generate_series(width_bucket(f.s_lo, f.midnights), width_bucket(f.s_hi, f.midnights)) as k
                  from (
                    -- s_lo .. s_hi: every start the part allows, whatever the day.
                    select l.lowers[width_bucket(lower(f.r), l.lowers)] as open_lo,
                           greatest(lower(f.r), win_from) as s_lo,
                           least(upper(f.r) - dur, win_to - interval '1 microsecond') as s_hi,
                           l.midnights
                      from unnest(openings - blocked) as f(r),
                           -- Sorted starts of the openings, and local midnights of first_day .. last_day + 1.
                           (select array(select lower(o.r) from unnest(openings) as o(r)) as lowers,
                                   array(select d.d at time zone tz
                                           from generate_series(first_day::timestamp, (last_day + 1)::timestamp, interval '1 day') as d(d)) as midnights
                            offset 0) as l
                  ) as f
                 where f.s_lo <= f.s_hi
              ) as f
            offset 0
          ) as x
        offset 0
      ) as y
     where y.first_at <= y.hi
     group by y.k
     order by y.k;
end;
$$;
comment on function private.slot_days(uuid, uuid, timestamptz, timestamptz, uuid) is
  'The one slot computation, one row per local day with its start times; every slot answer and booking check reads it.';
revoke all on function private.slot_days(uuid, uuid, timestamptz, timestamptz, uuid) from public;
grant execute on function private.slot_days(uuid, uuid, timestamptz, timestamptz, uuid) to anon, authenticated, service_role;

create or replace function private.slots(p_practitioner_id uuid, p_consultation_type_id uuid, p_from timestamptz, p_to timestamptz,
                                         p_ignore uuid default null)
returns table (starts_at timestamptz, ends_at timestamptz)
language plpgsql stable security definer set search_path = ''
as $$
begin
  return query
    select s.at, s.at + make_interval(mins => d.duration_minutes)
      from private.slot_days(p_practitioner_id, p_consultation_type_id, p_from, p_to, p_ignore) as d
     cross join lateral unnest(d.starts_at) as s(at)
     order by s.at;
end;
$$;
comment on function private.slots(uuid, uuid, timestamptz, timestamptz, uuid) is
  'The one slot computation as rows: listing, booking and rescheduling all use it. Starts follow the grid of each opening.';

create or replace function public.get_available_slot_days(p_practitioner_id uuid, p_consultation_type_id uuid, p_from timestamptz, p_to timestamptz)
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
  return query select d.day, d.duration_minutes, d.starts_at from private.slot_days(p_practitioner_id, p_consultation_type_id, p_from, p_to) as d;
end;
$$;

-- Nothing calls it any more; private.slot_days is its successor.
drop function private.slot_runs(uuid, uuid, timestamptz, timestamptz, uuid);
