-- Statuses, roles, modes and kinds become enum types, so that generated TypeScript types carry
-- their values as unions instead of `string`, and the apps and tests stop keeping copies of them.
-- The tables hold little data before launch: the column rewrites, and the partial indexes dropped
-- and rebuilt around them, take their locks briefly, so no concurrent index builds here.
-- squawk-ignore-file changing-column-type, constraint-missing-not-valid, require-concurrent-index-creation, require-concurrent-index-deletion, prefer-robust-stmts
set local lock_timeout = '5s';

create type public.user_role as enum ('patient', 'practitioner', 'staff');
comment on type public.user_role is 'What a person is to Carebook; staff comes only from public.staff_members.';
create type public.app_locale as enum ('fr', 'en');
comment on type public.app_locale is 'The languages Carebook speaks.';
create type public.outbox_status as enum ('pending', 'processing', 'sent', 'failed');
comment on type public.outbox_status is 'Where an outbox message is on its way out.';
create type public.registration_registry as enum ('rpps', 'adeli', 'none');
comment on type public.registration_registry is 'Which national registry numbers a profession''s practitioners.';
create type public.subscription_status as enum
  ('trialing', 'active', 'past_due', 'canceled', 'incomplete', 'incomplete_expired', 'unpaid', 'paused');
comment on type public.subscription_status is 'Stripe''s subscription statuses, spelled as Stripe spells them.';
create type public.consultation_mode as enum ('video', 'in_person', 'at_home');
comment on type public.consultation_mode is 'How a consultation takes place.';
create type public.verification_status as enum ('draft', 'submitted', 'verified', 'rejected', 'suspended');
comment on type public.verification_status is 'Where a practitioner profile is in staff verification.';
create type public.document_kind as enum ('diploma', 'identity', 'registration', 'other');
comment on type public.document_kind is 'What a verification document proves.';
create type public.availability_exception_kind as enum ('time_off', 'extra');
comment on type public.availability_exception_kind is 'An exception closes time (time_off) or opens it (extra).';
create type public.calendar_provider as enum ('google');
comment on type public.calendar_provider is 'External calendars whose busy times block slots.';
create type public.appointment_status as enum ('held', 'confirmed', 'cancelled', 'completed', 'no_show');
comment on type public.appointment_status is 'An appointment''s life: held while payment is pending, then confirmed, and how it ended.';
create type public.appointment_actor as enum ('patient', 'practitioner', 'staff', 'system');
comment on type public.appointment_actor is 'Who cancelled an appointment (system: an expired hold).';
create type public.search_sort as enum ('distance', 'soonest', 'relevance');
comment on type public.search_sort is 'Orders search_practitioners can sort by.';
create type public.review_action as enum ('approve', 'reject', 'suspend', 'reinstate');
comment on type public.review_action is 'Staff decisions on a practitioner profile.';

-- Objects whose definitions compare these columns with text are dropped here and recreated below
-- with the enum types (Postgres refuses to change a column type under a policy or trigger).
drop policy "practitioners create their own profile" on public.practitioners;
drop policy "practitioners add documents while editable" on public.verification_documents;
drop policy "practitioners remove documents while editable" on public.verification_documents;
drop policy "practitioners upload their own verification documents while edi" on storage.objects;
drop policy "practitioners delete their own verification documents while edi" on storage.objects;
drop trigger profiles_guard_staff_role on public.profiles;
drop trigger profiles_audit_role on public.profiles;
drop trigger practitioners_record_verification on public.practitioners;
drop trigger appointments_hold_expired on public.appointments;
drop index public.outbox_due_idx;
drop index public.practitioners_submitted_idx;

alter table public.profiles
  drop constraint profiles_role_check,
  drop constraint profiles_locale_check,
  alter column role drop default,
  alter column locale drop default,
  alter column role type public.user_role using role::public.user_role,
  alter column locale type public.app_locale using locale::public.app_locale,
  alter column role set default 'patient',
  alter column locale set default 'fr';

alter table public.outbox
  drop constraint outbox_status_check,
  alter column status drop default,
  alter column status type public.outbox_status using status::public.outbox_status,
  alter column status set default 'pending';
create index outbox_due_idx on public.outbox (next_attempt_at) where status in ('pending', 'failed');

alter table public.professions
  drop constraint professions_registry_check,
  alter column registry type public.registration_registry using registry::public.registration_registry;

alter table public.subscriptions
  drop constraint subscriptions_status_check,
  alter column status type public.subscription_status using status::public.subscription_status;

