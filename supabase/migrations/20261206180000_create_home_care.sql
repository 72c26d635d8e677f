-- Home care (issue 16): patients ask for care at home, Carebook offers the request to nearby
-- practitioners in waves, the first to accept gets it. Tables only here: the care-type catalogue,
-- each practitioner's home-visit settings, requests with their visits, offers. The dispatcher,
-- candidate query and accept are in the next migrations. Every state is a row, so a request is
-- never lost; a request is scheduled with one practitioner at most (accepted_by, set once).
set local lock_timeout = '5s';

create type public.home_care_urgency as enum ('urgent', 'today', 'planned');
comment on type public.home_care_urgency is
  'How soon care is needed: decides wave spacing and when staff are alerted (private.home_care_pace).';
create type public.home_care_state as enum ('searching', 'offered', 'scheduled', 'cancelled');
comment on type public.home_care_state is
  'A request''s life: searching (no offer out yet), offered (offers out), scheduled (someone accepted), cancelled.';
create type public.home_care_offer_state as enum ('open', 'accepted', 'declined', 'taken', 'withdrawn');
comment on type public.home_care_offer_state is
  'An offer: open until its practitioner answers, or until another took the request (taken) or it was cancelled (withdrawn).';

create table public.care_types (
  id uuid primary key default gen_random_uuid(),
  profession_code text not null references public.professions (code) on update cascade,
  code text not null check (code ~ '^[a-z][a-z_]{1,60}$'),
  name_fr text not null check (char_length(name_fr) between 2 and 100),
  name_en text not null check (char_length(name_en) between 2 and 100),
  duration_minutes int not null check (duration_minutes between 5 and 240),
  active boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (profession_code, code)
);
comment on table public.care_types is
  'Home-care catalogue staff edit: what can be asked for at home, which profession gives it, how long a visit lasts.';
create trigger care_types_touch_updated_at before update on public.care_types
  for each row execute function private.touch_updated_at();

alter table public.care_types enable row level security;
revoke all on public.care_types from anon, authenticated;
grant select on public.care_types to anon;
grant select, insert, update, delete on public.care_types to authenticated;
grant all on public.care_types to service_role;
create policy "anyone reads active care types" on public.care_types
  for select to anon, authenticated using (active);
create policy "staff read every care type" on public.care_types
  for select to authenticated using ((select private.is_staff()));
create policy "staff add care types" on public.care_types
  for insert to authenticated with check ((select private.is_staff()));
create policy "staff edit care types" on public.care_types
  for update to authenticated using ((select private.is_staff())) with check ((select private.is_staff()));
create policy "staff remove care types" on public.care_types
  for delete to authenticated using ((select private.is_staff()));

create table public.home_visit_settings (
  practitioner_id uuid primary key references public.practitioners (id) on delete cascade,
  enabled boolean not null default false,
  base_address text check (char_length(base_address) <= 300),
  base_latitude double precision check (base_latitude between -90 and 90),
  base_longitude double precision check (base_longitude between -180 and 180),
  radius_km numeric(5, 1) not null default 10 check (radius_km between 1 and 100),
  -- Straight-line travel is an estimate: this margin before and after each visit absorbs it.
  travel_minutes int not null default 15 check (travel_minutes between 0 and 120),
  updated_at timestamptz not null default now(),
  check ((base_latitude is null) = (base_longitude is null)),
  check (not enabled or base_latitude is not null)
);
comment on table public.home_visit_settings is
  'Whether a practitioner visits patients at home, from where and how far (a radius), and the travel margin around visits.';
create index home_visit_settings_enabled_idx on public.home_visit_settings (practitioner_id) where enabled;
create trigger home_visit_settings_touch_updated_at before update on public.home_visit_settings
  for each row execute function private.touch_updated_at();

alter table public.home_visit_settings enable row level security;
revoke all on public.home_visit_settings from anon, authenticated;
grant select, delete on public.home_visit_settings to authenticated;
grant insert (practitioner_id, enabled, base_address, base_latitude, base_longitude, radius_km, travel_minutes)
  on public.home_visit_settings to authenticated;
grant update (enabled, base_address, base_latitude, base_longitude, radius_km, travel_minutes)
  on public.home_visit_settings to authenticated;
grant all on public.home_visit_settings to service_role;
create policy "practitioners read their own home-visit settings" on public.home_visit_settings
  for select to authenticated using (practitioner_id = (select auth.uid()));
create policy "staff read every home-visit setting" on public.home_visit_settings
  for select to authenticated using ((select private.is_staff()));
create policy "practitioners add their own home-visit settings" on public.home_visit_settings
  for insert to authenticated with check (
    practitioner_id = (select auth.uid())
    and exists (select 1 from public.practitioners p where p.id = (select auth.uid())));
create policy "practitioners change their own home-visit settings" on public.home_visit_settings
  for update to authenticated using (practitioner_id = (select auth.uid())) with check (practitioner_id = (select auth.uid()));
create policy "practitioners remove their own home-visit settings" on public.home_visit_settings
  for delete to authenticated using (practitioner_id = (select auth.uid()));

