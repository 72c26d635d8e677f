// GENERATED from libs/domain/src/email.ts by supabase/functions/_shared/sync-domain.ts: do not edit.
// Change libs/domain, then run `npm exec -- node supabase/functions/_shared/sync-domain.ts`.
import type { FieldCheck } from './validation.ts';

export type EmailIssue = 'required' | 'invalid' | 'too_long';

// RFC 5321 caps a forward path at 254 characters; GoTrue rejects longer addresses too.
export const EMAIL_MAX_LENGTH = 254;

// Deliberately loose: one @, a dot in the domain, no spaces. The confirmation e-mail is the real test.
const EMAIL_SHAPE = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;

/** Trims, lower-cases and checks an e-mail address the way our forms need it. */
export function checkEmail(input: string): FieldCheck<EmailIssue> {
  const value = input.trim().toLowerCase();
  if (value === '') return { ok: false, issue: 'required' };
  if (value.length > EMAIL_MAX_LENGTH) return { ok: false, issue: 'too_long' };
  if (!EMAIL_SHAPE.test(value)) return { ok: false, issue: 'invalid' };
  return { ok: true, value };
}
