// Checking an e-mail code or link token and applying what it confirms (sign-up, recovery, magic
// link, e-mail change). Shared by POST /verify (verifyOtp) and GET /verify (the link in the mail).
import type { AuthContext } from './context.ts';
import type { Db } from './db.ts';
import { clearOneTimeTokens } from './email-tokens.ts';
import { badRequest, forbidden, type AuthError } from './errors.ts';
import type { AuthMethod } from './issue-session.ts';
import { otpHash } from './secrets.ts';
import { confirmEmail, confirmSignup, setEmail } from './user-actions.ts';
import {
  findUserByEmail,
  findUserById,
  findUserByToken,
  syncProviders,
  updateUser,
  type TokenColumn,
  type UserRow,
} from './users-repo.ts';

export const EMAIL_VERIFY_TYPES = [
  'signup',
  'invite',
  'recovery',
  'magiclink',
  'email_change',
  'email',
] as const;
export type EmailVerifyType = (typeof EMAIL_VERIFY_TYPES)[number];

export interface VerifyParams {
  type: EmailVerifyType;
  /** The stored hash (link token or verifyOtp's token_hash). */
  tokenHash?: string;
  /** The code from the e-mail with the address it was sent to (verifyOtp's email + token). */
  email?: string;
  token?: string;
}

export type VerifyOutcome =
  | { kind: 'verified'; user: UserRow; type: Exclude<EmailVerifyType, 'email'>; pkce: boolean }
  /** Secure e-mail change: one of the two addresses confirmed, the other still has to. */
  | { kind: 'half-confirmed' };

const COLUMNS: Record<EmailVerifyType, TokenColumn[]> = {
  signup: ['confirmation_token'],
  invite: ['confirmation_token'],
  recovery: ['recovery_token'],
  magiclink: ['recovery_token'],
  email_change: ['email_change_token_new', 'email_change_token_current'],
  email: ['confirmation_token', 'recovery_token'],
};

const SENT_AT: Record<TokenColumn, 'confirmation_sent_at' | 'recovery_sent_at' | 'email_change_sent_at'> = {
  confirmation_token: 'confirmation_sent_at',
  recovery_token: 'recovery_sent_at',
  email_change_token_new: 'email_change_sent_at',
  email_change_token_current: 'email_change_sent_at',
};

/** How a PKCE flow state names each kind of link. */
export const PKCE_METHOD: Record<Exclude<EmailVerifyType, 'email'>, AuthMethod> = {
  signup: 'email/signup',
  invite: 'invite',
  recovery: 'recovery',
  magiclink: 'magiclink',
  email_change: 'email_change',
};

const sameToken = (stored: string | null, hash: string): boolean =>
  !!stored && hash !== '' && (stored === hash || stored === `pkce_${hash}`);

/** Which of the type's token columns holds this hash. */
function matchingColumn(user: UserRow, columns: TokenColumn[], hash: string): TokenColumn | undefined {
  return columns.find((c) => sameToken(user[c], hash.replace(/^pkce_/, '')));
}

function resolvedType(type: EmailVerifyType, column: TokenColumn): Exclude<EmailVerifyType, 'email'> {
  if (type !== 'email') return type;
  return column === 'confirmation_token' ? 'signup' : 'magiclink';
}

async function findHolder(
  db: Db,
  params: VerifyParams,
): Promise<{ user: UserRow; hash: string; invalid: AuthError } | undefined> {
  if (params.tokenHash) {
    const user = await findUserByToken(db, COLUMNS[params.type], params.tokenHash);
    const invalid = forbidden('otp_expired', 'Email link is invalid or has expired');
    return user ? { user, hash: params.tokenHash, invalid } : undefined;
  }
  const email = params.email ?? '';
  const hash = otpHash(email, params.token ?? '');
  let user = await findUserByEmail(db, email);
  if (params.type === 'email_change' && !(user && matchingColumn(user, COLUMNS.email_change, hash))) {
    // The code mailed to the new address is checked against the account that asked for it.
    const { rows } = await db.query<{ id: string }>(
      'select id from auth.users where lower(email_change) = lower($1)',
      [email],
    );
    user = rows[0] ? await findUserById(db, rows[0].id) : undefined;
  }
  return user
    ? { user, hash, invalid: forbidden('otp_expired', 'Token has expired or is invalid') }
    : undefined;
}

