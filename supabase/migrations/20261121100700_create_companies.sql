-- Client companies sponsor their employees' consultations. An individual whose confirmed
-- e-mail address is on a company's domain is linked to it automatically.

create table public.companies (
  id uuid primary key default gen_random_uuid(),
  name text not null check (char_length(name) between 2 and 200),
  email_domains text[] not null default '{}'
    check (array_to_string(email_domains, ',') ~ '^([a-z0-9-]+(\.[a-z0-9-]+)+(,|$))*$'),
  active boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
comment on table public.companies is 'Client companies whose employees get sponsored access, matched by e-mail domain.';
create index companies_domains_idx on public.companies using gin (email_domains);

create table public.company_members (
  company_id uuid not null references public.companies (id) on delete cascade,
  user_id uuid not null references public.profiles (id) on delete cascade,
  joined_at timestamptz not null default now(),
  primary key (company_id, user_id)
);
comment on table public.company_members is 'Which individuals belong to which client company (linked by confirmed e-mail domain).';
create index company_members_user_idx on public.company_members (user_id);

create trigger companies_touch_updated_at before update on public.companies
  for each row execute function private.touch_updated_at();

create function private.link_company_members() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  if new.email_confirmed_at is null or new.email is null then
    return null;
  end if;
  insert into public.company_members (company_id, user_id)
  select c.id, new.id
    from public.companies c
   where c.active and lower(split_part(new.email, '@', 2)) = any (c.email_domains)
     and exists (select 1 from public.profiles p where p.id = new.id)
  on conflict do nothing;
  return null;
end;
$$;
comment on function private.link_company_members() is
  'Links a user to every active company of their confirmed e-mail domain; only confirmed addresses count.';

-- Triggers on one event fire in name order: this name sorts after on_auth_user_created, so a user
-- inserted already confirmed (bulk loads do) has a profile by the time it is linked.
create trigger on_auth_user_email_confirmed after insert or update of email_confirmed_at, email on auth.users
  for each row execute function private.link_company_members();

alter table public.companies enable row level security;
alter table public.company_members enable row level security;
revoke all on public.companies, public.company_members from anon, authenticated;
grant select, insert, update, delete on public.companies to authenticated;
grant select, delete on public.company_members to authenticated;
grant all on public.companies, public.company_members to service_role;

create policy "members read their company" on public.companies
  for select to authenticated
  using (exists (select 1 from public.company_members m where m.company_id = id and m.user_id = (select auth.uid())));
create policy "staff read every company" on public.companies for select to authenticated using ((select private.is_staff()));
create policy "staff add companies" on public.companies for insert to authenticated with check ((select private.is_staff()));
create policy "staff edit companies" on public.companies for update to authenticated
  using ((select private.is_staff())) with check ((select private.is_staff()));
create policy "staff remove companies" on public.companies for delete to authenticated using ((select private.is_staff()));

create policy "individuals read their own memberships" on public.company_members
  for select to authenticated using (user_id = (select auth.uid()));
create policy "staff read every membership" on public.company_members
  for select to authenticated using ((select private.is_staff()));
create policy "staff remove memberships" on public.company_members
  for delete to authenticated using ((select private.is_staff()));
