-- Finding a practitioner: by profession, free text (accent-insensitive, typo-tolerant, French
-- and English names), distance and mode, sorted by distance or soonest availability. Each
-- practitioner's next free slot is kept in a small table refreshed when what it depends on
-- changes, so a search never computes a month of slots per practitioner (decision 0005).

create extension if not exists unaccent with schema extensions;
create extension if not exists pg_trgm with schema extensions;

create function private.normalize_text(p_text text) returns text
language sql immutable parallel safe set search_path = ''
as $$
  select lower(extensions.unaccent('extensions.unaccent'::regdictionary, coalesce(p_text, '')));
$$;
comment on function private.normalize_text(text) is 'Lower case without accents, for search; immutable so it can be indexed.';

alter table public.practitioners add column search_text text not null default '';
comment on column public.practitioners.search_text is
  'Normalised name, profession and specialties in French and English; maintained by triggers, searched with trigrams.';
create index practitioners_search_trgm_idx on public.practitioners using gin (search_text extensions.gin_trgm_ops) where published;
create index practitioners_location_idx on public.practitioners (latitude, longitude) where published;

create function private.refresh_search_text(p_practitioner_ids uuid[]) returns void
language sql security definer set search_path = ''
as $$
  update public.practitioners p
     set search_text = private.normalize_text(concat_ws(' ',
           p.display_name, pr.name_fr, pr.name_en,
           (select string_agg(s.name_fr || ' ' || s.name_en, ' ')
              from public.practitioner_specialties ps join public.specialties s on s.id = ps.specialty_id
             where ps.practitioner_id = p.id)))
    from public.professions pr
   where pr.code = p.profession_code and p.id = any (p_practitioner_ids)
     -- Writing only real changes keeps the practitioners update trigger from firing again.
     and p.search_text is distinct from private.normalize_text(concat_ws(' ',
           p.display_name, pr.name_fr, pr.name_en,
           (select string_agg(s.name_fr || ' ' || s.name_en, ' ')
              from public.practitioner_specialties ps join public.specialties s on s.id = ps.specialty_id
             where ps.practitioner_id = p.id)));
$$;
comment on function private.refresh_search_text(uuid[]) is 'Rebuilds search_text for some practitioners.';
revoke all on function private.refresh_search_text(uuid[]) from public;

create function private.practitioners_search_text_changed() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  ids uuid[] := array(
    select n.id from new_rows n join old_rows o on o.id = n.id
     where o.display_name is distinct from n.display_name or o.profession_code is distinct from n.profession_code);
begin
  if cardinality(ids) > 0 then
    perform private.refresh_search_text(ids);
  end if;
  return null;
end;
$$;
comment on function private.practitioners_search_text_changed() is 'Statement-level: refreshes search text after name or profession changes.';

create function private.practitioners_search_text_inserted() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  perform private.refresh_search_text(array(select n.id from new_rows n));
  return null;
end;
$$;
comment on function private.practitioners_search_text_inserted() is 'Statement-level: search text of new practitioners.';

create trigger practitioners_search_text_insert after insert on public.practitioners
  referencing new table as new_rows for each statement execute function private.practitioners_search_text_inserted();
create trigger practitioners_search_text_update after update on public.practitioners
  referencing old table as old_rows new table as new_rows
  for each statement execute function private.practitioners_search_text_changed();

create function private.specialties_changed_search_text() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  if tg_op = 'DELETE' then
    perform private.refresh_search_text(array(select distinct o.practitioner_id from old_rows o));
  else
    perform private.refresh_search_text(array(select distinct n.practitioner_id from new_rows n));
  end if;
  return null;
end;
$$;
comment on function private.specialties_changed_search_text() is 'Statement-level: a practitioner''s specialties feed its search text.';

-- Staff renaming a specialty or profession renames it in the search text of those concerned.
create function private.catalogue_renamed_search_text() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  if tg_table_name = 'specialties' then
    perform private.refresh_search_text(array(
      select distinct ps.practitioner_id from public.practitioner_specialties ps join new_rows n on n.id = ps.specialty_id));
  else
    perform private.refresh_search_text(array(
      select p.id from public.practitioners p join new_rows n on n.code = p.profession_code));
  end if;
  return null;
end;
$$;
comment on function private.catalogue_renamed_search_text() is 'Statement-level: catalogue names feed practitioners'' search text.';

create trigger specialties_search_text_update after update on public.specialties
  referencing new table as new_rows for each statement execute function private.catalogue_renamed_search_text();
