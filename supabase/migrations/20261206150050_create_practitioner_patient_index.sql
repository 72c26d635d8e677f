-- Who each practitioner has seen, and when last: one row per practitioner and patient, kept by
-- statement triggers on appointments. The Patients page's first pages come from it in a few index
-- reads, instead of grouping all of a practitioner's appointments on every request (3,000
-- patients, 4,000+ appointments for a busy practice: issue 13's benchmark).
set local lock_timeout = '5s';

create table private.practitioner_patient_index (
  practitioner_id uuid not null,
  patient_id uuid not null,
  -- Start of their latest appointment in any status: the list's order, which needs no clock.
  latest_at timestamptz not null,
  primary key (practitioner_id, patient_id)
);
comment on table private.practitioner_patient_index is
  'Each practitioner''s patients with their latest appointment start, for paging the Patients page without grouping every appointment; kept by triggers on appointments.';
create index practitioner_patient_index_latest_idx
  on private.practitioner_patient_index (practitioner_id, latest_at desc, patient_id);

-- Makes the rows of these (practitioner, patient) pairs exact again, from appointments themselves:
-- a pair with no appointment left loses its row, the others get their latest start.
create function private.reindex_practitioner_patients(p_practitioners uuid[], p_patients uuid[]) returns void
language sql volatile security definer set search_path = ''
as $$
  with pairs as (
    select distinct practitioner_id, patient_id from unnest(p_practitioners, p_patients) as p (practitioner_id, patient_id)),
  fresh as (
    select p.practitioner_id, p.patient_id,
           (select max(a.starts_at) from public.appointments a
             where a.practitioner_id = p.practitioner_id and a.patient_id = p.patient_id) as latest
      from pairs p),
  gone as (
    delete from private.practitioner_patient_index x
     using fresh f
     where f.latest is null and x.practitioner_id = f.practitioner_id and x.patient_id = f.patient_id)
  insert into private.practitioner_patient_index (practitioner_id, patient_id, latest_at)
  select practitioner_id, patient_id, latest from fresh where latest is not null
  on conflict (practitioner_id, patient_id) do update set latest_at = excluded.latest_at
   where practitioner_patient_index.latest_at is distinct from excluded.latest_at;
$$;
comment on function private.reindex_practitioner_patients(uuid[], uuid[]) is
  'Recomputes practitioner_patient_index for the given pairs (parallel arrays) from appointments.';
revoke all on function private.reindex_practitioner_patients(uuid[], uuid[]) from public;

-- Statement trigger: the pairs an insert or delete touched, or an update that moved an appointment
-- in time or between people (status changes, the common update, cost one join and nothing else).
create function private.refresh_practitioner_patient_index() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  practitioners uuid[];
  patients uuid[];
begin
  if tg_op = 'INSERT' then
    select array_agg(practitioner_id), array_agg(patient_id) into practitioners, patients from new_rows;
  elsif tg_op = 'DELETE' then
    select array_agg(practitioner_id), array_agg(patient_id) into practitioners, patients from old_rows;
  else
    select array_agg(x.practitioner_id), array_agg(x.patient_id) into practitioners, patients
      from (select n.practitioner_id, n.patient_id, o.practitioner_id as was_practitioner, o.patient_id as was_patient
              from new_rows n join old_rows o on o.id = n.id
             where (n.starts_at, n.practitioner_id, n.patient_id) is distinct from (o.starts_at, o.practitioner_id, o.patient_id)) c
      cross join lateral (values (c.practitioner_id, c.patient_id), (c.was_practitioner, c.was_patient)) x (practitioner_id, patient_id);
  end if;
  if practitioners is not null then
    perform private.reindex_practitioner_patients(practitioners, patients);
  end if;
  return null;
end;
$$;
comment on function private.refresh_practitioner_patient_index() is
  'Statement trigger on appointments: keeps practitioner_patient_index exact for the pairs a statement inserted, moved or removed.';
revoke all on function private.refresh_practitioner_patient_index() from public;

create trigger appointments_patient_index_inserted after insert on public.appointments
  referencing new table as new_rows for each statement execute function private.refresh_practitioner_patient_index();
create trigger appointments_patient_index_updated after update on public.appointments
  referencing old table as old_rows new table as new_rows
  for each statement execute function private.refresh_practitioner_patient_index();
create trigger appointments_patient_index_deleted after delete on public.appointments
  referencing old table as old_rows for each statement execute function private.refresh_practitioner_patient_index();

insert into private.practitioner_patient_index (practitioner_id, patient_id, latest_at)
select practitioner_id, patient_id, max(starts_at) from public.appointments group by 1, 2;

-- The caller's page of patient ids, newest first, with their number in all. Definer, since the
-- index is private; it reads the caller's own rows only (auth.uid(), no id parameter).
create function private.my_patient_page(p_limit int, p_offset int)
returns table (patient_id uuid, latest_at timestamptz, total bigint)
language sql stable security definer set search_path = ''
as $$
  select x.patient_id, x.latest_at,
         (select count(*) from private.practitioner_patient_index c where c.practitioner_id = (select auth.uid()))
    from private.practitioner_patient_index x
   where x.practitioner_id = (select auth.uid())
   order by x.latest_at desc, x.patient_id
   limit p_limit offset p_offset;
$$;
comment on function private.my_patient_page(int, int) is
  'practitioner_patient_page''s first step: the signed-in practitioner''s patient ids for one page, and how many there are.';
revoke all on function private.my_patient_page(int, int) from public;
grant execute on function private.my_patient_page(int, int) to authenticated;
