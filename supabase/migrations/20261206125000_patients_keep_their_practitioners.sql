-- A patient keeps seeing who their appointments are with (name, address, time zone, the type's
-- name) after that practitioner stops being published: suspended, subscription ended, or a type
-- deactivated. Only rows of their own appointments; the columns stay those every signed-in person
-- may read (20261206083100_restrict_practitioner_columns.sql).
-- The subqueries read appointments, whose policies never read practitioners or types: no cycle.
-- Written as `id in (subquery)` so Postgres runs the subquery once per statement (hashed subplan).
set local lock_timeout = '5s';

create policy "patients read the practitioners of their appointments" on public.practitioners
  for select to authenticated
  using (id in (select a.practitioner_id from public.appointments a where a.patient_id = (select auth.uid())));

create policy "patients read the types of their appointments" on public.consultation_types
  for select to authenticated
  using (id in (select a.consultation_type_id from public.appointments a where a.patient_id = (select auth.uid())));
