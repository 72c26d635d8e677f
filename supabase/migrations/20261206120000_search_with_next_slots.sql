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
set local lock_timeout = '5s';
-- search_practitioners sets a pg_trgm parameter: load that extension's library first (see
-- 20261206050200_sort_search_by_fresh_next_slot.sql).
select extensions.word_similarity('', '');

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
language sql stable security invoker set search_path = ''
as $$
  -- Runs as its caller: search_practitioners reads published practitioners only, and the types
  -- and time zone are read under RLS (active types of published practitioners).
  select s.id, s.slug, s.display_name, s.profession_code, s.profession_name_fr, s.profession_name_en,
         s.modes, s.languages, s.formatted_address, s.latitude, s.longitude, s.photo_path,
         s.distance_km, s.next_available_at, s.relevance, p.time_zone,
         prices.lo, prices.hi, prices.currency,
         pick.type_id, pick.mode, pick.starts
    from public.search_practitioners(p_profession, p_text, p_lat, p_lng, p_radius_km, p_mode, p_limit, p_offset, p_sort)
         with ordinality as s
    left join public.practitioners p on p.id = s.id
    left join lateral (
      select min(c.price_cents) as lo, max(c.price_cents) as hi, min(c.currency) as currency
        from public.consultation_types c
       where c.practitioner_id = s.id and c.active and (p_mode is null or c.mode = p_mode)
    ) as prices on true
    left join lateral (
      select t.type_id, t.mode, t.starts
        from (
          select c.id as type_id, c.mode, c.price_cents,
                 -- Two weeks hold three starts for nearly everyone; only a type with fewer asks
                 -- again for the whole 62 days get_available_slot_days allows (a CASE runs its
                 -- subquery only when that branch is taken).
                 case when cardinality(w.starts) >= 3 then w.starts
                      else (select array(select x.at
                                           from private.slot_days(s.id, c.id, now(), now() + interval '62 days') as d
                                          cross join lateral unnest(d.starts_at) as x(at)
                                          order by x.at limit 3))
                 end as starts
            from public.consultation_types c
           cross join lateral (
             select array(select x.at
                            from private.slot_days(s.id, c.id, now(), now() + interval '14 days') as d
                           cross join lateral unnest(d.starts_at) as x(at)
                           order by x.at limit 3) as starts
           ) as w
           where c.practitioner_id = s.id and c.active and (p_mode is null or c.mode = p_mode)
        ) as t
       where cardinality(t.starts) > 0
       order by t.starts[1], t.price_cents, t.type_id
       limit 1
    ) as pick on true
   order by s.ordinality;
$$;
comment on function public.search_practitioners_with_slots(text, text, float8, float8, float8, public.consultation_mode, int, int, public.search_sort) is
  'The search page in one request: search_practitioners'' page with each hit''s time zone, price range and the next three starts of its soonest type.';
grant execute on function public.search_practitioners_with_slots(text, text, float8, float8, float8, public.consultation_mode, int, int, public.search_sort)
  to anon, authenticated, service_role;
