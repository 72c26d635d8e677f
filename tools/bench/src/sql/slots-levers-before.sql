-- Issue 9's speed levers one at a time, each added to the previous one, from the computation
-- before them (slots-days-before.sql, loaded first) to the current one (migration
-- 20261206110000): `npm run bench` times each step, so that every lever's gain is measured in
-- the same run, under the same load. Throwaway, like the other files here.
--   1. generic plans: slot_runs as it was, its plans forced generic (no planning per call);
--   2. free time once: openings minus busy time in one subtraction, opening starts and local
--      days looked up with width_bucket instead of a walk per free part;
--   3. weekly series: openings from one date series per rule instead of days joined with rules
--      (and expressions kept from being computed twice);
--   4. (the migration) day arrays built in the computation's own statement.
create schema if not exists bench_levers;
grant usage on schema bench_levers to anon, authenticated, service_role;

-- 1: the same source as bench_days_before.slot_runs, with one more setting.
do $do$
begin
  execute format(
    $f$create or replace function bench_levers.runs_generic(p_practitioner_id uuid, p_consultation_type_id uuid, p_from timestamptz,
                                                            p_to timestamptz, p_ignore uuid default null)
       returns table (run_day date, run_first timestamptz, run_last timestamptz, run_step interval, run_duration interval)
       language plpgsql stable security definer set search_path = '' set plan_cache_mode = force_generic_plan as %L$f$,
    (select prosrc from pg_proc where oid = 'bench_days_before.slot_runs(uuid, uuid, timestamptz, timestamptz, uuid)'::regprocedure));
end;
$do$;

-- 2
create or replace function bench_levers.runs_free_once(p_practitioner_id uuid, p_consultation_type_id uuid, p_from timestamptz, p_to timestamptz,
                                  p_ignore uuid default null)
returns table (run_day date, run_first timestamptz, run_last timestamptz, run_step interval, run_duration interval)
language plpgsql stable security definer set search_path = '' set plan_cache_mode = force_generic_plan
as $$
declare
  type_mode public.consultation_mode;
  duration_minutes int;
  step_minutes int;
  notice_minutes int;
  horizon int;
  before_minutes int;
  after_minutes int;
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
  midnights timestamptz[];
begin
  select c.mode, c.duration_minutes, c.slot_step_minutes, c.min_notice_minutes, c.horizon_days,
         c.buffer_before_minutes, c.buffer_after_minutes, p.time_zone
    into type_mode, duration_minutes, step_minutes, notice_minutes, horizon, before_minutes, after_minutes, tz
    from public.consultation_types c
    join public.practitioners p on p.id = c.practitioner_id
   where c.id = p_consultation_type_id and c.practitioner_id = p_practitioner_id and c.active;
  if not found then
    return;
  end if;
  dur := make_interval(mins => duration_minutes);
  step := make_interval(mins => step_minutes);
  win_from := greatest(p_from, now() + make_interval(mins => notice_minutes));
  win_to := least(p_to, now() + make_interval(days => horizon));
  if win_from >= win_to then
    return;
  end if;
  first_day := (win_from at time zone tz)::date - 1;
  last_day := ((win_to + dur) at time zone tz)::date;
  span := tstzrange(first_day::timestamp at time zone tz, (last_day + 1)::timestamp at time zone tz);

  select (select coalesce(range_agg(o.r), '{}'::tstzmultirange)
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
                     and (r.consultation_type_ids is null or p_consultation_type_id = any (r.consultation_type_ids))
                     and (r.modes is null or type_mode = any (r.modes))
                ) as x
               where x.lo < x.hi
              union all
              select e.during from public.availability_exceptions e
               where e.practitioner_id = p_practitioner_id and e.kind = 'extra' and e.during && span
                 and (e.consultation_type_ids is null or p_consultation_type_id = any (e.consultation_type_ids))
            ) as o),
         (select coalesce(range_agg(b.r), '{}'::tstzmultirange)
            from (
              select e.during as r from public.availability_exceptions e
               where e.practitioner_id = p_practitioner_id and e.kind = 'time_off' and e.during && span
                 and (e.consultation_type_ids is null or p_consultation_type_id = any (e.consultation_type_ids))
              union all
              select tstzrange(lower(a.blocked) - make_interval(mins => after_minutes),
                               upper(a.blocked) + make_interval(mins => before_minutes), '[)')
                from public.appointments a
               where a.practitioner_id = p_practitioner_id
                 and a.status in ('held', 'confirmed')
                 and (a.status = 'confirmed' or a.hold_expires_at > now())
                 and a.id is distinct from p_ignore
                 and a.blocked && span
              union all
              select tstzrange(lower(x.during) - make_interval(mins => after_minutes),
                               upper(x.during) + make_interval(mins => before_minutes), '[)')
                from public.external_busy_intervals x
               where x.practitioner_id = p_practitioner_id and x.during && span
            ) as b),
         array(select d at time zone tz from generate_series(first_day::timestamp, (last_day + 1)::timestamp, interval '1 day') as d)
    into openings, blocked, midnights;
  if isempty(openings) then
    return;
  end if;

  return query
    select first_day + (x.k - 1), x.first_at, x.hi, step, dur
      from (
        select y.k, y.anchor + step * ceil(date_part('epoch', y.lo - y.anchor) / (step_minutes * 60)) as first_at, y.hi
          from (
            select f.k, greatest(f.open_lo, midnights[f.k]) as anchor, greatest(f.s_lo, midnights[f.k]) as lo,
                   least(f.s_hi, midnights[f.k + 1] - interval '1 microsecond') as hi
              from (
                select f.open_lo, f.s_lo, f.s_hi, generate_series(width_bucket(f.s_lo, midnights), width_bucket(f.s_hi, midnights)) as k
                  from (
                    select l.lowers[width_bucket(lower(f.r), l.lowers)] as open_lo,
                           greatest(lower(f.r), win_from) as s_lo,
                           least(upper(f.r) - dur, win_to - interval '1 microsecond') as s_hi
                      from unnest(openings - blocked) as f(r),
                           (select array(select lower(o.r) from unnest(openings) as o(r)) as lowers offset 0) as l
                  ) as f
                 where f.s_lo <= f.s_hi
              ) as f
          ) as y
      ) as x
     where x.first_at <= x.hi
     order by x.first_at;
