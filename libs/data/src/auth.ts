// Sign-up, sign-in and sign-out as the apps need them, with failures as typed Results.
import type { Session } from '@supabase/supabase-js';
import type { Locale, SelfSignupRole } from '@carebook/domain';
import type { CarebookClient } from './client.ts';
import { mapAuthError } from './errors.ts';
import { fail, ok, type Result } from './result.ts';

export interface SignUpInput {
  email: string;
  fullName: string;
  /** The database turns anything but 'practitioner' into 'patient'; staff is never self-granted. */
  role: SelfSignupRole;
  locale: Locale;
  /** Where the e-mail's link sends the browser back to (must be an allowed redirect URL). */
  redirectTo?: string;
}

/** The account exists (or already did) and a link and code are on their way to the address. */
export type SignUpOutcome = { kind: 'link_sent' };

/**
 * Sign-up asks for the address only (decision 0009): the link or code mailed to it signs the
 * person in, and they choose their password afterwards (choosePassword). A password typed before
 * the address is proven would be cleared on confirmation anyway, so none is sent here.
 */
export async function signUp(client: CarebookClient, input: SignUpInput): Promise<Result<SignUpOutcome>> {
  const { error } = await client.auth.signInWithOtp({
    email: input.email,
    options: {
      shouldCreateUser: true,
      // Read by the migration's trigger on auth.users to create the profile row.
      data: { full_name: input.fullName, role: input.role, locale: input.locale },
      ...(input.redirectTo !== undefined && { emailRedirectTo: input.redirectTo }),
    },
  });
  if (error) return fail(mapAuthError(error));
  return ok({ kind: 'link_sent' });
}

/** Sets the signed-in person's password: the step after the sign-up link, and password changes. */
export async function choosePassword(client: CarebookClient, password: string): Promise<Result<null>> {
  const { error } = await client.auth.updateUser({ password });
  if (error) return fail(mapAuthError(error));
  return ok(null);
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

/**
 * Checks a signed-in person's current password before a change, on a scratch client (no storage,
 * no refresh) so the app's own session is untouched; the session the check made is ended at once.
 */
export async function checkPassword(
  scratch: CarebookClient,
  credentials: Credentials,
): Promise<Result<null>> {
  const { error } = await scratch.auth.signInWithPassword(credentials);
  if (error) return fail(mapAuthError(error));
  await scratch.auth.signOut({ scope: 'local' });
  return ok(null);
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
