// Sign-up, sign-in and sign-out as the apps need them, with failures as typed Results.
import type { Session, User } from '@supabase/supabase-js';
import type { Locale, SelfSignupRole } from '@carebook/domain';
import type { CarebookClient } from './client.ts';
import { mapAuthError } from './errors.ts';
import { fail, ok, type Result } from './result.ts';

export interface SignUpInput {
  email: string;
  password: string;
  fullName: string;
  /** The database turns anything but 'practitioner' into 'patient'; staff is never self-granted. */
  role: SelfSignupRole;
  locale: Locale;
  /** Where the confirmation link sends the browser back to (must be an allowed redirect URL). */
  redirectTo?: string;
}

export type SignUpOutcome =
  | { kind: 'signed_in'; session: Session; user: User }
  // E-mail confirmation is on: the account exists but waits for the link in the inbox.
  | { kind: 'confirmation_sent'; user: User | null };

export async function signUp(client: CarebookClient, input: SignUpInput): Promise<Result<SignUpOutcome>> {
  const { data, error } = await client.auth.signUp({
    email: input.email,
    password: input.password,
    options: {
      // Read by the migration's trigger on auth.users to create the profile row.
      data: { full_name: input.fullName, role: input.role, locale: input.locale },
      ...(input.redirectTo !== undefined && { emailRedirectTo: input.redirectTo }),
    },
  });
  if (error) return fail(mapAuthError(error));
  if (data.session && data.user) return ok({ kind: 'signed_in', session: data.session, user: data.user });
  return ok({ kind: 'confirmation_sent', user: data.user });
}

export interface Credentials {
  email: string;
  password: string;
}

export async function signIn(client: CarebookClient, credentials: Credentials): Promise<Result<Session>> {
  const { data, error } = await client.auth.signInWithPassword(credentials);
  if (error) return fail(mapAuthError(error));
  return ok(data.session);
}

export type SignOutScope = 'local' | 'global' | 'others';

/** Ends the session; `local` (this device) unless told otherwise. */
export async function signOut(client: CarebookClient, scope: SignOutScope = 'local'): Promise<Result<null>> {
  const { error } = await client.auth.signOut({ scope });
  if (error) return fail(mapAuthError(error));
  return ok(null);
}

/** Sends the sign-up confirmation e-mail again. */
export async function resendConfirmation(
  client: CarebookClient,
  email: string,
  redirectTo?: string,
): Promise<Result<null>> {
  const { error } = await client.auth.resend({
    type: 'signup',
    email,
    ...(redirectTo !== undefined && { options: { emailRedirectTo: redirectTo } }),
  });
  if (error) return fail(mapAuthError(error));
  return ok(null);
}
