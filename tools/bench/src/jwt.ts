// Access tokens for seeded users, signed with the stack's JWT secret: PostgREST only checks the
// signature and claims, so the benchmark needs no sign-in round trip per client.
import { randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';

/** The claims GoTrue puts in an access token that PostgREST and RLS read. */
export async function accessToken(
  secret: string,
  userId: string,
  lifetimeSeconds = 3 * 3600,
  // The zero id names no session: the auth emulator's GET /user (called by functions such as
  // billing) then checks only the signature, where a random id would fail as a signed-out session.
  sessionId: string = randomUUID(),
): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ role: 'authenticated', session_id: sessionId, aal: 'aal1', is_anonymous: false })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(userId)
    .setAudience('authenticated')
    .setIssuedAt(now)
    .setExpirationTime(now + lifetimeSeconds)
    .sign(new TextEncoder().encode(secret));
}

/** The claims PostgREST would set in `request.jwt.claims` for that token (for query plans). */
export function claimsOf(userId: string | null): Record<string, unknown> {
  return userId === null ? { role: 'anon' } : { sub: userId, role: 'authenticated', aud: 'authenticated' };
}