create table public.home_care_requests (
  id uuid primary key default gen_random_uuid(),
  patient_id uuid not null references public.profiles (id) on delete restrict,
  care_type_id uuid not null references public.care_types (id) on delete restrict,
  for_whom text not null check (for_whom in ('self', 'relative')),
  care_recipient_name text not null check (char_length(care_recipient_name) between 2 and 120),
  contact_phone text not null check (contact_phone ~ '^\+[1-9][0-9]{6,14}$'),
  address text not null check (char_length(address) between 3 and 300),
  -- The town (or postcode) only: what an offer shows before anyone accepted.
  locality text check (char_length(locality) <= 120),
  place_id text check (char_length(place_id) <= 300),
  latitude double precision not null check (latitude between -90 and 90),
  longitude double precision not null check (longitude between -180 and 180),
  time_zone text not null default 'Europe/Paris',
  -- Daily windows as local wall-clock times, e.g. {08:00-10:00,18:00-20:00}, repeated day_count days.
  daily_windows text[] not null check (cardinality(daily_windows) between 1 and 4),
  first_day date not null,
  day_count int not null default 1 check (day_count between 1 and 60),
  urgency public.home_care_urgency not null default 'planned',
  notes text check (char_length(notes) <= 1000),
  prescription_path text check (char_length(prescription_path) <= 300),
  state public.home_care_state not null default 'searching',
  wave int not null default 0 check (wave >= 0),
  -- When the dispatcher next looks at this request (the next wave), null once decided.
  next_wave_at timestamptz default now(),
  accepted_by uuid references public.practitioners (id) on delete restrict,
  accepted_at timestamptz,
  assigned_by_staff uuid references auth.users (id) on delete set null,
  escalated_at timestamptz,
  cancelled_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check ((state = 'scheduled') = (accepted_by is not null)),
  check ((accepted_by is null) = (accepted_at is null)),
  check ((state = 'cancelled') = (cancelled_at is not null))
);
comment on table public.home_care_requests is
  'A request for care at home: what, where, when (daily windows over days), for whom, and where dispatch stands.';
comment on column public.home_care_requests.accepted_by is
  'The one practitioner the request went to; written once, under the request''s row lock, by accept or staff assignment.';
create index home_care_requests_patient_idx on public.home_care_requests (patient_id, created_at desc);
create index home_care_requests_due_idx on public.home_care_requests (next_wave_at) where state in ('searching', 'offered');
create index home_care_requests_accepted_by_idx on public.home_care_requests (accepted_by);
create index home_care_requests_care_type_idx on public.home_care_requests (care_type_id);
create index home_care_requests_assigned_by_idx on public.home_care_requests (assigned_by_staff);
create trigger home_care_requests_touch_updated_at before update on public.home_care_requests
  for each row execute function private.touch_updated_at();

-- One row per visit the request asks for (day x window), planned when the request is made; an
-- accepted request links each to its appointment.
create table public.home_care_visits (
  id uuid primary key default gen_random_uuid(),
  request_id uuid not null references public.home_care_requests (id) on delete cascade,
  seq int not null check (seq >= 1),
  time_window tstzrange not null check (not isempty(time_window)),
  appointment_id uuid unique references public.appointments (id) on delete set null,
  unique (request_id, seq)
);
comment on table public.home_care_visits is
  'The visits of a request (each day''s windows as instants); linked to the practitioner''s appointment once accepted.';

create table public.home_care_offers (
  id uuid primary key default gen_random_uuid(),
  request_id uuid not null references public.home_care_requests (id) on delete cascade,
  practitioner_id uuid not null references public.practitioners (id) on delete cascade,
  wave int not null check (wave >= 1),
  rank int not null check (rank >= 1),
  state public.home_care_offer_state not null default 'open',
  added_travel_km double precision,
  sent_at timestamptz not null default now(),
  answered_at timestamptz,
  -- Never the same request offered twice to one practitioner, whatever the dispatcher does.
  unique (request_id, practitioner_id)
);
comment on table public.home_care_offers is
  'Who a request was offered to, in which wave and rank, and how it ended; unique per request and practitioner.';
create index home_care_offers_practitioner_idx on public.home_care_offers (practitioner_id, sent_at desc);

alter table public.home_care_requests enable row level security;
alter table public.home_care_visits enable row level security;
alter table public.home_care_offers enable row level security;
-- Written only through the functions of the next migrations (they check who may do what).
revoke all on public.home_care_requests, public.home_care_visits, public.home_care_offers from anon, authenticated;
grant select on public.home_care_requests, public.home_care_visits, public.home_care_offers to authenticated;
grant all on public.home_care_requests, public.home_care_visits, public.home_care_offers to service_role;

create policy "patients read their own home-care requests" on public.home_care_requests
  for select to authenticated using (patient_id = (select auth.uid()));
create policy "practitioners read the home-care requests they accepted" on public.home_care_requests
  for select to authenticated using (accepted_by = (select auth.uid()));
create policy "staff read every home-care request" on public.home_care_requests
  for select to authenticated using ((select private.is_staff()));

create policy "people read the visits of home-care requests they may read" on public.home_care_visits
  for select to authenticated using (exists (select 1 from public.home_care_requests r where r.id = request_id));

create policy "practitioners read their own offers" on public.home_care_offers
  for select to authenticated using (practitioner_id = (select auth.uid()));
create policy "patients read the offers of their requests" on public.home_care_offers
  for select to authenticated
  using (exists (select 1 from public.home_care_requests r where r.id = request_id and r.patient_id = (select auth.uid())));
create policy "staff read every offer" on public.home_care_offers
  for select to authenticated using ((select private.is_staff()));
