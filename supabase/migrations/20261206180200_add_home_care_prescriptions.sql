-- Prescriptions attached to home-care requests: a private bucket, each file in its uploader's
-- folder (<patient id>/...). Readable by the patient, staff, and the practitioner a request went
-- to, only once they accepted it (the request names the file); nobody else, whatever the path.
set local lock_timeout = '5s';
insert into storage.buckets (id, name, public, file_size_limit, allowed_mime_types)
values ('prescriptions', 'prescriptions', false, 10485760, array['application/pdf', 'image/jpeg', 'image/png'])
on conflict (id) do update
  set public = excluded.public, file_size_limit = excluded.file_size_limit, allowed_mime_types = excluded.allowed_mime_types;

create policy "patients upload prescriptions to their own folder" on storage.objects
  for insert to authenticated with check (
    bucket_id = 'prescriptions' and (storage.foldername(name))[1] = (select auth.uid())::text);
create policy "patients read their own prescriptions" on storage.objects
  for select to authenticated using (
    bucket_id = 'prescriptions' and (storage.foldername(name))[1] = (select auth.uid())::text);
create policy "patients delete their own prescriptions" on storage.objects
  for delete to authenticated using (
    bucket_id = 'prescriptions' and (storage.foldername(name))[1] = (select auth.uid())::text);
create policy "staff read every prescription" on storage.objects
  for select to authenticated using (bucket_id = 'prescriptions' and (select private.is_staff()));
create policy "practitioners read prescriptions of requests they accepted" on storage.objects
  for select to authenticated using (
    bucket_id = 'prescriptions'
    and exists (select 1 from public.home_care_requests r
                 where r.prescription_path = storage.objects.name and r.accepted_by = (select auth.uid())));
