// GENERATED from libs/domain/src/role.ts by supabase/functions/_shared/sync-domain.ts: do not edit.
// Change libs/domain, then run `npm exec -- node supabase/functions/_shared/sync-domain.ts`.
// Who a profile belongs to. The database decides a profile's role; apps only read it.
import { ROLES, isOneOf, type Role } from './enums.ts';

// Roles a person may claim when signing up; `staff` is granted by the service role only.
export const SELF_SIGNUP_ROLES = ['patient', 'practitioner'] as const satisfies readonly Role[];
export type SelfSignupRole = (typeof SELF_SIGNUP_ROLES)[number];

export function isRole(value: unknown): value is Role {
  return isOneOf(ROLES, value);
}

export function isSelfSignupRole(value: unknown): value is SelfSignupRole {
  return typeof value === 'string' && (SELF_SIGNUP_ROLES as readonly string[]).includes(value);
}
