// GENERATED from libs/domain/src/full-name.ts by supabase/functions/_shared/sync-domain.ts: do not edit.
// Change libs/domain, then run `npm exec -- node supabase/functions/_shared/sync-domain.ts`.
import type { FieldCheck } from './validation.ts';

export type FullNameIssue = 'required' | 'too_long';

export const FULL_NAME_MAX_LENGTH = 120;

/** Collapses inner whitespace and checks the name a person gives at sign-up. */
export function checkFullName(input: string): FieldCheck<FullNameIssue> {
  const value = input.trim().replace(/\s+/g, ' ');
  if (value === '') return { ok: false, issue: 'required' };
  if ([...value].length > FULL_NAME_MAX_LENGTH) return { ok: false, issue: 'too_long' };
  return { ok: true, value };
}
