-- Two staff members on the same profile: each decides on the state they saw. A decision sent with
-- the state its author saw (p_expected_status) is refused with stale_review when the profile has
-- moved since, instead of, say, suspending a profile someone else has just approved. The
-- argument is optional so that callers not sending it keep today's behaviour.
set local lock_timeout = '5s';

drop function public.review_practitioner(uuid, public.review_action, text);
create function public.review_practitioner(
  p_practitioner_id uuid, p_action public.review_action, p_reason text default null,
  p_expected_status public.verification_status default null
)
returns public.practitioners
language plpgsql security invoker set search_path = ''
as $$
declare
  target public.verification_status;
  current_status public.verification_status;
  result public.practitioners;
begin
  if not (select private.is_staff()) then
    raise exception 'Only staff can review practitioners' using errcode = 'PT403', detail = 'staff_only';
  end if;
  if p_action is null then
    raise exception 'An action is required' using errcode = 'PT400', detail = 'invalid_input',
      hint = 'Use approve, reject, suspend or reinstate.';
  end if;
  if char_length(p_reason) > 2000 then
    raise exception 'A reason has at most 2000 characters' using errcode = 'PT400', detail = 'text_too_long';
  end if;
  target := case p_action
    when 'approve' then 'verified'
    when 'reject' then 'rejected'
    when 'suspend' then 'suspended'
    when 'reinstate' then 'verified'
  end;
  -- The row lock makes a second decision wait for the first, then see its outcome here.
  select p.verification_status into current_status from public.practitioners p where p.id = p_practitioner_id for update;
  if not found then
    raise exception 'No practitioner %', p_practitioner_id using errcode = 'PT404', detail = 'not_found';
  end if;
  if p_expected_status is not null and current_status <> p_expected_status then
    raise exception 'The profile is now % (you saw it %)', current_status, p_expected_status
      using errcode = 'PT409', detail = 'stale_review',
            hint = 'Someone else decided in the meantime: reload the profile and decide again if needed.';
  end if;
  if (p_action = 'approve' and current_status <> 'submitted') or (p_action = 'reinstate' and current_status <> 'suspended')
     or private.verification_move_allowed(current_status::text, target::text) is distinct from 'staff' then
    raise exception 'Cannot % a % profile', p_action, current_status using errcode = 'PT409', detail = 'illegal_transition',
      hint = 'approve or reject: submitted profiles; suspend: verified ones; reinstate: suspended ones.';
  end if;
  if p_action in ('reject', 'suspend') and coalesce(trim(p_reason), '') = '' then
    raise exception 'A reason is required to %', p_action using errcode = 'PT400', detail = 'reason_required';
  end if;
  update public.practitioners p
     set verification_status = target,
         status_reason = case when target in ('rejected', 'suspended') then trim(p_reason) end
   where p.id = p_practitioner_id
  returning * into result;
  return result;
end;
$$;
comment on function public.review_practitioner(uuid, public.review_action, text, public.verification_status) is
  'Staff decision on a practitioner (approve, reject, suspend, reinstate); illegal moves fail with 409, and so does a decision on a state that has changed since (stale_review).';
revoke all on function public.review_practitioner(uuid, public.review_action, text, public.verification_status) from public, anon;
grant execute on function public.review_practitioner(uuid, public.review_action, text, public.verification_status) to authenticated, service_role;
