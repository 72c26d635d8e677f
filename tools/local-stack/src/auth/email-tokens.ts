// One-time e-mail tokens (sign-up confirmation, invite, magic link, recovery, e-mail change): the
// code is mailed, only its hash is stored, on the user row and in auth.one_time_tokens, as
// GoTrue does. Callers run these inside their transaction: if the mail cannot be sent, nothing
// of the request is kept.
import { randomUUID } from 'node:crypto';
import type { AuthContext } from './context.ts';
import type { Db } from './db.ts';
import { renderAuthEmail, type EmailKind } from './email-templates.ts';
import { internalError, tooManyRequests } from './errors.ts';
import { newOtp, otpHash } from './secrets.ts';
import { updateUser, type UserPatch, type UserRow } from './users-repo.ts';

export type LinkPurpose = 'signup' | 'invite' | 'magiclink' | 'recovery';

type OneTimeTokenType =
  'confirmation_token' | 'recovery_token' | 'email_change_token_new' | 'email_change_token_current';

export interface IssuedToken {
  user: UserRow;
  otp: string;
  /** The stored value (hash, with `pkce_` in front for PKCE flows); also the link's token. */
  tokenHash: string;
  link: string;
}

const PURPOSES: Record<
  LinkPurpose,
  {
    column: 'confirmation_token' | 'recovery_token';
    sentAt: 'confirmation_sent_at' | 'recovery_sent_at';
    failure: string;
  }
> = {
  signup: {
    column: 'confirmation_token',
    sentAt: 'confirmation_sent_at',
    failure: 'Error sending confirmation email',
  },
  invite: {
    column: 'confirmation_token',
    sentAt: 'confirmation_sent_at',
    failure: 'Error sending invite email',
  },
  magiclink: {
    column: 'recovery_token',
    sentAt: 'recovery_sent_at',
    failure: 'Error sending magic link email',
  },
  recovery: { column: 'recovery_token', sentAt: 'recovery_sent_at', failure: 'Error sending recovery email' },
};

export function verifyLink(ctx: AuthContext, tokenHash: string, type: string, redirectTo: string): string {
  const query = new URLSearchParams({ token: tokenHash, type, redirect_to: redirectTo });
  return `${ctx.settings.externalUrl}/verify?${query.toString()}`;
}

/** GoTrue refuses to mail the same kind of link again too soon (auth.email.max_frequency). */
export function assertNotTooFrequent(sentAt: Date | null, maxFrequencyMs: number, now = Date.now()): void {
  if (!sentAt) return;
  const waitMs = sentAt.getTime() + maxFrequencyMs - now;
  if (waitMs > 0) {
    throw tooManyRequests(
      'over_email_send_rate_limit',
      `For security purposes, you can only request this after ${Math.floor(waitMs / 1000)} seconds.`,
    );
  }
}

async function recordOneTimeToken(
  db: Db,
  userId: string,
  type: OneTimeTokenType,
  tokenHash: string,
  relatesTo: string,
): Promise<void> {
  await db.query(
    `insert into auth.one_time_tokens (id, user_id, token_type, token_hash, relates_to, created_at, updated_at)
     values ($1, $2, $3, $4, $5, now(), now())
     on conflict (user_id, token_type)
     do update set token_hash = excluded.token_hash, relates_to = excluded.relates_to, updated_at = now()`,
    [randomUUID(), userId, type, tokenHash, relatesTo],
  );
}

export async function clearOneTimeTokens(db: Db, userId: string): Promise<void> {
  await db.query('delete from auth.one_time_tokens where user_id = $1', [userId]);
}

async function deliver(
  ctx: AuthContext,
  to: string,
  kind: EmailKind,
  values: Parameters<typeof renderAuthEmail>[1],
  failure: string,
): Promise<void> {
  if (!ctx.emailBudget.take('project')) {
    throw tooManyRequests('over_email_send_rate_limit', 'Email rate limit exceeded');
  }
  const content = renderAuthEmail(kind, values);
  try {
    await ctx.mailer.send({ to, ...content, tag: kind });
  } catch (error) {
    ctx.log(`auth: could not send ${kind} e-mail to ${to}: ${(error as Error).message}`);
    throw internalError(failure);
  }
}

