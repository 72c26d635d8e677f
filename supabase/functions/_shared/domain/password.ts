// GENERATED from libs/domain/src/password.ts by supabase/functions/_shared/sync-domain.ts: do not edit.
// Change libs/domain, then run `npm exec -- node supabase/functions/_shared/sync-domain.ts`.
import type { FieldCheck } from './validation.ts';

export type PasswordIssue = 'required' | 'too_short' | 'too_long';

// GoTrue accepts 6 characters; we ask for 8, the minimum current guidance (NIST SP 800-63B) gives.
export const PASSWORD_MIN_LENGTH = 8;
// bcrypt only reads 72 bytes, and GoTrue refuses longer passwords rather than truncating them.
export const PASSWORD_MAX_BYTES = 72;

/** Checks a new password. Never trimmed: spaces are legitimate password characters. */
export function checkNewPassword(input: string): FieldCheck<PasswordIssue> {
  if (input === '') return { ok: false, issue: 'required' };
  // Length is counted in code points so that an emoji counts as one character, like people count.
  if ([...input].length < PASSWORD_MIN_LENGTH) return { ok: false, issue: 'too_short' };
  if (new TextEncoder().encode(input).length > PASSWORD_MAX_BYTES) return { ok: false, issue: 'too_long' };
  return { ok: true, value: input };
}

/**
 * Checks a password typed to sign in: only presence, so that accounts made under older rules
 * can still sign in and the server stays the one judge of the credentials.
 */
export function checkCurrentPassword(input: string): FieldCheck<'required'> {
  return input === '' ? { ok: false, issue: 'required' } : { ok: true, value: input };
}
