-- Staff are people the company trusts with verification and content: a table only the service
-- role writes, instead of a value in profiles that a mistaken policy could let a user set.

create table public.staff_members (
  user_id uuid primary key references auth.users (id) on delete cascade,
  created_at timestamptz not null default now()
);
comment on table public.staff_members is
  'Who is staff. Written only by the service role; every staff check reads it through private.is_staff().';

alter table public.staff_members enable row level security;
revoke all on public.staff_members from anon, authenticated;
grant select on public.staff_members to authenticated;
grant all on public.staff_members to service_role;

create policy "staff read the staff list" on public.staff_members
  for select to authenticated using ((select private.is_staff()));

-- Staff as recorded before this table existed.
insert into public.staff_members (user_id) select id from public.profiles where role = 'staff';

create or replace function private.is_staff() returns boolean
language sql stable security definer set search_path = ''
as $$
  select exists (select 1 from public.staff_members s where s.user_id = (select auth.uid()));
$$;
comment on function private.is_staff() is
  'Whether the caller is staff; security definer so that any policy can ask without recursing.';

-- profiles.role stays the one place apps read a role from: it follows this table.
create function private.sync_staff_role() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  if tg_op = 'INSERT' then
    update public.profiles set role = 'staff' where id = new.user_id;
  else
    -- Back to the role chosen at sign-up (only patient or practitioner can be chosen there).
    update public.profiles p
       set role = case when u.raw_user_meta_data ->> 'role' = 'practitioner' then 'practitioner' else 'patient' end
      from auth.users u
     where p.id = old.user_id and u.id = old.user_id and p.role = 'staff';
  end if;
  return null;
end;
$$;
comment on function private.sync_staff_role() is 'Keeps profiles.role equal to staff exactly for staff members.';

create trigger staff_members_sync_role after insert or delete on public.staff_members
  for each row execute function private.sync_staff_role();

-- A role set directly on profiles (as before this table) is refused: staff_members decides.
create function private.guard_staff_role() returns trigger
language plpgsql set search_path = ''
as $$
begin
  if (new.role = 'staff') <> exists (select 1 from public.staff_members s where s.user_id = new.id) then
    raise exception 'profiles.role is staff exactly for staff members'
      using errcode = 'PT409', hint = 'Insert into or delete from public.staff_members instead.';
  end if;
  return new;
end;
$$;
comment on function private.guard_staff_role() is 'Stops profiles.role and staff_members from disagreeing.';

create trigger profiles_guard_staff_role before update of role on public.profiles
  for each row when (old.role is distinct from new.role) execute function private.guard_staff_role();