/** Stores a fresh token for the purpose and returns it, without mailing (admin generate_link). */
export async function issueLinkToken(
  db: Db,
  ctx: AuthContext,
  user: UserRow,
  purpose: LinkPurpose,
  redirectTo: string,
  pkce = false,
): Promise<IssuedToken> {
  const { column, sentAt } = PURPOSES[purpose];
  const email = user.email ?? '';
  const otp = newOtp(ctx.settings.otpLength);
  const tokenHash = (pkce ? 'pkce_' : '') + otpHash(email, otp);
  const patch: UserPatch = { [column]: tokenHash, [sentAt]: new Date() };
  if (purpose === 'invite') patch.invited_at = new Date();
  const updated = await updateUser(db, user.id, patch);
  await recordOneTimeToken(db, user.id, column, tokenHash, email);
  return { user: updated, otp, tokenHash, link: verifyLink(ctx, tokenHash, purpose, redirectTo) };
}

/** Issues the token and mails it; throws (so the caller's transaction rolls back) if either fails. */
export async function sendLinkEmail(
  db: Db,
  ctx: AuthContext,
  user: UserRow,
  purpose: LinkPurpose,
  redirectTo: string,
  pkce = false,
): Promise<UserRow> {
  const { sentAt, failure } = PURPOSES[purpose];
  assertNotTooFrequent(user[sentAt], ctx.settings.emailMaxFrequencyMs);
  const issued = await issueLinkToken(db, ctx, user, purpose, redirectTo, pkce);
  await deliver(
    ctx,
    user.email ?? '',
    purpose,
    { link: issued.link, code: issued.otp, email: user.email ?? '' },
    failure,
  );
  return issued.user;
}

/**
 * Starts an e-mail change: a token for the new address and, with secure e-mail change, one for
 * the current address too. The change happens once every required link has been followed.
 */
export async function sendEmailChange(
  db: Db,
  ctx: AuthContext,
  user: UserRow,
  newEmail: string,
  redirectTo: string,
  pkce = false,
): Promise<UserRow> {
  assertNotTooFrequent(user.email_change_sent_at, ctx.settings.emailMaxFrequencyMs);
  const prefix = pkce ? 'pkce_' : '';
  const currentEmail = user.email ?? '';
  const otpNew = newOtp(ctx.settings.otpLength);
  const hashNew = prefix + otpHash(newEmail, otpNew);
  const askCurrent = ctx.settings.secureEmailChange && currentEmail !== '';
  const otpCurrent = askCurrent ? newOtp(ctx.settings.otpLength) : '';
  const hashCurrent = askCurrent ? prefix + otpHash(currentEmail, otpCurrent) : '';
  const updated = await updateUser(db, user.id, {
    email_change: newEmail,
    email_change_token_new: hashNew,
    email_change_token_current: hashCurrent,
    email_change_confirm_status: 0,
    email_change_sent_at: new Date(),
  });
  await recordOneTimeToken(db, user.id, 'email_change_token_new', hashNew, newEmail);
  if (askCurrent)
    await recordOneTimeToken(db, user.id, 'email_change_token_current', hashCurrent, currentEmail);
  const failure = 'Error sending email change email';
  await deliver(
    ctx,
    newEmail,
    'email_change_new',
    {
      link: verifyLink(ctx, hashNew, 'email_change', redirectTo),
      code: otpNew,
      email: currentEmail,
      newEmail,
    },
    failure,
  );
  if (askCurrent) {
    await deliver(
      ctx,
      currentEmail,
      'email_change_current',
      {
        link: verifyLink(ctx, hashCurrent, 'email_change', redirectTo),
        code: otpCurrent,
        email: currentEmail,
        newEmail,
      },
      failure,
    );
  }
  return updated;
}
