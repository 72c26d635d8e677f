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
-- Cost: each call of the slot computation costs about a millisecond for two weeks of a busy
-- practitioner, mostly per day computed. No type of a practitioner has a start before its
-- next_available_at (the first start over all its active types, kept fresh by search), so the
-- starts are looked for from there: one day for every type first (three starts nearly always
-- fit in it), then up to 62 days for the chosen type only when it has fewer than three, or for
-- every type when none had a start that day (a mode whose types open later). A practitioner
-- with no next_available_at has nothing open in the coming weeks: nothing is computed.
set local lock_timeout = '5s';
-- search_practitioners sets a pg_trgm parameter: load that extension's library first (see
-- 20261206050200_sort_search_by_fresh_next_slot.sql).
select extensions.word_similarity('', '');

create function private.first_starts(p_practitioner_id uuid, p_consultation_type_id uuid, p_from timestamptz,
                                     p_span interval, p_count int default 3)
returns timestamptz[]
language sql stable security invoker set search_path = ''
as $$
  select array(select x.at
                 from private.slot_days(p_practitioner_id, p_consultation_type_id, p_from, p_from + p_span) as d
                cross join lateral unnest(d.starts_at) as x(at)
                order by x.at
                limit p_count);
$$;
comment on function private.first_starts(uuid, uuid, timestamptz, interval, int) is
  'The first few starts of a type from a given time, read from private.slot_days: the search page''s inline slots.';
revoke all on function private.first_starts(uuid, uuid, timestamptz, interval, int) from public;
grant execute on function private.first_starts(uuid, uuid, timestamptz, interval, int) to anon, authenticated, service_role;

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
         pick.type_id, pick.mode,
         -- A CASE runs its subquery only when that branch is taken.
         case when pick.type_id is null or cardinality(pick.starts) >= 3 then pick.starts
              else (select private.first_starts(s.id, pick.type_id, s.next_available_at, interval '62 days'))
         end
    from public.search_practitioners(p_profession, p_text, p_lat, p_lng, p_radius_km, p_mode, p_limit, p_offset, p_sort)
         with ordinality as s
    left join public.practitioners p on p.id = s.id
    left join lateral (
      select min(c.price_cents) as lo, max(c.price_cents) as hi, min(c.currency) as currency,
             array_agg(c.id order by c.id) as type_ids
        from public.consultation_types c
       where c.practitioner_id = s.id and c.active and (p_mode is null or c.mode = p_mode)
    ) as prices on true
    left join lateral (
      -- The soonest type over the first day from next_available_at, else over 62 days.
      select coalesce(day1.type_id, later.type_id) as type_id, coalesce(day1.mode, later.mode) as mode,
             coalesce(day1.starts, later.starts) as starts
        from (select 1) as one
        left join lateral (
          select c.id as type_id, c.mode, w.starts
            from public.consultation_types c
           -- offset 0: computed once per type, not again for the sort.
           cross join lateral (select private.first_starts(s.id, c.id, s.next_available_at, interval '1 day') as starts offset 0) as w
           where c.id = any (prices.type_ids) and cardinality(w.starts) > 0
           order by w.starts[1], c.price_cents, c.id
           limit 1
        ) as day1 on true
        left join lateral (
          select c.id as type_id, c.mode, w.starts
            from public.consultation_types c
           cross join lateral (select private.first_starts(s.id, c.id, s.next_available_at, interval '62 days') as starts offset 0) as w
           where day1.type_id is null and c.id = any (prices.type_ids) and cardinality(w.starts) > 0
           order by w.starts[1], c.price_cents, c.id
           limit 1
        ) as later on true
       where s.next_available_at is not null
    ) as pick on true
   order by s.ordinality;
end;
$$;
comment on function public.search_practitioners_with_slots(text, text, float8, float8, float8, public.consultation_mode, int, int, public.search_sort) is
  'The search page in one request: search_practitioners'' page with each hit''s time zone, price range and the next three starts of its soonest type.';
grant execute on function public.search_practitioners_with_slots(text, text, float8, float8, float8, public.consultation_mode, int, int, public.search_sort)
  to anon, authenticated, service_role;