create trigger professions_search_text_update after update on public.professions
  referencing new table as new_rows for each statement execute function private.catalogue_renamed_search_text();

create trigger practitioner_specialties_search_insert after insert on public.practitioner_specialties
  referencing new table as new_rows for each statement execute function private.specialties_changed_search_text();
create trigger practitioner_specialties_search_delete after delete on public.practitioner_specialties
  referencing old table as old_rows for each statement execute function private.specialties_changed_search_text();

-- Next free slot per practitioner, with the instant until which it is certainly still right.
create table private.practitioner_next_slots (
  practitioner_id uuid primary key references public.practitioners (id) on delete cascade,
  next_available_at timestamptz,
  -- After this instant the value may be stale (its minimum notice has passed): recompute.
  valid_until timestamptz not null,
  computed_at timestamptz not null default now()
);
comment on table private.practitioner_next_slots is
  'Cache of each published practitioner''s first bookable slot (next 60 days), refreshed on every change it depends on.';

-- Not exposed (private schema): searches read it through search_practitioners, under the
-- caller's role, and it holds nothing that published profiles do not already show.
grant select on private.practitioner_next_slots to anon, authenticated, service_role;

create function private.compute_next_slot(p_practitioner_id uuid, out next_at timestamptz, out valid_until timestamptz)
language plpgsql stable security definer set search_path = ''
as $$
declare
  t record;
  first_at timestamptz;
  horizon interval;
begin
  valid_until := now() + interval '1 day';
  -- Widening windows: most practitioners have a slot within days, so most calls stay cheap.
  foreach horizon in array array[interval '2 days', interval '14 days', interval '60 days'] loop
    for t in select c.id, c.min_notice_minutes from public.consultation_types c
              where c.practitioner_id = p_practitioner_id and c.active loop
      select s.starts_at into first_at from private.slots(p_practitioner_id, t.id, now(), now() + horizon) s limit 1;
      if first_at is not null and (next_at is null or first_at < next_at) then
        next_at := first_at;
        valid_until := least(valid_until, first_at - make_interval(mins => t.min_notice_minutes));
      end if;
    end loop;
    exit when next_at is not null;
  end loop;
  -- A hold that runs out frees its time without any write that would refresh the cache.
  valid_until := least(valid_until, (select min(a.hold_expires_at) from public.appointments a
                                      where a.practitioner_id = p_practitioner_id and a.status = 'held'
                                        and a.hold_expires_at > now()));
end;
$$;
comment on function private.compute_next_slot(uuid) is 'First bookable slot over every active consultation type of a practitioner.';
revoke all on function private.compute_next_slot(uuid) from public;
grant execute on function private.compute_next_slot(uuid) to anon, authenticated, service_role;

create function private.refresh_next_slots(p_practitioner_ids uuid[]) returns void
language sql security definer set search_path = ''
as $$
  insert into private.practitioner_next_slots (practitioner_id, next_available_at, valid_until, computed_at)
  select p.id, n.next_at, n.valid_until, now()
    from public.practitioners p cross join lateral private.compute_next_slot(p.id) n
   where p.id = any (p_practitioner_ids) and p.published
  on conflict (practitioner_id) do update
    set next_available_at = excluded.next_available_at, valid_until = excluded.valid_until, computed_at = excluded.computed_at;
  delete from private.practitioner_next_slots s
   where s.practitioner_id = any (p_practitioner_ids)
     and not exists (select 1 from public.practitioners p where p.id = s.practitioner_id and p.published);
$$;
comment on function private.refresh_next_slots(uuid[]) is 'Recomputes the cached next slot of some practitioners.';
revoke all on function private.refresh_next_slots(uuid[]) from public;

-- One statement-level trigger function for every table the next slot depends on.
create function private.next_slots_changed() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  ids uuid[];
begin
  if tg_table_name = 'practitioners' and tg_op = 'INSERT' then
    ids := array(select n.id from new_rows n where n.published);
  elsif tg_table_name = 'practitioners' then
    -- Only publication and the time zone matter; search-text updates must not recompute slots.
    ids := array(select n.id from new_rows n join old_rows o on o.id = n.id
                  where o.published is distinct from n.published or o.time_zone is distinct from n.time_zone);
  else
    if tg_op in ('INSERT', 'UPDATE') then
      ids := array(select distinct n.practitioner_id from new_rows n);
    end if;
    if tg_op in ('DELETE', 'UPDATE') then
      ids := ids || array(select distinct o.practitioner_id from old_rows o);
    end if;
  end if;
  if cardinality(ids) > 0 then
    perform private.refresh_next_slots(ids);
  end if;
  return null;
