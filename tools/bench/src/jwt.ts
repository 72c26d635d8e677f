// Access tokens for seeded users, signed with the stack's JWT secret: PostgREST only checks the
// signature and claims, so the benchmark needs no sign-in round trip per client.
import { randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';

/** The claims GoTrue puts in an access token that PostgREST and RLS read. */
export async function accessToken(
  secret: string,
  userId: string,
  lifetimeSeconds = 3 * 3600,
): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ role: 'authenticated', session_id: randomUUID(), aal: 'aal1', is_anonymous: false })
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
