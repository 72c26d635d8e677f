-- The search page's data in one request (issue 12 points 1 and 9): a page of search results, each
-- with its next three bookable starts, its price range and its time zone. Twenty calls to
-- get_available_slots per page would cost twenty round trips through the gateway; here every
-- hit's slots come from private.slot_days, the one slot computation, in the same statement.
--
-- Which consultation type the three starts belong to: the practitioner's soonest type, the
-- active type (of the searched mode, when one is given) whose first start is earliest; ties go
-- to the cheaper, then the lower id. So the first button is the soonest time one can book with
-- that practitioner in that mode, matching the "soonest" sort, and a click books a real type
-- (its id is returned beside the starts).
--
-- Cost: one call of the slot computation costs 0.1-2 ms depending on the load, and a page has
-- 20 practitioners and 26 types on average: computing them at each search missed the target
-- (p95 80-120 ms through the gateway). The next starts are therefore kept with the next slot
-- (private.practitioner_next_slots, decision 0005), by the same refresh and with the same
-- validity: the first start's notice and the first hold that runs out, which bound the second
-- and third starts too (same type, later). A search reads them when the cached value is valid
-- and of the searched mode; otherwise (stale row, another mode) it computes them for that hit
-- with private.compute_next_starts, the function the refresh uses.
set local lock_timeout = '5s';
-- search_practitioners sets a pg_trgm parameter: load that extension's library first (see
-- 20261206050200_sort_search_by_fresh_next_slot.sql).
select extensions.word_similarity('', '');

alter table private.practitioner_next_slots
  add column next_type_id uuid,
  add column next_type_mode public.consultation_mode,
  add column next_starts timestamptz[];
comment on column private.practitioner_next_slots.next_starts is
  'The next three starts of the soonest type (next_type_id), the search page''s inline slots; next_available_at is the first.';

create function private.compute_next_starts(p_practitioner_id uuid, p_mode public.consultation_mode default null,
                                            out type_id uuid, out type_mode public.consultation_mode,
                                            out starts timestamptz[], out valid_until timestamptz)
language plpgsql stable security definer set search_path = ''
as $$
declare
  t record;
  found_starts timestamptz[];
  horizon interval;
begin
  valid_until := now() + interval '1 day';
  -- Widening windows as in compute_next_slot: most practitioners have three starts within days.
  -- Ties go to the cheaper type, then the lower id, so the choice does not depend on row order.
  foreach horizon in array array[interval '2 days', interval '14 days', interval '60 days'] loop
    for t in select c.id, c.mode, c.min_notice_minutes from public.consultation_types c
              where c.practitioner_id = p_practitioner_id and c.active and (p_mode is null or c.mode = p_mode)
              order by c.price_cents, c.id loop
      found_starts := array(select s.starts_at from private.slots(p_practitioner_id, t.id, now(), now() + horizon) s limit 3);
      if cardinality(found_starts) > 0 and (starts is null or found_starts[1] < starts[1]) then
        type_id := t.id;
        type_mode := t.mode;
        starts := found_starts;
        valid_until := least(valid_until, found_starts[1] - make_interval(mins => t.min_notice_minutes));
      end if;
    end loop;
    exit when starts is not null;
  end loop;
  -- Fewer than three inside the window that found the first: the rest lie further on.
  if cardinality(starts) < 3 then
    starts := array(select s.starts_at from private.slots(p_practitioner_id, type_id, now(), now() + interval '62 days') s limit 3);
  end if;
  -- A hold that runs out frees its time without any write that would refresh the cache.
  valid_until := least(valid_until, (select min(a.hold_expires_at) from public.appointments a
                                      where a.practitioner_id = p_practitioner_id and a.status = 'held'
                                        and a.hold_expires_at > now()));
end;
$$;
comment on function private.compute_next_starts(uuid, public.consultation_mode) is
  'The next three starts of a practitioner''s soonest active type (of a mode, when given), and until when they hold.';
revoke all on function private.compute_next_starts(uuid, public.consultation_mode) from public;
grant execute on function private.compute_next_starts(uuid, public.consultation_mode) to anon, authenticated, service_role;