alter table public.practitioners
  drop constraint practitioners_modes_check,
  drop constraint practitioners_verification_status_check,
  drop constraint practitioners_check1,
  drop constraint practitioners_check2,
  alter column modes drop default,
  alter column verification_status drop default,
  alter column modes type public.consultation_mode[] using modes::public.consultation_mode[],
  alter column verification_status type public.verification_status using verification_status::public.verification_status,
  alter column modes set default '{video}',
  alter column verification_status set default 'draft',
  add constraint practitioners_modes_count check (cardinality(modes) between 1 and 3),
  add constraint practitioners_reason_when_refused check ((verification_status in ('rejected', 'suspended')) = (status_reason is not null)),
  add constraint practitioners_published_only_verified check (not published or verification_status = 'verified');
create index practitioners_submitted_idx on public.practitioners (submitted_at) where verification_status = 'submitted';

alter table public.consultation_types
  drop constraint consultation_types_mode_check,
  alter column mode type public.consultation_mode using mode::public.consultation_mode;

alter table public.content_pages
  drop constraint content_pages_locale_check,
  alter column locale type public.app_locale using locale::public.app_locale;

alter table public.verification_documents
  drop constraint verification_documents_kind_check,
  alter column kind type public.document_kind using kind::public.document_kind;

alter table public.availability_rules
  drop constraint availability_rules_modes_check,
  alter column modes type public.consultation_mode[] using modes::public.consultation_mode[];

alter table public.availability_exceptions
  drop constraint availability_exceptions_kind_check,
  alter column kind type public.availability_exception_kind using kind::public.availability_exception_kind;

alter table public.external_busy_intervals
  drop constraint external_busy_intervals_source_check,
  alter column source type public.calendar_provider using source::public.calendar_provider;

-- The no-overlap rule is dropped and recreated in this transaction: nothing can slip in between.
alter table public.appointments
  drop constraint appointments_no_overlap,
  drop constraint appointments_status_check,
  drop constraint appointments_mode_check,
  drop constraint appointments_cancelled_by_role_check,
  drop constraint appointments_check2,
  drop constraint appointments_check3,
  alter column status type public.appointment_status using status::public.appointment_status,
  alter column mode type public.consultation_mode using mode::public.consultation_mode,
  alter column cancelled_by_role type public.appointment_actor using cancelled_by_role::public.appointment_actor,
  add constraint appointments_held_until check (status <> 'held' or hold_expires_at is not null),
  add constraint appointments_cancelled_at_when_cancelled check ((status = 'cancelled') = (cancelled_at is not null)),
  add constraint appointments_no_overlap
    exclude using gist (practitioner_id with =, blocked with &&) where (status in ('held', 'confirmed'));

create trigger profiles_guard_staff_role before update of role on public.profiles
  for each row when (old.role is distinct from new.role) execute function private.guard_staff_role();
create trigger profiles_audit_role after update of role on public.profiles
  for each row when (old.role is distinct from new.role) execute function private.audit_role_change();
create trigger practitioners_record_verification after update of verification_status on public.practitioners
  for each row when (old.verification_status is distinct from new.verification_status)
  execute function private.record_verification_change();
create trigger appointments_hold_expired after update of status on public.appointments
  for each row when (old.status = 'held' and new.status = 'cancelled' and new.cancelled_by_role = 'system')
  execute function private.enqueue_hold_expired();

create policy "practitioners create their own profile" on public.practitioners
  for insert to authenticated with check (
    id = (select auth.uid())
    and exists (select 1 from public.profiles pr where pr.id = (select auth.uid()) and pr.role = 'practitioner')
  );
create policy "practitioners add documents while editable" on public.verification_documents
  for insert to authenticated with check (
    practitioner_id = (select auth.uid())
    and exists (select 1 from public.practitioners p
                 where p.id = verification_documents.practitioner_id and p.verification_status in ('draft', 'rejected'))
  );
create policy "practitioners remove documents while editable" on public.verification_documents
  for delete to authenticated using (
    practitioner_id = (select auth.uid())
    and exists (select 1 from public.practitioners p
                 where p.id = verification_documents.practitioner_id and p.verification_status in ('draft', 'rejected'))
  );
create policy "practitioners upload own documents while editable" on storage.objects
  for insert to authenticated with check (
    bucket_id = 'verification-documents'
    and (storage.foldername(name))[1] = (select auth.uid())::text
    and exists (select 1 from public.practitioners p
                 where p.id = (select auth.uid()) and p.verification_status in ('draft', 'rejected'))
  );
create policy "practitioners delete own documents while editable" on storage.objects
  for delete to authenticated using (
    bucket_id = 'verification-documents'
    and (storage.foldername(name))[1] = (select auth.uid())::text
    and exists (select 1 from public.practitioners p
                 where p.id = (select auth.uid()) and p.verification_status in ('draft', 'rejected'))
  );
