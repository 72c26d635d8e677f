// Who is calling: GoTrue's checks on the bearer token, in GoTrue's order and with its errors.
import type { JWTPayload } from 'jose';
import type { AuthContext } from './context.ts';
import { badRequest, forbidden, tooManyRequests, unauthorized } from './errors.ts';
import type { AuthRequest } from './http.ts';
import { badJwt, verifyJwt } from './jwt.ts';
import type { RequestLimiter } from './rate-limit.ts';
import { findSession } from './sessions-repo.ts';
import { findUserById, type UserRow } from './users-repo.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Roles whose tokens may use /admin (GoTrue's JWT_ADMIN_ROLES default). */
const ADMIN_ROLES = new Set(['service_role', 'supabase_admin']);

export interface Caller {
  user: UserRow;
  /** The session named by the token's session_id claim; null for tokens without one. */
  sessionId: string | null;
  claims: JWTPayload;
}

export function isUuid(value: string): boolean {
  return UUID.test(value);
}

export function bearerToken(req: AuthRequest): string {
  const match = /^bearer\s+(\S+)\s*$/i.exec(String(req.headers.authorization ?? ''));
  if (!match?.[1]) throw unauthorized('no_authorization', 'This endpoint requires a valid Bearer token');
  return match[1];
}

/** Loads the user and session the claims point at; a signed-out session fails here. */
async function loadCaller(ctx: AuthContext, claims: JWTPayload): Promise<Caller> {
  const sub = typeof claims.sub === 'string' ? claims.sub : '';
  if (!sub) throw badJwt('invalid claim: missing sub claim');
  if (!isUuid(sub)) throw badRequest('bad_jwt', 'invalid claim: sub claim must be a UUID');
  const user = await findUserById(ctx.pool, sub);
  if (!user) throw forbidden('user_not_found', 'User from sub claim in JWT does not exist');
  const sessionClaim = typeof claims.session_id === 'string' ? claims.session_id : '';
  let sessionId: string | null = null;
  if (sessionClaim && sessionClaim !== '00000000-0000-0000-0000-000000000000') {
    if (!isUuid(sessionClaim)) throw badJwt('invalid claim: session_id claim must be a UUID');
    const session = await findSession(ctx.pool, sessionClaim);
    if (!session) throw forbidden('session_not_found', 'Session from session_id claim in JWT does not exist');
    sessionId = session.id;
  }
  return { user, sessionId, claims };
}

function isBanned(user: UserRow): boolean {
  return user.banned_until !== null && user.banned_until.getTime() > Date.now();
}

export async function requireUser(ctx: AuthContext, req: AuthRequest): Promise<Caller> {
  const claims = await verifyJwt(bearerToken(req), ctx.settings.jwtSecret);
  const caller = await loadCaller(ctx, claims);
  if (isBanned(caller.user)) throw forbidden('user_banned', 'User is banned');
  return caller;
}

/** A service-role token (or any user token whose role is an admin role and session is live). */
export async function requireAdmin(ctx: AuthContext, req: AuthRequest): Promise<JWTPayload> {
  const claims = await verifyJwt(bearerToken(req), ctx.settings.jwtSecret);
  if (typeof claims.session_id === 'string' && claims.session_id !== '') await loadCaller(ctx, claims);
  if (typeof claims.role !== 'string' || !ADMIN_ROLES.has(claims.role)) {
    throw forbidden('not_admin', 'User not allowed');
  }
  return claims;
}

/** GoTrue's per-address limits answer before the handler runs, with this 429. */
export function throttle(limiter: RequestLimiter, req: AuthRequest): void {
  if (!limiter.take(req.ip)) throw tooManyRequests('over_request_rate_limit', 'Request rate limit reached');
}
