-- Hosted Supabase's storage schema, as far as our migrations and the storage emulator use it:
-- buckets, objects (metadata only; bytes live on disk), the path helpers policies call, and the
-- grants hosted projects have. Runs as supabase_admin after 00_roles.sql and 10_auth.sql at every
-- start, so every statement is idempotent. Hosted projects already have all of this.

create table if not exists storage.buckets (
  id text primary key,
  name text not null,
  owner uuid,
  owner_id text,
  public boolean default false,
  file_size_limit bigint,
  allowed_mime_types text[],
  created_at timestamptz default now(),
  updated_at timestamptz default now()
);
create unique index if not exists bname on storage.buckets (name);
comment on table storage.buckets is
  'Storage buckets (hosted Supabase layout): public flag and per-bucket upload limits the storage API enforces.';
comment on column storage.buckets.owner is 'Field is deprecated, use owner_id instead';

create table if not exists storage.objects (
  id uuid primary key default gen_random_uuid(),
  bucket_id text references storage.buckets (id),
  name text,
  owner uuid,
  owner_id text,
  metadata jsonb,
  user_metadata jsonb,
  path_tokens text[] generated always as (string_to_array(name, '/')) stored,
  version text,
  created_at timestamptz default now(),
  updated_at timestamptz default now(),
  last_accessed_at timestamptz default now()
);
create unique index if not exists bucketid_objname on storage.objects (bucket_id, name);
create index if not exists name_prefix_search on storage.objects (name text_pattern_ops);
comment on table storage.objects is
  'One row per stored file; the storage API reads and writes it as the caller, so RLS policies on this table decide access.';
comment on column storage.objects.owner is 'Field is deprecated, use owner_id instead';
comment on column storage.objects.version is
  'Names the bytes on disk for this row; a new upload gets a new version so a failed one never clobbers the old file.';

-- RLS on and no policy: nobody but service_role (BYPASSRLS) gets in until a migration says so,
-- exactly as on a new hosted project.
alter table storage.buckets enable row level security;
alter table storage.objects enable row level security;

-- Path helpers that storage policies call, e.g. (storage.foldername(name))[1] = auth.uid()::text.
create or replace function storage.foldername(name text) returns text[]
language plpgsql immutable as $$
declare
  parts text[] := string_to_array(name, '/');
begin
  return parts[1 : array_length(parts, 1) - 1];
end
$$;
comment on function storage.foldername(text) is 'Folders of an object name, outermost first (every segment but the last).';

create or replace function storage.filename(name text) returns text
language plpgsql immutable as $$
declare
  parts text[] := string_to_array(name, '/');
begin
  return parts[array_length(parts, 1)];
end
$$;
comment on function storage.filename(text) is 'Last segment of an object name.';

create or replace function storage.extension(name text) returns text
language plpgsql immutable as $$
declare
  parts text[] := string_to_array(name, '/');
  file text := parts[array_length(parts, 1)];
begin
  -- Text after the last dot of the file name (the whole name when it has no dot), as hosted.
  return reverse(split_part(reverse(file), '.', 1));
end
$$;
comment on function storage.extension(text) is 'Extension of the file name of an object (text after its last dot).';

create or replace function storage.update_updated_at_column() returns trigger
language plpgsql as $$
begin
  new.updated_at := now();
  return new;
end
$$;
comment on function storage.update_updated_at_column() is 'Keeps storage.objects.updated_at current on every update, as hosted does.';

create or replace trigger update_objects_updated_at
  before update on storage.objects
  for each row execute function storage.update_updated_at_column();

-- Hosted refuses plain DELETEs on the storage tables (they would orphan the bytes); only the
-- storage API, which sets storage.allow_delete_query in its transactions, may delete rows.
create or replace function storage.protect_delete() returns trigger
language plpgsql as $$
begin
  if coalesce(current_setting('storage.allow_delete_query', true), 'false') <> 'true' then
    raise exception 'Direct deletion from storage tables is not allowed. Use the Storage API instead.'
      using hint = 'This prevents accidental data loss from orphaned objects.', errcode = '42501';
  end if;
  return null;
end
$$;
comment on function storage.protect_delete() is
  'Blocks DELETE on storage tables outside the storage API, like hosted Supabase, so a migration that would fail there fails here.';

create or replace trigger protect_buckets_delete
  before delete on storage.buckets
  for each statement execute function storage.protect_delete();
create or replace trigger protect_objects_delete
  before delete on storage.objects
  for each statement execute function storage.protect_delete();

-- Ownership as hosted: the storage admin owns everything in the schema.
alter table storage.buckets owner to supabase_storage_admin;
alter table storage.objects owner to supabase_storage_admin;
alter function storage.foldername(text) owner to supabase_storage_admin;
alter function storage.filename(text) owner to supabase_storage_admin;
alter function storage.extension(text) owner to supabase_storage_admin;
alter function storage.update_updated_at_column() owner to supabase_storage_admin;
alter function storage.protect_delete() owner to supabase_storage_admin;

-- Grants as hosted: the API roles have table privileges and RLS decides; postgres (which runs our
-- migrations) may insert buckets and re-grant. Creating policies on storage.objects needs owner
-- rights: hosted gives postgres exactly that through supautils; without it, membership in the
-- owning role is the closest plain Postgres has (it also lets postgres alter the tables, which
-- hosted would refuse).
grant supabase_storage_admin to postgres;
grant usage on schema storage to postgres with grant option;
grant usage on schema storage to anon, authenticated, service_role;
grant all on storage.buckets, storage.objects to anon, authenticated, service_role;
grant all on storage.buckets, storage.objects to postgres with grant option;
grant execute on function storage.foldername(text), storage.filename(text), storage.extension(text)
  to postgres, anon, authenticated, service_role;

alter default privileges for role supabase_storage_admin in schema storage
  grant all on tables to postgres, anon, authenticated, service_role;
alter default privileges for role supabase_storage_admin in schema storage
  grant all on functions to postgres, anon, authenticated, service_role;
alter default privileges for role supabase_storage_admin in schema storage
  grant all on sequences to postgres, anon, authenticated, service_role;
