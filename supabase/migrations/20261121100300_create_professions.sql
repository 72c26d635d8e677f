-- Only recognised professions are listed; each says which national registry identifies its
-- members, which decides how a practitioner's registration number is checked.

create table public.professions (
  code text primary key check (code ~ '^[a-z][a-z_]{1,40}$'),
  name_fr text not null check (char_length(name_fr) between 2 and 100),
  name_en text not null check (char_length(name_en) between 2 and 100),
  registry text not null check (registry in ('rpps', 'adeli', 'none')),
  regulated boolean not null,
  active boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
comment on table public.professions is
  'Recognised professions, in French and English, with the registry (RPPS, ADELI or none) that identifies members.';

create table public.specialties (
  id uuid primary key default gen_random_uuid(),
  profession_code text not null references public.professions (code) on update cascade,
  code text not null check (code ~ '^[a-z][a-z_]{1,60}$'),
  name_fr text not null check (char_length(name_fr) between 2 and 100),
  name_en text not null check (char_length(name_en) between 2 and 100),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (profession_code, code)
);
comment on table public.specialties is 'Specialties within a profession, used for search and on profiles.';

create trigger professions_touch_updated_at before update on public.professions
  for each row execute function private.touch_updated_at();
create trigger specialties_touch_updated_at before update on public.specialties
  for each row execute function private.touch_updated_at();

alter table public.professions enable row level security;
alter table public.specialties enable row level security;
revoke all on public.professions, public.specialties from anon, authenticated;
grant select on public.professions, public.specialties to anon;
grant select, insert, update, delete on public.professions, public.specialties to authenticated;
grant all on public.professions, public.specialties to service_role;

create policy "anyone reads professions" on public.professions for select to anon, authenticated using (true);
create policy "staff add professions" on public.professions for insert to authenticated with check ((select private.is_staff()));
create policy "staff edit professions" on public.professions for update to authenticated
  using ((select private.is_staff())) with check ((select private.is_staff()));
create policy "staff remove professions" on public.professions for delete to authenticated using ((select private.is_staff()));

create policy "anyone reads specialties" on public.specialties for select to anon, authenticated using (true);
create policy "staff add specialties" on public.specialties for insert to authenticated with check ((select private.is_staff()));
create policy "staff edit specialties" on public.specialties for update to authenticated
  using ((select private.is_staff())) with check ((select private.is_staff()));
create policy "staff remove specialties" on public.specialties for delete to authenticated using ((select private.is_staff()));
