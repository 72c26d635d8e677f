-- One profile per auth user, created by a trigger so that no client can skip or forge it.
-- The role comes from the sign-up metadata (patient or practitioner only); staff is granted by the
-- service role, never by the user.

create schema if not exists private;
comment on schema private is 'Helpers and triggers the API never exposes (PostgREST serves public only).';
revoke all on schema private from public;
grant usage on schema private to anon, authenticated, service_role;

create table public.profiles (
  id uuid primary key references auth.users (id) on delete cascade,
  email text,
  full_name text check (char_length(full_name) <= 200),
  role text not null default 'patient' check (role in ('patient', 'practitioner', 'staff')),
  locale text not null default 'fr' check (locale in ('fr', 'en')),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
comment on table public.profiles is
  'Who a signed-in user is to Carebook: name, preferred language and role. Roles drive RLS elsewhere.';
comment on column public.profiles.role is
  'patient or practitioner from sign-up; staff only by the service role. Users cannot update it (column grants).';

alter table public.profiles enable row level security;

-- Explicit grants, so the table behaves the same whether or not the project exposes new tables by
-- default. Users may change only their name and language.
revoke all on public.profiles from anon, authenticated;
grant select on public.profiles to anon, authenticated;
grant update (full_name, locale) on public.profiles to authenticated;
grant all on public.profiles to service_role;

create function private.is_staff() returns boolean
language sql stable security definer set search_path = ''
as $$
  select exists (select 1 from public.profiles p where p.id = (select auth.uid()) and p.role = 'staff');
$$;
comment on function private.is_staff() is
  'Whether the caller is staff; security definer so that policies on profiles can ask without recursing.';
revoke all on function private.is_staff() from public;
grant execute on function private.is_staff() to authenticated, service_role;

create policy "users read their own profile" on public.profiles
  for select to authenticated using (id = (select auth.uid()));
create policy "staff read every profile" on public.profiles
  for select to authenticated using ((select private.is_staff()));
create policy "users update their own profile" on public.profiles
  for update to authenticated using (id = (select auth.uid())) with check (id = (select auth.uid()));

create function private.touch_updated_at() returns trigger
language plpgsql set search_path = ''
as $$
begin
  new.updated_at := now();
  return new;
end;
$$;
comment on function private.touch_updated_at() is 'Keeps updated_at true on every update, whoever writes.';

create trigger profiles_touch_updated_at before update on public.profiles
  for each row execute function private.touch_updated_at();

create function private.create_profile_for_new_user() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  meta jsonb := coalesce(new.raw_user_meta_data, '{}'::jsonb);
begin
  insert into public.profiles (id, email, full_name, role, locale)
  values (
    new.id,
    new.email,
    nullif(left(trim(meta ->> 'full_name'), 200), ''),
    -- Only these two can be chosen at sign-up; anything else (staff included) becomes patient.
    case when meta ->> 'role' = 'practitioner' then 'practitioner' else 'patient' end,
    case when meta ->> 'locale' in ('fr', 'en') then meta ->> 'locale' else 'fr' end
  );
  return new;
end;
$$;
comment on function private.create_profile_for_new_user() is
  'Creates the profile in the same transaction as the auth user, with a role limited to patient or practitioner.';

create trigger on_auth_user_created after insert on auth.users
  for each row execute function private.create_profile_for_new_user();

create function private.sync_profile_email() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  update public.profiles set email = new.email where id = new.id;
  return new;
end;
$$;
comment on function private.sync_profile_email() is 'Keeps profiles.email equal to the confirmed auth e-mail.';

create trigger on_auth_user_email_changed after update of email on auth.users
  for each row when (old.email is distinct from new.email) execute function private.sync_profile_email();
