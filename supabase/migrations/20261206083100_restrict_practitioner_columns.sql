-- Published practitioners were readable column by column by anyone, internal columns included
-- (verification dates and reason, search text, timestamps), and any column added later would have
-- been public too. Now each API role gets an explicit column list: a new column is private until a
-- migration adds it here.
--
-- Grants are per role, not per row. Signed-in callers are patients, practitioners and staff
-- alike, and practitioners and staff read and return whole rows of their own or every profile
-- (select *, insert ... returning, the review function), so `authenticated` keeps today's columns;
-- `anon` gets only what a public profile page shows. What remains visible to signed-in patients
-- of published rows (verification dates, search text) is listed in decision 0009.

set local lock_timeout = '5s';
-- search_practitioners sets a pg_trgm parameter: load that extension's library first, or a
-- session that has not used pg_trgm yet refuses to set it (an unknown parameter, for non-superusers).
select extensions.word_similarity('', '');

revoke select on public.practitioners from anon, authenticated;
grant select (id, slug, display_name, profession_code, bio_fr, bio_en, languages, photo_path, registration_number,
              place_id, formatted_address, latitude, longitude, modes, time_zone, published)
  on public.practitioners to anon;
grant select (id, slug, display_name, profession_code, bio_fr, bio_en, languages, photo_path, registration_number,
              place_id, formatted_address, latitude, longitude, modes, time_zone, published,
              verification_status, status_reason, submitted_at, verified_at, created_at, updated_at, search_text)
  on public.practitioners to authenticated;

-- Search runs as its caller and reads the search text, which anon may no longer select: it
-- reads this view instead, owned by postgres, in a schema the API does not serve, limited to
-- published rows and to what search needs. A plain view is inlined, so the indexes still serve.
create view private.published_practitioners as
  select p.id, p.slug, p.display_name, p.profession_code, p.modes, p.languages, p.formatted_address,
         p.latitude, p.longitude, p.photo_path, p.search_text, p.published
    from public.practitioners p
   where p.published;
comment on view private.published_practitioners is
  'What search_practitioners reads of published practitioners, search text included, which anon cannot select.';
revoke all on private.published_practitioners from public;
grant select on private.published_practitioners to anon, authenticated, service_role;

-- search_practitioners itself: the same function reading the view. Rewritten from its current
-- definition rather than restated, so that a change made to it by an earlier migration (text
-- limits, for instance) is kept; fails if the function no longer reads the table as expected.
do $$
declare
  -- By name: there is one search_practitioners, whatever its argument types are by now.
  old_def text := pg_get_functiondef('public.search_practitioners'::regproc);
  new_def text := replace(old_def, 'from public.practitioners p', 'from private.published_practitioners p');
begin
  if new_def = old_def or new_def like '%public.practitioners%' then
    raise exception 'search_practitioners does not read public.practitioners once as "p": rewrite this step';
  end if;
  execute new_def;
end
$$;
