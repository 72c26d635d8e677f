// The caller's row of public.profiles as functions return it. Type imports only, so handlers that
// only need the type stay testable without the network.
import type { Role } from './domain/index.ts';

export type ProfileRole = Role;

export interface Profile {
  id: string;
  email: string | null;
  full_name: string | null;
  role: ProfileRole;
  locale: string | null;
  created_at: string;
  updated_at: string;
}

export const PROFILE_COLUMNS = 'id, email, full_name, role, locale, created_at, updated_at';

/** What looking up the caller's profile can find. */
export type ProfileLookup =
  { status: 'ok'; profile: Profile } | { status: 'no-user' } | { status: 'no-profile' };
