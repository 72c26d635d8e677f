// The app-facing shape of a public.profiles row: camelCase, with role and locale narrowed to the
// domain's unions so that a value the UI cannot handle is caught here, not in a template.
import { isLocale, isRole, type Locale, type Role } from '@carebook/domain';
import type { Tables, TablesUpdate } from '@carebook/domain';
import { fail, ok, type Result } from './result.ts';

export interface Profile {
  id: string;
  email: string | null;
  fullName: string | null;
  role: Role;
  locale: Locale;
  /** E.164, for SMS; null until the person gives one. */
  phone: string | null;
  /** IANA zone the person reads times in. */
  timeZone: string;
  createdAt: string;
  updatedAt: string;
}

/** What a person may change on their own profile; the role is not among it. */
export interface ProfilePatch {
  fullName?: string | null;
  locale?: Locale;
  phone?: string | null;
  timeZone?: string;
}

export type ProfileRow = Tables<'profiles'>;

export function toProfile(row: ProfileRow): Result<Profile> {
  if (!isRole(row.role)) {
    return fail({ code: 'unexpected_data', message: `profile ${row.id} has unknown role "${row.role}"` });
  }
  if (!isLocale(row.locale)) {
    return fail({ code: 'unexpected_data', message: `profile ${row.id} has unknown locale "${row.locale}"` });
  }
  return ok({
    id: row.id,
    email: row.email,
    fullName: row.full_name,
    role: row.role,
    locale: row.locale,
    phone: row.phone,
    timeZone: row.time_zone,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  });
}

export function toProfileUpdate(patch: ProfilePatch): TablesUpdate<'profiles'> {
  return {
    ...(patch.fullName !== undefined && { full_name: patch.fullName }),
    ...(patch.locale !== undefined && { locale: patch.locale }),
    ...(patch.phone !== undefined && { phone: patch.phone }),
    ...(patch.timeZone !== undefined && { time_zone: patch.timeZone }),
  };
}