end;
$$;
comment on function private.next_slots_changed() is 'Statement-level: refreshes next slots of the practitioners a change touched.';

do $$
declare
  tbl text;
begin
  foreach tbl in array array['appointments', 'availability_rules', 'availability_exceptions', 'external_busy_intervals',
                             'consultation_types'] loop
    execute format('create trigger %I after insert on public.%I referencing new table as new_rows
                    for each statement execute function private.next_slots_changed()', tbl || '_next_slots_insert', tbl);
    execute format('create trigger %I after update on public.%I referencing old table as old_rows new table as new_rows
                    for each statement execute function private.next_slots_changed()', tbl || '_next_slots_update', tbl);
    execute format('create trigger %I after delete on public.%I referencing old table as old_rows
                    for each statement execute function private.next_slots_changed()', tbl || '_next_slots_delete', tbl);
  end loop;
end
$$;
-- Practitioners: publication (at insert for system loads, or later) and time-zone changes.
create trigger practitioners_next_slots_insert after insert on public.practitioners
  referencing new table as new_rows for each statement execute function private.next_slots_changed();
create trigger practitioners_next_slots_update after update on public.practitioners
  referencing old table as old_rows new table as new_rows
  for each statement execute function private.next_slots_changed();

create function public.search_practitioners(
  p_profession text default null, p_text text default null, p_lat float8 default null, p_lng float8 default null,
  p_radius_km float8 default null, p_mode text default null, p_limit int default 20, p_offset int default 0,
  p_sort text default null)
returns table (
  id uuid, slug text, display_name text, profession_code text, profession_name_fr text, profession_name_en text,
  modes text[], languages text[], formatted_address text, latitude float8, longitude float8, photo_path text,
  distance_km float8, next_available_at timestamptz, relevance real)
language plpgsql stable security invoker set search_path = ''
set pg_trgm.word_similarity_threshold = 0.45
as $$
declare
  words text[] := array(select w from unnest(regexp_split_to_array(private.normalize_text(trim(p_text)), '\s+')) w where w <> '');
  lat_span float8;
  lng_span float8;
begin
  if p_limit is null or p_limit not between 1 and 100 then
    raise exception 'p_limit must be between 1 and 100' using errcode = 'PT400';
  end if;
  if p_mode is not null and p_mode not in ('video', 'in_person', 'at_home') then
    raise exception 'Unknown mode "%"', p_mode using errcode = 'PT400', hint = 'video, in_person or at_home';
  end if;
  if (p_lat is null) <> (p_lng is null) or (p_radius_km is not null and p_lat is null) then
    raise exception 'Give both p_lat and p_lng (and p_radius_km only with them)' using errcode = 'PT400';
  end if;
  if p_sort is not null and p_sort not in ('distance', 'soonest', 'relevance') then
    raise exception 'Unknown sort "%"', p_sort using errcode = 'PT400', hint = 'distance, soonest or relevance';
  end if;
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
           -- A cached value past its validity is recomputed here, for the rows of this page only.
           case when ns.valid_until > now() then ns.next_available_at else (private.compute_next_slot(c.id)).next_at end,
           c.rel
      from candidates c
      left join private.practitioner_next_slots ns on ns.practitioner_id = c.id
     where p_radius_km is null or c.dist <= p_radius_km
     order by
       case when coalesce(p_sort, case when p_lat is not null then 'distance' else 'soonest' end) = 'distance' then c.dist end nulls last,
       case when coalesce(p_sort, case when p_lat is not null then 'distance' else 'soonest' end) = 'soonest'
            then coalesce(ns.next_available_at, 'infinity') end,
       case when p_sort = 'relevance' then -c.rel end,
       c.rel desc, c.id
     limit p_limit offset greatest(p_offset, 0);
end;
$$;
comment on function public.search_practitioners(text, text, float8, float8, float8, text, int, int, text) is
  'Published practitioners by profession, text, distance and mode, sorted by distance or soonest availability.';
grant execute on function public.search_practitioners(text, text, float8, float8, float8, text, int, int, text)
  to anon, authenticated, service_role;

-- Existing rows: search text and next slots.
select private.refresh_search_text(array(select id from public.practitioners));
select private.refresh_next_slots(array(select id from public.practitioners where published));
