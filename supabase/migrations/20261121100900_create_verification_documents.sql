-- Diplomas and identity documents a practitioner submits for verification, kept in a private
-- bucket. Owners manage their own; staff read them only through review-practitioner, which
-- records every read in the audit log. Also the public avatars bucket for profile photos.

insert into storage.buckets (id, name, public, file_size_limit, allowed_mime_types)
values
  ('verification-documents', 'verification-documents', false, 10485760, array['application/pdf', 'image/jpeg', 'image/png']),
  ('avatars', 'avatars', true, 2097152, array['image/jpeg', 'image/png', 'image/webp'])
on conflict (id) do update
  set public = excluded.public, file_size_limit = excluded.file_size_limit, allowed_mime_types = excluded.allowed_mime_types;

create table public.verification_documents (
  id uuid primary key default gen_random_uuid(),
  practitioner_id uuid not null references public.practitioners (id) on delete cascade,
  kind text not null check (kind in ('diploma', 'identity', 'registration', 'other')),
  object_path text not null unique check (char_length(object_path) <= 400),
  file_name text not null check (char_length(file_name) between 1 and 200),
  mime_type text not null check (mime_type in ('application/pdf', 'image/jpeg', 'image/png')),
  size_bytes int not null check (size_bytes between 1 and 10485760),
  created_at timestamptz not null default now(),
  -- The file lives in the owner's folder of the private bucket.
  check (split_part(object_path, '/', 1) = practitioner_id::text)
);
comment on table public.verification_documents is
  'Metadata of documents in the private verification-documents bucket; bytes are read by staff only via an audited function.';
create index verification_documents_practitioner_idx on public.verification_documents (practitioner_id);

alter table public.verification_documents enable row level security;
revoke all on public.verification_documents from anon, authenticated;
grant select, insert, delete on public.verification_documents to authenticated;
grant all on public.verification_documents to service_role;

create policy "practitioners read their own documents" on public.verification_documents
  for select to authenticated using (practitioner_id = (select auth.uid()));
create policy "staff read every document's details" on public.verification_documents
  for select to authenticated using ((select private.is_staff()));
create policy "practitioners add documents while editable" on public.verification_documents
  for insert to authenticated with check (
    practitioner_id = (select auth.uid())
    and exists (select 1 from public.practitioners p where p.id = practitioner_id and p.verification_status in ('draft', 'rejected'))
  );
create policy "practitioners remove documents while editable" on public.verification_documents
  for delete to authenticated using (
    practitioner_id = (select auth.uid())
    and exists (select 1 from public.practitioners p where p.id = practitioner_id and p.verification_status in ('draft', 'rejected'))
  );

create function private.audit_verification_document() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  if tg_op = 'INSERT' then
    perform private.audit('verification_document_added', 'verification_documents', new.id::text, null, to_jsonb(new));
  else
    perform private.audit('verification_document_removed', 'verification_documents', old.id::text, to_jsonb(old), null);
  end if;
  return null;
end;
$$;
comment on function private.audit_verification_document() is 'Audits every change to verification documents.';

create trigger verification_documents_audit after insert or delete on public.verification_documents
  for each row execute function private.audit_verification_document();

-- Bytes: owners only, in their own folder. Staff have no policy here on purpose. Files come and
-- go under the same rule as their rows above (a practitioner whose profile is editable), so that
-- what staff checked cannot vanish afterwards and the bucket is no file store for everyone else.
create policy "practitioners upload their own verification documents while editable" on storage.objects
  for insert to authenticated
  with check (
    bucket_id = 'verification-documents' and (storage.foldername(name))[1] = (select auth.uid())::text
    and exists (select 1 from public.practitioners p where p.id = (select auth.uid()) and p.verification_status in ('draft', 'rejected'))
  );
create policy "practitioners read their own verification documents" on storage.objects
  for select to authenticated
  using (bucket_id = 'verification-documents' and (storage.foldername(name))[1] = (select auth.uid())::text);
create policy "practitioners delete their own verification documents while editable" on storage.objects
  for delete to authenticated
  using (
    bucket_id = 'verification-documents' and (storage.foldername(name))[1] = (select auth.uid())::text
    and exists (select 1 from public.practitioners p where p.id = (select auth.uid()) and p.verification_status in ('draft', 'rejected'))
  );

-- Avatars: public URLs for everybody; writes (and the reads upsert needs) in the owner's folder.
create policy "users upload their own avatar" on storage.objects
  for insert to authenticated
  with check (bucket_id = 'avatars' and (storage.foldername(name))[1] = (select auth.uid())::text);
create policy "users read their own avatar folder" on storage.objects
  for select to authenticated
  using (bucket_id = 'avatars' and (storage.foldername(name))[1] = (select auth.uid())::text);
create policy "users replace their own avatar" on storage.objects
  for update to authenticated
  using (bucket_id = 'avatars' and (storage.foldername(name))[1] = (select auth.uid())::text)
  with check (bucket_id = 'avatars' and (storage.foldername(name))[1] = (select auth.uid())::text);
create policy "users delete their own avatar" on storage.objects
  for delete to authenticated
  using (bucket_id = 'avatars' and (storage.foldername(name))[1] = (select auth.uid())::text);
