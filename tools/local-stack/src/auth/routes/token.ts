// POST /token: password sign-in, refresh-token rotation, PKCE code exchange.
import type { AuthContext } from '../context.ts';
import { inTransaction } from '../db.ts';
import { AuthError, badRequest, tooManyRequests, unprocessable } from '../errors.ts';
import { jsonReply, str, type AuthReply, type AuthRequest } from '../http.ts';
import { buildSessionJson, startSession } from '../issue-session.ts';
import { lengthProblem, verifyPassword } from '../password.ts';
import { exchangeAuthCode } from '../pkce.ts';
import { throttle } from '../guards.ts';
import { accountKey } from '../rate-limit.ts';
import { decideRefresh } from '../refresh-rotation.ts';
import {
  deleteSession,
  findActiveRefreshToken,
  findRefreshToken,
  findSession,
  insertRefreshToken,
  markSessionRefreshed,
  revokeRefreshToken,
} from '../sessions-repo.ts';
import type { SessionJson } from '../user-json.ts';
import { findUserByEmail, findUserById, type UserRow } from '../users-repo.ts';

const INVALID_LOGIN = 'Invalid login credentials';

const isBanned = (user: UserRow): boolean =>
  user.banned_until !== null && user.banned_until.getTime() > Date.now();

async function passwordGrant(ctx: AuthContext, req: AuthRequest): Promise<AuthReply> {
  // Per address (password spraying across accounts) first, then per account (guessing one
  // account from many addresses): neither count can be reset by changing a header.
  throttle(ctx.perAddress.signIn, req);
  const body = await req.json();
  const email = str(body, 'email');
  const phone = str(body, 'phone');
  const password = str(body, 'password');
  if (email !== '' && phone !== '') {
    throw badRequest(
      'validation_failed',
      'Only an email address or phone number should be provided on login.',
    );
  }
  if (phone !== '') throw unprocessable('phone_provider_disabled', 'Phone logins are disabled');
  if (email === '') throw badRequest('validation_failed', 'missing email or phone');

  const key = accountKey(email);
  if (ctx.limiter.isBlocked(key))
    throw tooManyRequests('over_request_rate_limit', 'Request rate limit reached');
  const user = await findUserByEmail(ctx.pool, email);
  if (!user || !(await verifyPassword(password, user.encrypted_password))) {
    ctx.limiter.recordFailure(key);
    throw badRequest('invalid_credentials', INVALID_LOGIN);
  }
  if (isBanned(user)) throw badRequest('user_banned', 'User is banned');
  if (!user.email_confirmed_at) throw badRequest('email_not_confirmed', 'Email not confirmed');
  ctx.limiter.reset(key);

  const session = await inTransaction(ctx.pool, (tx) =>
    startSession(tx, ctx, user, 'password', { ip: req.ip, userAgent: req.userAgent }),
  );
  // GoTrue still signs in with a password that today's rules call weak, and says so.
  const weak = lengthProblem(password, ctx.settings.minPasswordLength);
  if (weak?.code === 'weak_password') {
    const reasons = (weak.extra.weak_password as { reasons: string[] }).reasons;
    return jsonReply({ ...session, weak_password: { message: weak.message, reasons } });
  }
  return jsonReply(session);
}

async function refreshGrant(ctx: AuthContext, req: AuthRequest): Promise<AuthReply> {
  const refreshToken = str(await req.json(), 'refresh_token');
  if (refreshToken === '')
    throw new AuthError(400, 'validation_failed', 'refresh_token required', {}, 'invalid_request');
  const notFound = badRequest('refresh_token_not_found', 'Invalid Refresh Token: Refresh Token Not Found');

  // Reuse detection must end the session and still fail the request, so the transaction
  // returns the error instead of throwing it (which would roll the sign-out back).
  const result = await inTransaction<SessionJson | AuthError>(ctx.pool, async (tx) => {
    const found = await findRefreshToken(tx, refreshToken);
    if (!found?.session_id) return notFound;
    // Lock the session, then its token: the order sign-out's cascading delete takes, so the two
    // cannot deadlock; the lock also serialises concurrent refreshes of one session.
    const session = await findSession(tx, found.session_id, true);
    const presented = session ? await findRefreshToken(tx, refreshToken, true) : undefined;
    if (!session || !presented) return notFound;
    const user = await findUserById(tx, session.user_id);
    if (!user) return notFound;
    if (isBanned(user)) return badRequest('user_banned', 'Invalid Refresh Token: User Banned');

    const active = await findActiveRefreshToken(tx, session.id);
    const decision = decideRefresh(
      { token: presented.token, revoked: presented.revoked, updatedAt: presented.updated_at },
      active,
      new Date(),
      ctx.settings.refreshTokenReuseIntervalSeconds,
    );
    const client = { ip: req.ip, userAgent: req.userAgent };
    if (decision.kind === 'reuse-detected') {
      await deleteSession(tx, session.id);
      ctx.log(`auth: refresh token reuse detected, session ${session.id} of user ${user.id} ended`);
      return badRequest('refresh_token_already_used', 'Invalid Refresh Token: Already Used');
    }
    let issued: string;
    if (decision.kind === 'return-active' && active) {
      issued = active.token;
    } else {
      await revokeRefreshToken(tx, presented.id);
      issued = await insertRefreshToken(tx, user.id, session.id, presented.token);
    }
    await markSessionRefreshed(tx, session.id, client);
    return buildSessionJson(tx, ctx, user, session.id, issued);
  });
  if (result instanceof AuthError) throw result;
  return jsonReply(result);
}

async function pkceGrant(ctx: AuthContext, req: AuthRequest): Promise<AuthReply> {
  const body = await req.json();
  const session = await inTransaction(ctx.pool, async (tx) => {
    const { userId, method } = await exchangeAuthCode(
      tx,
      str(body, 'auth_code'),
      str(body, 'code_verifier'),
      ctx.settings.flowStateExpiryMs,
    );
    const user = await findUserById(tx, userId);
    if (!user) throw badRequest('user_not_found', 'User not found');
    return startSession(tx, ctx, user, method, { ip: req.ip, userAgent: req.userAgent });
  });
  return jsonReply(session);
}

export async function handleToken(ctx: AuthContext, req: AuthRequest): Promise<AuthReply> {
  switch (req.query.get('grant_type')) {
    case 'password':
      return passwordGrant(ctx, req);
    case 'refresh_token':
      return refreshGrant(ctx, req);
    case 'pkce':
      return pkceGrant(ctx, req);
    default:
      throw badRequest('invalid_credentials', 'unsupported_grant_type');
  }
}