export async function verifyEmailToken(
  db: Db,
  ctx: AuthContext,
  params: VerifyParams,
): Promise<VerifyOutcome> {
  const found = await findHolder(db, params);
  if (!found) {
    throw forbidden(
      'otp_expired',
      params.tokenHash ? 'Email link is invalid or has expired' : 'Token has expired or is invalid',
    );
  }
  let { user } = found;
  if (user.banned_until && user.banned_until.getTime() > Date.now())
    throw forbidden('user_banned', 'User is banned');
  const column = matchingColumn(user, COLUMNS[params.type], found.hash);
  if (!column) throw found.invalid;
  const sentAt = user[SENT_AT[column]];
  if (!sentAt || Date.now() > sentAt.getTime() + ctx.settings.otpExpirySeconds * 1000) throw found.invalid;
  const pkce = (user[column] ?? '').startsWith('pkce_');
  const type = resolvedType(params.type, column);

  switch (type) {
    case 'signup':
    case 'invite':
      user = await confirmSignup(db, user);
      break;
    case 'recovery':
    case 'magiclink':
      user = await updateUser(db, user.id, { recovery_token: '' });
      await clearOneTimeTokens(db, user.id);
      if (!user.email_confirmed_at) user = await confirmEmail(db, user);
      break;
    case 'email_change': {
      const needsBoth =
        !ctx.settings.autoconfirm &&
        ctx.settings.secureEmailChange &&
        user.email_change_confirm_status === 0 &&
        !!user.email;
      if (needsBoth && user.email_change_token_current && user.email_change_token_new) {
        await updateUser(db, user.id, { email_change_confirm_status: 1, [column]: '' });
        return { kind: 'half-confirmed' };
      }
      const newEmail = user.email_change ?? '';
      if (!newEmail) throw badRequest('validation_failed', 'No e-mail change is pending');
      user = await setEmail(db, user, newEmail, true);
      user = await updateUser(db, user.id, {
        email_change: '',
        email_change_token_new: '',
        email_change_token_current: '',
        email_change_confirm_status: 0,
      });
      await clearOneTimeTokens(db, user.id);
      if (!user.email_confirmed_at) user = await confirmEmail(db, user);
      break;
    }
  }
  user = await syncProviders(db, user);
  return { kind: 'verified', user, type, pkce };
}

/** The account a typed code was meant for: the address's account, or the one changing to it. */
async function codeOwner(db: Db, email: string): Promise<UserRow | undefined> {
  const user = await findUserByEmail(db, email);
  if (user) return user;
  const { rows } = await db.query<{ id: string }>(
    'select id from auth.users where lower(email_change) = lower($1)',
    [email],
  );
  return rows[0] ? findUserById(db, rows[0].id) : undefined;
}

/**
 * Counts a wrong code typed for an address. After `maxWrongCodes` wrong codes for the same
 * outstanding codes, all of them are burnt: the right code no longer works and the person asks
 * for a new one. A 6-digit code then gives an attacker 5 tries in a million, not 30 every 5
 * minutes from every address they have. Runs outside the failed request's transaction.
 */
export async function recordWrongCode(ctx: AuthContext, email: string): Promise<void> {
  const user = await codeOwner(ctx.pool, email);
  if (!user) return;
  const outstanding = [
    user.confirmation_token,
    user.recovery_token,
    user.email_change_token_new,
    user.email_change_token_current,
  ];
  if (outstanding.every((t) => !t)) return;
  const tokens = outstanding.join('|');
  const previous = ctx.wrongCodes.get(user.id);
  const count = previous?.tokens === tokens ? previous.count + 1 : 1;
  if (count < ctx.settings.maxWrongCodes) {
    ctx.wrongCodes.set(user.id, { tokens, count });
    return;
  }
  ctx.wrongCodes.delete(user.id);
  await updateUser(ctx.pool, user.id, {
    confirmation_token: '',
    recovery_token: '',
    email_change_token_new: '',
    email_change_token_current: '',
  });
  await clearOneTimeTokens(ctx.pool, user.id);
  ctx.log(`auth: ${count} wrong codes for user ${user.id}, outstanding codes burnt`);
}
