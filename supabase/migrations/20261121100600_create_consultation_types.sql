-- What a practitioner offers: each type fixes duration, price, mode and the booking rules
-- (buffers, minimum notice, horizon) that slot computation and booking will apply.

create table public.consultation_types (
  id uuid primary key default gen_random_uuid(),
  practitioner_id uuid not null references public.practitioners (id) on delete cascade,
  name_fr text not null check (char_length(name_fr) between 2 and 120),
  name_en text check (char_length(name_en) between 2 and 120),
  duration_minutes int not null check (duration_minutes between 5 and 480),
  price_cents int not null check (price_cents between 0 and 10000000),
  currency text not null default 'EUR' check (currency ~ '^[A-Z]{3}$'),
  mode text not null check (mode in ('video', 'in_person', 'at_home')),
  buffer_before_minutes int not null default 0 check (buffer_before_minutes between 0 and 240),
  buffer_after_minutes int not null default 0 check (buffer_after_minutes between 0 and 240),
  min_notice_minutes int not null default 120 check (min_notice_minutes between 0 and 43200),
  horizon_days int not null default 60 check (horizon_days between 1 and 365),
  active boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
comment on table public.consultation_types is
  'Consultation types a practitioner offers: duration, price in cents, mode, buffers, notice and horizon.';
create index consultation_types_practitioner_idx on public.consultation_types (practitioner_id);

create trigger consultation_types_touch_updated_at before update on public.consultation_types
  for each row execute function private.touch_updated_at();

alter table public.consultation_types enable row level security;
revoke all on public.consultation_types from anon, authenticated;
grant select on public.consultation_types to anon, authenticated;
grant insert, update, delete on public.consultation_types to authenticated;
grant all on public.consultation_types to service_role;

create policy "anyone reads active types of published practitioners" on public.consultation_types
  for select to anon, authenticated
  using (active and exists (select 1 from public.practitioners p where p.id = practitioner_id and p.published));
create policy "practitioners read their own types" on public.consultation_types
  for select to authenticated using (practitioner_id = (select auth.uid()));
create policy "staff read every consultation type" on public.consultation_types
  for select to authenticated using ((select private.is_staff()));
create policy "practitioners add their own types" on public.consultation_types
  for insert to authenticated with check (practitioner_id = (select auth.uid()));
create policy "practitioners edit their own types" on public.consultation_types
  for update to authenticated using (practitioner_id = (select auth.uid())) with check (practitioner_id = (select auth.uid()));
create policy "practitioners remove their own types" on public.consultation_types
  for delete to authenticated using (practitioner_id = (select auth.uid()));
