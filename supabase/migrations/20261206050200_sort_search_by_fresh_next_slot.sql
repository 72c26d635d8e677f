-- Search sorts by the next slot it shows (issue 9). A cached next slot past its validity was
-- recomputed for display but the rows were still sorted by the stale value, so "soonest" could
-- list a practitioner whose shown time is later above one whose shown time is sooner. The fresh
-- value is now computed once per candidate, in a lateral join, and used for both.
set local lock_timeout = '5s';
-- search_practitioners sets a pg_trgm parameter: load that extension's library first, or a
-- session that has not used pg_trgm yet refuses to set it (an unknown parameter, for non-superusers).
select extensions.word_similarity('', '');

create or replace function public.search_practitioners(
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
           nx.next_at,
           c.rel
      from candidates c
      left join private.practitioner_next_slots ns on ns.practitioner_id = c.id
      -- A cached value past its validity is recomputed (not written: searches only read), once,
      -- and that fresh value is both shown and sorted by.
     cross join lateral (
       select case when ns.valid_until > now() then ns.next_available_at
                   else (private.compute_next_slot(c.id)).next_at end as next_at
     ) as nx
     where p_radius_km is null or c.dist <= p_radius_km
     order by
       case when coalesce(p_sort, case when p_lat is not null then 'distance' else 'soonest' end::public.search_sort) = 'distance'
            then c.dist end nulls last,
       case when coalesce(p_sort, case when p_lat is not null then 'distance' else 'soonest' end::public.search_sort) = 'soonest'
            then coalesce(nx.next_at, 'infinity') end,
       case when p_sort = 'relevance' then -c.rel end,
       c.rel desc, c.id
     limit p_limit offset greatest(p_offset, 0);
end;
$$;
comment on function public.search_practitioners(text, text, float8, float8, float8, public.consultation_mode, int, int, public.search_sort) is
  'Published practitioners by profession, text, distance and mode, sorted by distance or soonest availability.';
grant execute on function public.search_practitioners(text, text, float8, float8, float8, public.consultation_mode, int, int, public.search_sort)
  to anon, authenticated, service_role;
