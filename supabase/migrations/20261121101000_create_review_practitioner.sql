-- Staff decisions on a practitioner, as one call per decision. Runs with the caller's rights:
-- RLS lets only staff change someone else's profile, the practitioners trigger enforces the
-- legal moves and writes the audit and outbox rows in the same transaction.

grant update (status_reason) on public.practitioners to authenticated;

create policy "staff review practitioners" on public.practitioners
  for update to authenticated using ((select private.is_staff())) with check ((select private.is_staff()));

-- Staff may change the verification fields of others' profiles, nothing else.
create function private.limit_staff_edits() returns trigger
language plpgsql set search_path = ''
as $$
declare
  -- search_text too: staff editing the specialty catalogue rewrites it through a trigger.
  verification_fields text[] := array['verification_status', 'status_reason', 'submitted_at', 'verified_at', 'published',
                                      'updated_at', 'search_text'];
begin
  if (select auth.role()) = 'authenticated' and new.id is distinct from (select auth.uid())
     and (to_jsonb(new) - verification_fields) is distinct from (to_jsonb(old) - verification_fields) then
    raise exception 'Staff can change only the verification of a practitioner''s profile' using errcode = 'PT403';
  end if;
  return new;
end;
$$;
comment on function private.limit_staff_edits() is 'Keeps staff reviews from editing the practitioner''s own content.';

create trigger practitioners_limit_staff_edits before update on public.practitioners
  for each row execute function private.limit_staff_edits();

create function public.review_practitioner(p_practitioner_id uuid, p_action text, p_reason text default null)
returns public.practitioners
language plpgsql security invoker set search_path = ''
as $$
declare
  target text;
  current_status text;
  result public.practitioners;
begin
  if not (select private.is_staff()) then
    raise exception 'Only staff can review practitioners' using errcode = 'PT403';
  end if;
  target := case p_action
    when 'approve' then 'verified'
    when 'reject' then 'rejected'
    when 'suspend' then 'suspended'
    when 'reinstate' then 'verified'
  end;
  if target is null then
    raise exception 'Unknown review action "%"', p_action
      using errcode = 'PT400', hint = 'Use approve, reject, suspend or reinstate.';
  end if;
  select p.verification_status into current_status from public.practitioners p where p.id = p_practitioner_id for update;
  if not found then
    raise exception 'No practitioner %', p_practitioner_id using errcode = 'PT404';
  end if;
  -- approve and reinstate both lead to verified, from different states: keep them distinct. A move
  -- to the current state (suspending a suspended profile) is refused here too: the trigger would
  -- see no move at all and either change nothing silently or object to the new reason.
  if (p_action = 'approve' and current_status <> 'submitted') or (p_action = 'reinstate' and current_status <> 'suspended')
     or private.verification_move_allowed(current_status, target) is distinct from 'staff' then
    raise exception 'Cannot % a % profile', p_action, current_status using errcode = 'PT409',
      hint = 'approve or reject: submitted profiles; suspend: verified ones; reinstate: suspended ones.';
  end if;
  if p_action in ('reject', 'suspend') and coalesce(trim(p_reason), '') = '' then
    raise exception 'A reason is required to %', p_action using errcode = 'PT400';
  end if;
  update public.practitioners p
     set verification_status = target,
         status_reason = case when target in ('rejected', 'suspended') then trim(p_reason) end
   where p.id = p_practitioner_id
  returning * into result;
  return result;
end;
$$;
comment on function public.review_practitioner(uuid, text, text) is
  'Staff decision on a practitioner (approve, reject, suspend, reinstate); illegal moves fail with HTTP 409.';
revoke all on function public.review_practitioner(uuid, text, text) from public, anon;
grant execute on function private.verification_move_allowed(text, text) to authenticated;
grant execute on function public.review_practitioner(uuid, text, text) to authenticated, service_role;

-- Staff read a document's bytes through review-practitioner, which calls this first: the read is
-- audited before any URL to the file exists.
create function private.log_document_read(p_document_id uuid) returns text
language plpgsql security definer set search_path = ''
as $$
declare
  doc public.verification_documents;
begin
  if not private.is_staff() then
    raise exception 'Only staff can open verification documents' using errcode = 'PT403';
  end if;
  select * into doc from public.verification_documents d where d.id = p_document_id;
  if not found then
    raise exception 'No verification document %', p_document_id using errcode = 'PT404';
  end if;
  perform private.audit('verification_document_read', 'verification_documents', doc.id::text, null, null,
    jsonb_build_object('practitioner_id', doc.practitioner_id, 'object_path', doc.object_path));
  return doc.object_path;
end;
$$;
comment on function private.log_document_read(uuid) is 'Audits a staff read of a verification document and returns its storage path.';
revoke all on function private.log_document_read(uuid) from public;
grant execute on function private.log_document_read(uuid) to authenticated;

create function public.open_verification_document(p_document_id uuid) returns text
language sql security invoker set search_path = ''
as $$
  select private.log_document_read(p_document_id);
$$;
comment on function public.open_verification_document(uuid) is
  'For review-practitioner: audits a staff read and returns the object path to sign.';
revoke all on function public.open_verification_document(uuid) from public, anon;
grant execute on function public.open_verification_document(uuid) to authenticated, service_role;
