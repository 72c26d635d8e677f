-- The staff desk's screens need to know whether the signed-in person is staff before asking for
-- anything else. The answer comes from staff_members (never from user metadata); the real
-- protection stays in RLS and in each staff function's own check.
set local lock_timeout = '5s';

create function public.am_i_staff() returns boolean
language sql stable security invoker set search_path = ''
as $$
  select coalesce((select private.is_staff()), false);
$$;
comment on function public.am_i_staff() is
  'Whether the caller is staff, for the apps to show or hide the staff desk; protection is RLS, not this.';
revoke all on function public.am_i_staff() from public, anon;
grant execute on function public.am_i_staff() to authenticated, service_role;