-- The refresh keeps the three starts beside the first: the first of them is the next slot, the
-- value compute_next_slot gives (the same windows over the same types), so one computation
-- serves both and a write costs what it did.
create or replace function private.refresh_next_slots(p_practitioner_ids uuid[]) returns void
language sql security definer set search_path = ''
as $$
  insert into private.practitioner_next_slots (practitioner_id, next_available_at, valid_until, computed_at,
                                               next_type_id, next_type_mode, next_starts)
  select p.id, n.starts[1], n.valid_until, now(), n.type_id, n.type_mode, n.starts
    from public.practitioners p cross join lateral private.compute_next_starts(p.id) n
   where p.id = any (p_practitioner_ids) and p.published
  on conflict (practitioner_id) do update
    set next_available_at = excluded.next_available_at, valid_until = excluded.valid_until, computed_at = excluded.computed_at,
        next_type_id = excluded.next_type_id, next_type_mode = excluded.next_type_mode, next_starts = excluded.next_starts;
  delete from private.practitioner_next_slots s
   where s.practitioner_id = any (p_practitioner_ids)
     and not exists (select 1 from public.practitioners p where p.id = s.practitioner_id and p.published);
$$;

-- Fill the new columns of every cached row.
select private.refresh_next_slots(array(select p.id from public.practitioners p where p.published));

create function public.search_practitioners_with_slots(
  p_profession text default null, p_text text default null, p_lat float8 default null, p_lng float8 default null,
  p_radius_km float8 default null, p_mode public.consultation_mode default null, p_limit int default 20, p_offset int default 0,
  p_sort public.search_sort default null)
returns table (
  id uuid, slug text, display_name text, profession_code text, profession_name_fr text, profession_name_en text,
  modes public.consultation_mode[], languages text[], formatted_address text, latitude float8, longitude float8, photo_path text,
  distance_km float8, next_available_at timestamptz, relevance real, time_zone text,
  min_price_cents int, max_price_cents int, currency text,
  next_type_id uuid, next_type_mode public.consultation_mode, next_slots timestamptz[])
language plpgsql stable security invoker set search_path = ''
as $$
begin
  -- PL/pgSQL, not SQL: a SQL function with settings is planned again on every call, while
  -- PL/pgSQL keeps its statement's plan for the session.
  -- Runs as its caller: search_practitioners reads published practitioners only, and the types
  -- and time zone are read under RLS (active types of published practitioners).
  return query
  select s.id, s.slug, s.display_name, s.profession_code, s.profession_name_fr, s.profession_name_en,
         s.modes, s.languages, s.formatted_address, s.latitude, s.longitude, s.photo_path,
         s.distance_km, s.next_available_at, s.relevance, p.time_zone,
         prices.lo, prices.hi, prices.currency,
         case when c0.cached then ns.next_type_id else live.type_id end,
         case when c0.cached then ns.next_type_mode else live.type_mode end,
         case when c0.cached then ns.next_starts else live.starts end
    from public.search_practitioners(p_profession, p_text, p_lat, p_lng, p_radius_km, p_mode, p_limit, p_offset, p_sort)
         with ordinality as s
    left join public.practitioners p on p.id = s.id
    left join private.practitioner_next_slots ns on ns.practitioner_id = s.id
    left join lateral (
      select min(c.price_cents) as lo, max(c.price_cents) as hi, min(c.currency) as currency
        from public.consultation_types c
       where c.practitioner_id = s.id and c.active and (p_mode is null or c.mode = p_mode)
    ) as prices on true
    -- The cached starts when they are still right and of the searched mode; else computed now,
    -- for that hit alone. offset 0 keeps the subquery whole, so its condition on the outer row
    -- gates it (a one-time filter): without it the function ran for every hit, cached or not.
    cross join lateral (
      select coalesce(ns.valid_until > now() and ns.next_available_at is not distinct from s.next_available_at
                      and (p_mode is null or ns.next_type_mode = p_mode), false) as cached
    ) as c0
    left join lateral (
      select n.type_id, n.type_mode, n.starts
        from private.compute_next_starts(s.id, p_mode) as n
       where not c0.cached and s.next_available_at is not null
      offset 0
    ) as live on true
   order by s.ordinality;
end;
$$;
comment on function public.search_practitioners_with_slots(text, text, float8, float8, float8, public.consultation_mode, int, int, public.search_sort) is
  'The search page in one request: search_practitioners'' page with each hit''s time zone, price range and the next three starts of its soonest type.';
grant execute on function public.search_practitioners_with_slots(text, text, float8, float8, float8, public.consultation_mode, int, int, public.search_sort)
  to anon, authenticated, service_role;
