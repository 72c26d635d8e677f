-- Appointments, and the guarantee the product rests on: two active appointments of one
-- practitioner never overlap, buffers included. Booking functions take a per-practitioner lock
-- first (concurrent overlapping inserts otherwise deadlock); the exclusion constraint stays as
-- the last line of defence.

create table public.appointments (
  id uuid primary key default gen_random_uuid(),
  practitioner_id uuid not null references public.practitioners (id) on delete restrict,
  patient_id uuid not null references public.profiles (id) on delete restrict,
  consultation_type_id uuid not null references public.consultation_types (id) on delete restrict,
  starts_at timestamptz not null,
  ends_at timestamptz not null,
  during tstzrange generated always as (tstzrange(starts_at, ends_at, '[)')) stored,
  -- The time this appointment keeps to itself: [start - buffer before, end + buffer after).
  blocked tstzrange not null,
  status text not null check (status in ('held', 'confirmed', 'cancelled', 'completed', 'no_show')),
  hold_expires_at timestamptz,
  mode text not null check (mode in ('video', 'in_person', 'at_home')),
  price_cents int not null check (price_cents >= 0),
  currency text not null check (currency ~ '^[A-Z]{3}$'),
  cancelled_at timestamptz,
  cancelled_by uuid references auth.users (id) on delete set null,
  cancelled_by_role text check (cancelled_by_role in ('patient', 'practitioner', 'staff', 'system')),
  cancel_reason text check (char_length(cancel_reason) <= 1000),
  idempotency_key text check (char_length(idempotency_key) between 1 and 200),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (starts_at < ends_at),
  check (blocked @> tstzrange(starts_at, ends_at, '[)')),
  check (status <> 'held' or hold_expires_at is not null),
  check ((status = 'cancelled') = (cancelled_at is not null)),
  constraint appointments_no_overlap
    exclude using gist (practitioner_id with =, blocked with &&) where (status in ('held', 'confirmed'))
);
comment on table public.appointments is
  'Bookings. Active ones (held, confirmed) of one practitioner never overlap, buffers included (exclusion constraint).';
comment on column public.appointments.hold_expires_at is
  'A held (unpaid) booking stops blocking its slot after this instant; the next booking that needs the time releases it.';
create unique index appointments_idempotency_idx on public.appointments (patient_id, idempotency_key) where idempotency_key is not null;
create index appointments_practitioner_starts_idx on public.appointments (practitioner_id, starts_at);
create index appointments_patient_starts_idx on public.appointments (patient_id, starts_at);
create index appointments_type_idx on public.appointments (consultation_type_id);
create index appointments_cancelled_by_idx on public.appointments (cancelled_by);

create trigger appointments_touch_updated_at before update on public.appointments
  for each row execute function private.touch_updated_at();

create function private.check_appointment_status() returns trigger
language plpgsql set search_path = ''
as $$
begin
  if new.status is distinct from old.status and not (
       (old.status = 'held' and new.status in ('confirmed', 'cancelled'))
    or (old.status = 'confirmed' and new.status in ('cancelled', 'completed', 'no_show'))
  ) then
    raise exception 'An appointment that is % cannot become %', old.status, new.status
      using errcode = 'PT409', hint = 'held -> confirmed or cancelled; confirmed -> cancelled, completed or no_show.';
  end if;
  if new.status <> 'held' then
    new.hold_expires_at := null;
  end if;
  return new;
end;
$$;
comment on function private.check_appointment_status() is 'Enforces the legal appointment status moves, whoever writes.';

create trigger appointments_check_status before update on public.appointments
  for each row execute function private.check_appointment_status();

alter table public.appointments enable row level security;
revoke all on public.appointments from anon, authenticated;
grant select on public.appointments to authenticated;
grant all on public.appointments to service_role;

create policy "patients read their own appointments" on public.appointments
  for select to authenticated using (patient_id = (select auth.uid()));
create policy "practitioners read their appointments" on public.appointments
  for select to authenticated using (practitioner_id = (select auth.uid()));
create policy "staff read every appointment" on public.appointments
  for select to authenticated using ((select private.is_staff()));
