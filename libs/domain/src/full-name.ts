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
