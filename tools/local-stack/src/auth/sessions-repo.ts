// Reads and writes of auth.sessions, auth.refresh_tokens and auth.mfa_amr_claims.
import { randomUUID } from 'node:crypto';
import type { Db } from './db.ts';
import type { AmrEntry } from './jwt.ts';
import { newRefreshToken } from './secrets.ts';
import { NIL_UUID } from './users-repo.ts';

export interface SessionRow {
  id: string;
  user_id: string;
  created_at: Date | null;
}

export interface RefreshTokenRow {
  id: string;
  token: string;
  user_id: string;
  revoked: boolean;
  parent: string | null;
  session_id: string | null;
  created_at: Date | null;
  updated_at: Date;
}

export interface ClientInfo {
  userAgent: string | null;
  ip: string | null;
}

export async function createSession(db: Db, userId: string, client: ClientInfo): Promise<SessionRow> {
  const { rows } = await db.query<SessionRow>(
    `insert into auth.sessions (id, user_id, created_at, updated_at, aal, user_agent, ip)
     values ($1, $2, now(), now(), 'aal1', $3, $4::inet) returning id, user_id, created_at`,
    [randomUUID(), userId, client.userAgent, normaliseIp(client.ip)],
  );
  const row = rows[0];
  if (!row) throw new Error('insert into auth.sessions returned no row');
  return row;
}

/** inet rejects anything that is not an address; an unknown peer is stored as null. */
function normaliseIp(ip: string | null): string | null {
  if (!ip) return null;
  const bare = ip.replace(/^::ffff:/, '');
  return /^[0-9a-f:.]+$/i.test(bare) ? bare : null;
}

export async function findSession(db: Db, id: string, forUpdate = false): Promise<SessionRow | undefined> {
  const { rows } = await db.query<SessionRow>(
    `select id, user_id, created_at from auth.sessions where id = $1${forUpdate ? ' for update' : ''}`,
    [id],
  );
  return rows[0];
}

export async function markSessionRefreshed(db: Db, id: string, client: ClientInfo): Promise<void> {
  await db.query(
    `update auth.sessions set refreshed_at = timezone('utc', now()), updated_at = now(), user_agent = $2, ip = $3::inet where id = $1`,
    [id, client.userAgent, normaliseIp(client.ip)],
  );
}

export async function deleteSession(db: Db, id: string): Promise<void> {
  await db.query('delete from auth.sessions where id = $1', [id]);
}

/** Ends every session of the user, or every one but `keepSessionId`. */
export async function deleteUserSessions(db: Db, userId: string, keepSessionId?: string): Promise<void> {
  await db.query('delete from auth.sessions where user_id = $1 and id <> coalesce($2::uuid, $3::uuid)', [
    userId,
    keepSessionId ?? null,
    NIL_UUID,
  ]);
  if (!keepSessionId) {
    // Tokens from before sessions existed are keyed by user only; GoTrue removes those too.
    await db.query('delete from auth.refresh_tokens where instance_id = $1 and user_id = $2', [
      NIL_UUID,
      userId,
    ]);
  }
}

export async function addAmrClaim(db: Db, sessionId: string, method: string): Promise<void> {
  await db.query(
    `insert into auth.mfa_amr_claims (id, session_id, created_at, updated_at, authentication_method)
     values ($1, $2, now(), now(), $3)
     on conflict (session_id, authentication_method) do update set updated_at = now()`,
    [randomUUID(), sessionId, method],
  );
}

export async function findAmr(db: Db, sessionId: string): Promise<AmrEntry[]> {
  const { rows } = await db.query<{ method: string; at: Date }>(
    'select authentication_method as method, updated_at as at from auth.mfa_amr_claims where session_id = $1',
    [sessionId],
  );
  return rows.map((r) => ({ method: r.method, timestamp: Math.floor(r.at.getTime() / 1000) }));
}

export async function insertRefreshToken(
  db: Db,
  userId: string,
  sessionId: string,
  parent: string | null,
): Promise<string> {
  const token = newRefreshToken();
  await db.query(
    `insert into auth.refresh_tokens (instance_id, token, user_id, revoked, parent, session_id, created_at, updated_at)
     values ($1, $2, $3, false, $4, $5, now(), now())`,
    [NIL_UUID, token, userId, parent, sessionId],
  );
  return token;
}

export async function findRefreshToken(
  db: Db,
  token: string,
  forUpdate = false,
): Promise<RefreshTokenRow | undefined> {
  const { rows } = await db.query<RefreshTokenRow>(
    `select id, token, user_id, coalesce(revoked, false) as revoked, parent, session_id, created_at, updated_at
       from auth.refresh_tokens where instance_id = $1 and token = $2${forUpdate ? ' for update' : ''}`,
    [NIL_UUID, token],
  );
  return rows[0];
}

/** The session's newest unrevoked token, the one a well-behaved client holds. */
export async function findActiveRefreshToken(
  db: Db,
  sessionId: string,
): Promise<RefreshTokenRow | undefined> {
  const { rows } = await db.query<RefreshTokenRow>(
    `select id, token, user_id, coalesce(revoked, false) as revoked, parent, session_id, created_at, updated_at
       from auth.refresh_tokens where session_id = $1 and revoked is false order by id desc limit 1`,
    [sessionId],
  );
  return rows[0];
}

export async function revokeRefreshToken(db: Db, id: string): Promise<void> {
  await db.query('update auth.refresh_tokens set revoked = true, updated_at = now() where id = $1', [id]);
}
