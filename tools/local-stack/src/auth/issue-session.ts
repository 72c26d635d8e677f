// Turning a verified user into a session: a row in auth.sessions, a refresh token, the AMR claim
// naming how they proved who they are, and a signed access token.
import type { AuthContext } from './context.ts';
import type { Db } from './db.ts';
import { buildAccessClaims, signJwt } from './jwt.ts';
import { addAmrClaim, createSession, findAmr, insertRefreshToken, type ClientInfo } from './sessions-repo.ts';
import { userJson, type SessionJson, type UserJson } from './user-json.ts';
import { findIdentities, updateUser, type UserRow } from './users-repo.ts';

/** GoTrue's AMR method names for the ways in. */
export type AuthMethod =
  'password' | 'otp' | 'magiclink' | 'email/signup' | 'recovery' | 'email_change' | 'invite';

export async function loadUserJson(db: Db, user: UserRow): Promise<UserJson> {
  return userJson(user, await findIdentities(db, [user.id]));
}

export async function buildSessionJson(
  db: Db,
  ctx: AuthContext,
  user: UserRow,
  sessionId: string,
  refreshToken: string,
): Promise<SessionJson> {
  const { settings } = ctx;
  const issuedAt = Math.floor(Date.now() / 1000);
  const claims = buildAccessClaims({
    issuer: settings.externalUrl,
    user: {
      id: user.id,
      aud: user.aud ?? 'authenticated',
      role: user.role ?? 'authenticated',
      email: user.email ?? '',
      phone: user.phone ?? '',
      appMetadata: user.raw_app_meta_data ?? {},
      userMetadata: user.raw_user_meta_data ?? {},
      isAnonymous: user.is_anonymous,
    },
    sessionId,
    amr: await findAmr(db, sessionId),
    issuedAt,
    expiresIn: settings.jwtExpirySeconds,
  });
  return {
    access_token: await signJwt(claims, settings.jwtSecret),
    token_type: 'bearer',
    expires_in: settings.jwtExpirySeconds,
    expires_at: claims.exp,
    refresh_token: refreshToken,
    user: await loadUserJson(db, user),
  };
}

export async function startSession(
  db: Db,
  ctx: AuthContext,
  user: UserRow,
  method: AuthMethod,
  client: ClientInfo,
): Promise<SessionJson> {
  const session = await createSession(db, user.id, client);
  const refreshToken = await insertRefreshToken(db, user.id, session.id, null);
  await addAmrClaim(db, session.id, method);
  const signedIn = await updateUser(db, user.id, { last_sign_in_at: new Date() });
  return buildSessionJson(db, ctx, signedIn, session.id, refreshToken);
}
