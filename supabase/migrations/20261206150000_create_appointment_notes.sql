-- Private notes: what a practitioner writes about one of their appointments, for themselves only.
-- Health notes are the most sensitive text in the product, so nobody else reads them: not the
-- patient, not another practitioner, not staff (decision 0025). One note per appointment, saved
-- as the practitioner types (the editor autosaves through save_appointment_note).
set local lock_timeout = '5s';

create table public.appointment_notes (
  appointment_id uuid primary key references public.appointments (id) on delete cascade,
  -- The appointment's practitioner, kept here so every policy is a plain column test.
  practitioner_id uuid not null default auth.uid() references public.practitioners (id) on delete cascade,
  body text not null check (char_length(body) <= 20000),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
comment on table public.appointment_notes is
  'A practitioner''s private note on one of their appointments; readable and writable by that practitioner only (decision 0025).';
comment on column public.appointment_notes.practitioner_id is
  'Always the appointment''s practitioner: the insert policy checks it against the appointment, and no role may update it.';
create index appointment_notes_practitioner_idx on public.appointment_notes (practitioner_id);
create trigger appointment_notes_touch_updated_at before update on public.appointment_notes
  for each row execute function private.touch_updated_at();

alter table public.appointment_notes enable row level security;
revoke all on public.appointment_notes from anon, authenticated;
grant select, delete on public.appointment_notes to authenticated;
grant insert (appointment_id, body) on public.appointment_notes to authenticated;
grant update (body) on public.appointment_notes to authenticated;
grant all on public.appointment_notes to service_role;

create policy "practitioners read the notes of their appointments" on public.appointment_notes
  for select to authenticated using (practitioner_id = (select auth.uid()));
create policy "practitioners write notes on their own appointments" on public.appointment_notes
  for insert to authenticated
  with check (practitioner_id = (select auth.uid())
              and exists (select 1 from public.appointments a
                           where a.id = appointment_id and a.practitioner_id = (select auth.uid())));
create policy "practitioners edit the notes of their appointments" on public.appointment_notes
  for update to authenticated
  using (practitioner_id = (select auth.uid())) with check (practitioner_id = (select auth.uid()));
create policy "practitioners delete the notes of their appointments" on public.appointment_notes
  for delete to authenticated using (practitioner_id = (select auth.uid()));

-- One call for the editor's autosave: creates the note or replaces its text, and says plainly
-- when the appointment is not the caller's (an RLS refusal would read as a permission error).
create function public.save_appointment_note(p_appointment_id uuid, p_body text)
returns public.appointment_notes
language plpgsql volatile security invoker set search_path = ''
as $$
declare
  saved public.appointment_notes;
begin
  if char_length(p_body) > 20000 then
    raise exception 'A note has at most 20000 characters' using errcode = 'PT400', detail = 'text_too_long';
  end if;
  if not exists (select 1 from public.appointments a
                  where a.id = p_appointment_id and a.practitioner_id = (select auth.uid())) then
    raise exception 'No such appointment of yours' using errcode = 'PT404', detail = 'not_found';
  end if;
  insert into public.appointment_notes (appointment_id, body)
  values (p_appointment_id, coalesce(p_body, ''))
  on conflict (appointment_id) do update set body = excluded.body
  returning * into saved;
  return saved;
end;
$$;
comment on function public.save_appointment_note(uuid, text) is
  'Autosave of a practitioner''s private note: insert or replace, refused with not_found on anybody else''s appointment.';
revoke all on function public.save_appointment_note(uuid, text) from public, anon;
grant execute on function public.save_appointment_note(uuid, text) to authenticated;
