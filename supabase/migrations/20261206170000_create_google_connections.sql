-- Google Calendar connections (issue 15). Everything here lives in `private`, which PostgREST does
-- not serve: the refresh token (stored only as AES-GCM ciphertext made by the functions, whose key
-- the database never sees), the per-calendar sync tokens and push channels, the OAuth states.
-- Apps read a connection through public.my_google_connection(), which leaves the secrets out.
set local lock_timeout = '5s';

create table private.google_connections (
  practitioner_id uuid primary key references public.practitioners (id) on delete cascade,
  account_email text check (char_length(account_email) <= 320),
  -- base64(iv || AES-256-GCM ciphertext): never the token itself (decision 0027).
  refresh_token_cipher text not null check (char_length(refresh_token_cipher) <= 4000),
  status text not null default 'active' check (status in ('active', 'broken')),
  booking_calendar_id text check (char_length(booking_calendar_id) <= 1024),
  last_synced_at timestamptz,
  last_error_code text check (char_length(last_error_code) <= 100),
  last_error text check (char_length(last_error) <= 2000),
  last_error_at timestamptz,
  -- Transient failures in a row, and when the next try may start (capped, jittered backoff).
  failures int not null default 0 check (failures >= 0),
  retry_at timestamptz,
  connected_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
comment on table private.google_connections is
  'A practitioner''s Google account link: encrypted refresh token, health (active/broken), the calendar bookings go to.';
create trigger google_connections_touch_updated_at before update on private.google_connections
  for each row execute function private.touch_updated_at();

create table private.google_calendars (
  practitioner_id uuid not null references private.google_connections (practitioner_id) on delete cascade,
  calendar_id text not null check (char_length(calendar_id) <= 1024),
  summary text not null default '' check (char_length(summary) <= 1000),
  is_primary boolean not null default false,
  access_role text not null default 'reader' check (char_length(access_role) <= 50),
  blocks_availability boolean not null default false,
  -- Saved only after the last page of a listing, so a sync cut short starts that listing again.
  sync_token text check (char_length(sync_token) <= 2000),
  sync_due_at timestamptz,
  last_synced_at timestamptz,
  channel_id text unique check (char_length(channel_id) <= 200),
  channel_token text check (char_length(channel_token) <= 200),
  channel_resource_id text check (char_length(channel_resource_id) <= 500),
  channel_expires_at timestamptz,
  primary key (practitioner_id, calendar_id)
);
comment on table private.google_calendars is
  'The calendars of a connected Google account, which ones block availability, their sync token and push channel.';
create index google_calendars_due_idx on private.google_calendars (sync_due_at) where sync_due_at is not null;

create table private.google_oauth_states (
  state text primary key check (char_length(state) between 32 and 200),
  practitioner_id uuid not null references public.practitioners (id) on delete cascade,
  code_verifier text not null check (char_length(code_verifier) between 43 and 128),
  expires_at timestamptz not null default now() + interval '15 minutes'
);
comment on table private.google_oauth_states is
  'OAuth states in flight (CSRF check and PKCE verifier), each usable once and for 15 minutes.';
create index google_oauth_states_practitioner_idx on private.google_oauth_states (practitioner_id);

-- What Carebook last wrote to Google for an appointment, to tell our own change from one made in Google.
create table private.google_event_links (
  appointment_id uuid primary key references public.appointments (id) on delete cascade,
  practitioner_id uuid not null references public.practitioners (id) on delete cascade,
  calendar_id text not null check (char_length(calendar_id) <= 1024),
  event_id text not null check (event_id ~ '^[a-v0-9]+$' and char_length(event_id) between 5 and 1024),
  starts_at timestamptz,
  ends_at timestamptz,
  -- false once we deleted it ourselves (cancellation): its deletion in a sync is then expected.
  active boolean not null default true,
  pushed_at timestamptz not null default now()
);
comment on table private.google_event_links is
  'The Google event each appointment was pushed to, and the times pushed: a different time or a deletion seen in sync came from Google.';
create index google_event_links_practitioner_idx on private.google_event_links (practitioner_id);
