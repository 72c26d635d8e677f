-- The slot computation as it was before issue 9 (migration 20261121110200's private.slots and
-- 20261206010100's get_available_slots, unchanged but for their names), installed by
-- `npm run bench` in its throwaway database so that every run measures "before" beside "after".
-- Not a migration: it never reaches a real database.
create schema if not exists bench_before;
grant usage on schema bench_before to anon, authenticated, service_role;

create or replace function bench_before.slots(p_practitioner_id uuid, p_consultation_type_id uuid, p_from timestamptz, p_to timestamptz,
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
grant execute on function bench_before.slots(uuid, uuid, timestamptz, timestamptz, uuid) to anon, authenticated, service_role;

-- Exposed beside the real one (PostgREST reloads its schema cache after this file).
create or replace function public.bench_get_available_slots_before(p_practitioner_id uuid, p_consultation_type_id uuid, p_from timestamptz, p_to timestamptz)
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
  return query select s.starts_at, s.ends_at from bench_before.slots(p_practitioner_id, p_consultation_type_id, p_from, p_to) s;
end;
$$;
grant execute on function public.bench_get_available_slots_before(uuid, uuid, timestamptz, timestamptz) to anon, authenticated, service_role;
notify pgrst, 'reload schema';
