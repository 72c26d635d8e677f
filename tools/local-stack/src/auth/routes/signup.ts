// POST /signup: e-mail + password sign-up. With confirmations on (the local default) the answer is
// the new user and a confirmation e-mail; with autoconfirm it is a session.
import { randomUUID } from 'node:crypto';
import type { AuthContext } from '../context.ts';
import { inTransaction, type Db } from '../db.ts';
import { sendLinkEmail } from '../email-tokens.ts';
import { badRequest, unprocessable } from '../errors.ts';
import { throttle } from '../guards.ts';
import { jsonReply, str, type AuthReply, type AuthRequest } from '../http.ts';
import { metadataOf } from '../metadata.ts';
import { loadUserJson, startSession } from '../issue-session.ts';
import { hashPassword, passwordProblem } from '../password.ts';
import { createFlowState, readPkceParams, type PkceParams } from '../pkce.ts';
import { requestRedirect } from '../redirect.ts';
import type { SessionJson, UserJson } from '../user-json.ts';
import { confirmEmail, emailIdentityData } from '../user-actions.ts';
import {
  findIdentity,
  findUserByEmail,
  insertIdentity,
  insertUser,
  syncProviders,
  updateUser,
  DEFAULT_AUD,
} from '../users-repo.ts';
import { validateEmail } from '../validate-email.ts';

type Json = Record<string, unknown>;

export interface SignupInput {
  email: string;
  /** Hashed before the transaction opens: bcrypt is slow and must not hold a connection. */
  passwordHash: string;
  data: Json;
  redirectTo: string;
  pkce: PkceParams | undefined;
  /** Whether an autoconfirmed sign-up also signs in (false when a magic link follows instead). */
  signIn: boolean;
}

export type SignupOutcome =
  | { kind: 'session'; session: SessionJson }
  | { kind: 'user'; user: UserJson }
  | { kind: 'already-confirmed' };

/** The sign-up itself, shared with passwordless sign-in; `db` must be a transaction. */
export async function signUpWithEmail(
  db: Db,
  ctx: AuthContext,
  req: AuthRequest,
  input: SignupInput,
): Promise<SignupOutcome> {
  let user = await findUserByEmail(db, input.email);
  if (user?.email_confirmed_at) return { kind: 'already-confirmed' };
  // An unconfirmed account is not updated: nobody has proven they own the address yet.
  user ??= await insertUser(db, {
    role: 'authenticated',
    email: input.email,
    encryptedPassword: input.passwordHash,
    appMetadata: { provider: 'email', providers: ['email'] },
    userMetadata: input.data,
  });
  if (!(await findIdentity(db, user.id, 'email'))) {
    const identityData = emailIdentityData(user.id, input.email, input.data);
    await insertIdentity(db, user.id, 'email', identityData);
    // Until confirmed, the account's metadata is what this sign-up claimed, nothing older.
    user = await updateUser(db, user.id, { raw_user_meta_data: identityData });
    user = await syncProviders(db, user);
  }
  if (ctx.settings.autoconfirm) {
    user = await confirmEmail(db, user);
    if (!input.signIn) return { kind: 'user', user: await loadUserJson(db, user) };
    return {
      kind: 'session',
      session: await startSession(db, ctx, user, 'password', { ip: req.ip, userAgent: req.userAgent }),
    };
  }
  if (input.pkce) await createFlowState(db, user.id, input.pkce, 'email/signup');
  user = await sendLinkEmail(db, ctx, user, 'signup', input.redirectTo, Boolean(input.pkce));
  return { kind: 'user', user: await loadUserJson(db, user) };
}

/** What GoTrue answers for an address that is already registered and confirmed, so that sign-up
 * does not reveal which addresses have accounts: a plausible user that exists nowhere. */
function obfuscatedUser(email: string, data: Json): UserJson {
  const now = new Date().toISOString();
  return {
    id: randomUUID(),
    aud: DEFAULT_AUD,
    role: '',
    email,
    phone: '',
    confirmation_sent_at: now,
    app_metadata: { provider: 'email', providers: ['email'] },
    user_metadata: data,
    identities: [],
    created_at: now,
    updated_at: now,
    is_anonymous: false,
  };
}

export async function handleSignup(ctx: AuthContext, req: AuthRequest): Promise<AuthReply> {
  const { settings } = ctx;
  throttle(ctx.perAddress.signIn, req);
  if (!settings.signupEnabled)
    throw unprocessable('signup_disabled', 'Signups not allowed for this instance');
  const body = await req.json();
  const email = str(body, 'email');
  const phone = str(body, 'phone');
  const password = str(body, 'password');
  if (email === '' && phone === '')
    throw unprocessable('anonymous_provider_disabled', 'Anonymous sign-ins are disabled');
  if (password === '') throw badRequest('validation_failed', 'Signup requires a valid password');
  const fullName = (body.data as { full_name?: unknown } | undefined)?.full_name;
  const weak = passwordProblem(password, settings.minPasswordLength, [
    email,
    typeof fullName === 'string' ? fullName : '',
  ]);
  if (weak) throw weak;
  if (email !== '' && phone !== '') {
    throw badRequest(
      'validation_failed',
      'Only an email address or phone number should be provided on signup.',
    );
  }
  if (phone !== '') throw badRequest('phone_provider_disabled', 'Phone signups are disabled');
  const pkce = readPkceParams(body);
  const input: SignupInput = {
    email: validateEmail(email),
    passwordHash: await hashPassword(password),
    data: metadataOf(body, 'data') ?? {},
    redirectTo: requestRedirect(req, settings),
    pkce,
    signIn: true,
  };
  const outcome = await inTransaction(ctx.pool, (tx) => signUpWithEmail(tx, ctx, req, input));
  if (outcome.kind === 'session') return jsonReply(outcome.session);
  if (outcome.kind === 'user') return jsonReply(outcome.user);
  if (settings.autoconfirm) throw unprocessable('user_already_exists', 'User already registered');
  return jsonReply(obfuscatedUser(input.email, input.data));
}
