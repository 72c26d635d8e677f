// Public API of @carebook/data: the typed client, its queries and their typed results.
export { createCarebookClient, type CarebookClient, type CarebookClientOptions } from './client.ts';
export {
  signUp,
  signIn,
  signOut,
  resendConfirmation,
  type SignUpInput,
  type SignUpOutcome,
  type Credentials,
  type SignOutScope,
} from './auth.ts';
export { getMyProfile, updateMyProfile } from './profiles.ts';
export { toProfile, type Profile, type ProfilePatch, type ProfileRow } from './profile.ts';
export { mapAuthError, mapPostgrestError, mapUnknownError } from './errors.ts';
export { ok, fail, type Result, type DataError, type DataErrorCode } from './result.ts';
export type { Database, Json, Tables, TablesInsert, TablesUpdate, Enums } from '@carebook/domain';
export type { Session, User, AuthChangeEvent } from '@supabase/supabase-js';