end;
$$;

-- 3 (and the expressions of 2 fenced with offset 0, the final sort left to the caller)
create or replace function bench_levers.runs_weekly(p_practitioner_id uuid, p_consultation_type_id uuid, p_from timestamptz, p_to timestamptz,
                                  p_ignore uuid default null)
returns table (run_day date, run_first timestamptz, run_last timestamptz, run_step interval, run_duration interval)
language plpgsql stable security definer set search_path = '' set plan_cache_mode = force_generic_plan
as $$
declare
  type_mode public.consultation_mode;
  duration_minutes int;
  step_minutes int;
  notice_minutes int;
  horizon int;
  before_minutes int;
  after_minutes int;
  tz text;
  dur interval;
  step interval;
  before_buf interval;
  after_buf interval;
  win_from timestamptz;
  win_to timestamptz;
  first_day date;
  last_day date;
  span tstzrange;
  openings tstzmultirange;
  blocked tstzmultirange;
  midnights timestamptz[];
begin
  select c.mode, c.duration_minutes, c.slot_step_minutes, c.min_notice_minutes, c.horizon_days,
         c.buffer_before_minutes, c.buffer_after_minutes, p.time_zone
    into type_mode, duration_minutes, step_minutes, notice_minutes, horizon, before_minutes, after_minutes, tz
    from public.consultation_types c
    join public.practitioners p on p.id = c.practitioner_id
   where c.id = p_consultation_type_id and c.practitioner_id = p_practitioner_id and c.active;
  if not found then
    return;
  end if;
  dur := make_interval(mins => duration_minutes);
  step := make_interval(mins => step_minutes);
  before_buf := make_interval(mins => before_minutes);
  after_buf := make_interval(mins => after_minutes);
  win_from := greatest(p_from, now() + make_interval(mins => notice_minutes));
  win_to := least(p_to, now() + make_interval(days => horizon));
  if win_from >= win_to then
    return;
  end if;
  first_day := (win_from at time zone tz)::date - 1;
  last_day := ((win_to + dur) at time zone tz)::date;
  span := tstzrange(first_day::timestamp at time zone tz, (last_day + 1)::timestamp at time zone tz);

  select (select coalesce(range_agg(o.r), '{}'::tstzmultirange)
            from (
              -- One series of dates per rule, on its weekday: no join of every day with every rule.
              select tstzrange(x.lo, greatest(x.lo, x.hi), '[)') as r
                from (
                  select (r.day + r.start_time) at time zone tz as lo, (r.day + r.end_time) at time zone tz as hi
                    from (
                      select r.start_time, r.end_time, r.valid_from, r.valid_until,
                             generate_series(first_day + (r.weekday - extract(isodow from first_day)::int + 7) % 7,
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
         (select coalesce(range_agg(b.r), '{}'::tstzmultirange)
            from (
              select e.during as r from public.availability_exceptions e
               where e.practitioner_id = p_practitioner_id and e.kind = 'time_off' and e.during && span
                 and (e.consultation_type_ids is null or p_consultation_type_id = any (e.consultation_type_ids))
              union all
              select tstzrange(lower(a.blocked) - after_buf,
                               upper(a.blocked) + before_buf, '[)')
                from public.appointments a
               where a.practitioner_id = p_practitioner_id
                 and a.status in ('held', 'confirmed')
                 and (a.status = 'confirmed' or a.hold_expires_at > now())
                 and a.id is distinct from p_ignore
                 and a.blocked && span
              union all
              select tstzrange(lower(x.during) - after_buf,
                               upper(x.during) + before_buf, '[)')
                from public.external_busy_intervals x
               where x.practitioner_id = p_practitioner_id and x.during && span
            ) as b),
         array(select d at time zone tz from generate_series(first_day::timestamp, (last_day + 1)::timestamp, interval '1 day') as d)
    into openings, blocked, midnights;
  if isempty(openings) then
    return;
  end if;

  return query
    select first_day + (y.k - 1), y.first_at, y.hi, step, dur
      from (
        select x.k, x.hi, x.anchor + step * ceil(date_part('epoch', x.lo - x.anchor) / (step_minutes * 60)) as first_at
          from (
            select f.k, greatest(f.open_lo, midnights[f.k]) as anchor, greatest(f.s_lo, midnights[f.k]) as lo,
                   least(f.s_hi, midnights[f.k + 1] - interval '1 microsecond') as hi
              from (
                select f.open_lo, f.s_lo, f.s_hi, generate_series(width_bucket(f.s_lo, midnights), width_bucket(f.s_hi, midnights)) as k
                  from (
                    select l.lowers[width_bucket(lower(f.r), l.lowers)] as open_lo,
                           greatest(lower(f.r), win_from) as s_lo,
                           least(upper(f.r) - dur, win_to - interval '1 microsecond') as s_hi
                      from unnest(openings - blocked) as f(r),
                           (select array(select lower(o.r) from unnest(openings) as o(r)) as lowers offset 0) as l
                  ) as f
                 where f.s_lo <= f.s_hi
              ) as f
            offset 0
          ) as x
        offset 0
      ) as y
     where y.first_at <= y.hi;
end;
$$;

-- Each step answered as get_available_slot_days did before this change: grouped by day in a
-- second query.
do $do$
declare
  step text;
begin
  foreach step in array array['generic', 'free_once', 'weekly'] loop
    execute format(
      $f$create or replace function bench_levers.days_%1$s(p_practitioner_id uuid, p_consultation_type_id uuid, p_from timestamptz, p_to timestamptz)
         returns table (day date, duration_minutes int, starts_at timestamptz[])
         language plpgsql stable security invoker set search_path = '' as $b$
         begin
           if not exists (select 1 from public.practitioners p where p.id = p_practitioner_id) then
             return;
           end if;
           return query
             select r.run_day, (extract(epoch from min(r.run_duration)) / 60)::int,
                    private.concat_arrays(array(select generate_series(r.run_first, r.run_last, r.run_step)) order by r.run_first)
               from bench_levers.runs_%1$s(p_practitioner_id, p_consultation_type_id, p_from, p_to) as r
              group by r.run_day
              order by r.run_day;
         end;
         $b$$f$, step);
  end loop;
end;
$do$;
-- Lever 1 the other way round: the current computation with its plans made per call (the
-- default), answered as get_available_slot_days answers.
do $do$
begin
  execute format(
    $f$create or replace function bench_levers.slot_days_custom_plans(p_practitioner_id uuid, p_consultation_type_id uuid,
                                                                      p_from timestamptz, p_to timestamptz, p_ignore uuid default null)
       returns table (day date, duration_minutes int, starts_at timestamptz[])
       language plpgsql stable security definer set search_path = '' as %L$f$,
    (select prosrc from pg_proc where oid = 'private.slot_days(uuid, uuid, timestamptz, timestamptz, uuid)'::regprocedure));
end;
$do$;
create or replace function bench_levers.days_custom_plans(p_practitioner_id uuid, p_consultation_type_id uuid, p_from timestamptz, p_to timestamptz)
returns table (day date, duration_minutes int, starts_at timestamptz[])
language plpgsql stable security invoker set search_path = ''
as $$
begin
  if not exists (select 1 from public.practitioners p where p.id = p_practitioner_id) then
    return;
  end if;
  return query select d.day, d.duration_minutes, d.starts_at
                 from bench_levers.slot_days_custom_plans(p_practitioner_id, p_consultation_type_id, p_from, p_to) as d;
end;
$$;
grant execute on all functions in schema bench_levers to anon, authenticated, service_role;
