-- Who did what to which record, and when: verification decisions, role changes and staff access
-- to verification documents must be answerable later. Rows are written by triggers and security
-- definer functions only, and nobody (not even the service role) can change or delete them.

create table public.audit_log (
  id bigint generated always as identity primary key,
  at timestamptz not null default now(),
  actor_id uuid,
  actor_role text not null,
  action text not null,
  table_name text not null,
  record_id text not null,
  old_values jsonb,
  new_values jsonb,
  details jsonb not null default '{}'::jsonb
);
comment on table public.audit_log is
  'Append-only trail of sensitive actions (verification decisions, role changes, staff reads of documents).';
create index audit_log_record_idx on public.audit_log (table_name, record_id, at desc);
create index audit_log_actor_idx on public.audit_log (actor_id, at desc);

alter table public.audit_log enable row level security;
revoke all on public.audit_log from anon, authenticated, service_role;
grant select on public.audit_log to authenticated, service_role;

create policy "staff read the audit log" on public.audit_log
  for select to authenticated using ((select private.is_staff()));

create function private.forbid_audit_change() returns trigger
language plpgsql set search_path = ''
as $$
begin
  raise exception 'audit_log rows cannot be changed or deleted' using errcode = 'PT403';
end;
$$;
comment on function private.forbid_audit_change() is 'Makes audit_log append-only for every role, owners included.';

create trigger audit_log_append_only before update or delete on public.audit_log
  for each row execute function private.forbid_audit_change();
create trigger audit_log_no_truncate before truncate on public.audit_log
  for each statement execute function private.forbid_audit_change();

create function private.audit(
  p_action text, p_table text, p_record_id text, p_old jsonb, p_new jsonb, p_details jsonb default '{}'::jsonb
) returns void
language sql security definer set search_path = ''
as $$
  insert into public.audit_log (actor_id, actor_role, action, table_name, record_id, old_values, new_values, details)
  values ((select auth.uid()), coalesce((select auth.role()), current_user), p_action, p_table, p_record_id, p_old, p_new, p_details);
$$;
comment on function private.audit(text, text, text, jsonb, jsonb, jsonb) is
  'The one way rows reach audit_log; records the API caller from the JWT claims.';
revoke all on function private.audit(text, text, text, jsonb, jsonb, jsonb) from public;

create function private.audit_role_change() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  perform private.audit('role_changed', 'profiles', new.id::text,
    jsonb_build_object('role', old.role), jsonb_build_object('role', new.role));
  return null;
end;
$$;
comment on function private.audit_role_change() is 'Audits every change of profiles.role.';

create trigger profiles_audit_role after update of role on public.profiles
  for each row when (old.role is distinct from new.role) execute function private.audit_role_change();

create function private.audit_staff_membership() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  if tg_op = 'INSERT' then
    perform private.audit('staff_granted', 'staff_members', new.user_id::text, null, to_jsonb(new));
  else
    perform private.audit('staff_revoked', 'staff_members', old.user_id::text, to_jsonb(old), null);
  end if;
  return null;
end;
$$;
comment on function private.audit_staff_membership() is 'Audits who became or stopped being staff.';

create trigger staff_members_audit after insert or delete on public.staff_members
  for each row execute function private.audit_staff_membership();
