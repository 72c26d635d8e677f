-- When a practitioner can be booked: weekly rules in their own time zone, exceptions (time off,
-- extra openings) and busy intervals copied from external calendars. Slots are computed from
-- these in the database only (get_available_slots), never from an external calendar at request time.

create extension if not exists btree_gist with schema extensions;

alter table public.consultation_types
  add column slot_step_minutes int not null default 15 check (slot_step_minutes between 5 and 240),
  add column cancel_cutoff_hours int not null default 24 check (cancel_cutoff_hours between 0 and 720),
  add column hold_minutes int not null default 15 check (hold_minutes between 1 and 120);
comment on column public.consultation_types.slot_step_minutes is 'Distance between two offered start times.';
comment on column public.consultation_types.cancel_cutoff_hours is 'Patients cancel or reschedule freely until this many hours before the start.';
comment on column public.consultation_types.hold_minutes is 'How long an unpaid booking holds its slot.';

create table public.availability_rules (
  id uuid primary key default gen_random_uuid(),
  practitioner_id uuid not null references public.practitioners (id) on delete cascade,
  -- ISO weekday: 1 = Monday ... 7 = Sunday, in the practitioner's time zone.
  weekday smallint not null check (weekday between 1 and 7),
  start_time time not null,
  end_time time not null,
  -- Restrict the rule to some consultation types or modes; null means all.
  consultation_type_ids uuid[],
  modes text[] check (modes <@ array['video', 'in_person', 'at_home']),
  valid_from date,
  valid_until date,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (start_time < end_time),
  check (valid_until is null or valid_from is null or valid_from <= valid_until)
);
comment on table public.availability_rules is
  'Weekly opening hours per practitioner, as local wall-clock times in the practitioner''s IANA time zone.';
create index availability_rules_practitioner_idx on public.availability_rules (practitioner_id, weekday);

create table public.availability_exceptions (
  id uuid primary key default gen_random_uuid(),
  practitioner_id uuid not null references public.practitioners (id) on delete cascade,
  kind text not null check (kind in ('time_off', 'extra')),
  during tstzrange not null check (not isempty(during) and lower_inc(during) and not upper_inc(during)
                                   and isfinite(lower(during)) and isfinite(upper(during))),
  consultation_type_ids uuid[],
  note text check (char_length(note) <= 500),
  created_at timestamptz not null default now()
);
comment on table public.availability_exceptions is
  'Time off (closes hours the rules open) and extra openings (adds hours), as absolute [start, end) ranges.';
create index availability_exceptions_practitioner_idx on public.availability_exceptions using gist (practitioner_id, during);

create table public.external_busy_intervals (
  id uuid primary key default gen_random_uuid(),
  practitioner_id uuid not null references public.practitioners (id) on delete cascade,
  source text not null check (source in ('google')),
  source_id text not null,
  during tstzrange not null check (not isempty(during) and isfinite(lower(during)) and isfinite(upper(during))),
  updated_at timestamptz not null default now(),
  unique (practitioner_id, source, source_id)
);
comment on table public.external_busy_intervals is
  'Busy time copied from a practitioner''s external calendars by sync; slots avoid it.';
create index external_busy_intervals_during_idx on public.external_busy_intervals using gist (practitioner_id, during);

create trigger availability_rules_touch_updated_at before update on public.availability_rules
  for each row execute function private.touch_updated_at();

alter table public.availability_rules enable row level security;
alter table public.availability_exceptions enable row level security;
alter table public.external_busy_intervals enable row level security;
revoke all on public.availability_rules, public.availability_exceptions, public.external_busy_intervals from anon, authenticated;
grant select, insert, update, delete on public.availability_rules, public.availability_exceptions to authenticated;
grant select on public.external_busy_intervals to authenticated;
grant all on public.availability_rules, public.availability_exceptions, public.external_busy_intervals to service_role;

create policy "practitioners read their own rules" on public.availability_rules
  for select to authenticated using (practitioner_id = (select auth.uid()));
create policy "staff read every rule" on public.availability_rules
  for select to authenticated using ((select private.is_staff()));
create policy "practitioners add their own rules" on public.availability_rules
  for insert to authenticated with check (practitioner_id = (select auth.uid()));
create policy "practitioners edit their own rules" on public.availability_rules
  for update to authenticated using (practitioner_id = (select auth.uid())) with check (practitioner_id = (select auth.uid()));
create policy "practitioners remove their own rules" on public.availability_rules
  for delete to authenticated using (practitioner_id = (select auth.uid()));

create policy "practitioners read their own exceptions" on public.availability_exceptions
  for select to authenticated using (practitioner_id = (select auth.uid()));
create policy "staff read every exception" on public.availability_exceptions
  for select to authenticated using ((select private.is_staff()));
create policy "practitioners add their own exceptions" on public.availability_exceptions
  for insert to authenticated with check (practitioner_id = (select auth.uid()));
create policy "practitioners edit their own exceptions" on public.availability_exceptions
  for update to authenticated using (practitioner_id = (select auth.uid())) with check (practitioner_id = (select auth.uid()));
create policy "practitioners remove their own exceptions" on public.availability_exceptions
  for delete to authenticated using (practitioner_id = (select auth.uid()));

create policy "practitioners read their own busy intervals" on public.external_busy_intervals
  for select to authenticated using (practitioner_id = (select auth.uid()));
