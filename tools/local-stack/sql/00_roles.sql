-- Makes a plain Postgres look like a hosted Supabase project to our migrations: the same roles
-- with the same attributes, schemas and default privileges. Runs as the superuser supabase_admin
-- at every start, so every statement is idempotent. Hosted projects already have all of this.

do $$
declare
  r record;
begin
  for r in
    select * from (values
      ('anon',                   'nologin inherit'),
      ('authenticated',          'nologin inherit'),
      ('service_role',           'nologin inherit bypassrls'),
      ('authenticator',          'login noinherit'),
      ('postgres',               'login createdb createrole bypassrls replication'),
      ('supabase_auth_admin',    'login noinherit createrole'),
      ('supabase_storage_admin', 'login noinherit createrole'),
      ('dashboard_user',         'nologin createdb createrole replication')
    ) as t(name, attrs)
  loop
    if not exists (select 1 from pg_roles where rolname = r.name) then
      execute format('create role %I %s', r.name, r.attrs);
    else
      execute format('alter role %I %s', r.name, r.attrs);
    end if;
  end loop;
end
$$;

-- Local-only passwords (the CLI's default database password).
alter role postgres password 'postgres';
alter role authenticator password 'postgres';
alter role supabase_auth_admin password 'postgres';
alter role supabase_storage_admin password 'postgres';

grant anon, authenticated, service_role to authenticator;
grant anon, authenticated, service_role to postgres;
-- Hosted lets postgres create policies on storage.objects (through supautils); membership does it
-- here. postgres is deliberately NOT a member of supabase_auth_admin: it cannot create in `auth`.
grant supabase_storage_admin to postgres;
do $$
begin
  if exists (select 1 from pg_auth_members m join pg_roles r on r.oid = m.roleid join pg_roles u on u.oid = m.member
             where r.rolname = 'supabase_auth_admin' and u.rolname = 'postgres') then
    revoke supabase_auth_admin from postgres;
  end if;
end
$$;

alter role authenticator set statement_timeout = '8s';
alter role authenticator set lock_timeout = '8s';
alter role anon set statement_timeout = '3s';
alter role authenticated set statement_timeout = '8s';

alter database postgres owner to postgres;

create schema if not exists extensions;
grant usage on schema extensions to postgres, anon, authenticated, service_role;
alter default privileges in schema extensions grant all on functions to postgres, anon, authenticated, service_role;

create extension if not exists "uuid-ossp" with schema extensions;
create extension if not exists pgcrypto with schema extensions;
create extension if not exists pg_stat_statements with schema extensions;

create schema if not exists auth authorization supabase_auth_admin;
create schema if not exists storage authorization supabase_storage_admin;
create schema if not exists graphql_public;
grant usage on schema auth, storage, graphql_public to postgres, anon, authenticated, service_role;

create schema if not exists supabase_migrations authorization postgres;

-- Public schema: the API roles see what migrations grant them. Hosted projects still grant ALL on
-- new objects by default; our migrations write explicit grants so they work either way.
grant usage on schema public to postgres, anon, authenticated, service_role;
grant all on schema public to postgres;
alter default privileges for role postgres in schema public grant all on tables to postgres, anon, authenticated, service_role;
alter default privileges for role postgres in schema public grant all on functions to postgres, anon, authenticated, service_role;
alter default privileges for role postgres in schema public grant all on sequences to postgres, anon, authenticated, service_role;
alter default privileges for role supabase_admin in schema public grant all on tables to postgres, anon, authenticated, service_role;
alter default privileges for role supabase_admin in schema public grant all on functions to postgres, anon, authenticated, service_role;
alter default privileges for role supabase_admin in schema public grant all on sequences to postgres, anon, authenticated, service_role;

-- PostgREST reloads its schema cache after DDL, so new tables appear without a restart.
create or replace function extensions.pgrst_ddl_watch() returns event_trigger
language plpgsql as $$
begin
  notify pgrst, 'reload schema';
end;
$$;

do $$
begin
  if not exists (select 1 from pg_event_trigger where evtname = 'pgrst_ddl_watch') then
    create event trigger pgrst_ddl_watch on ddl_command_end execute procedure extensions.pgrst_ddl_watch();
  end if;
  if not exists (select 1 from pg_event_trigger where evtname = 'pgrst_drop_watch') then
    create event trigger pgrst_drop_watch on sql_drop execute procedure extensions.pgrst_ddl_watch();
  end if;
end
$$;
