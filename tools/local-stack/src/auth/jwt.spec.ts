import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { AuthError } from './errors.ts';
import { buildAccessClaims, signJwt, verifyJwt, type ClaimsInput } from './jwt.ts';

const SECRET = 'super-secret-jwt-token-with-at-least-32-characters-long';

const input: ClaimsInput = {
  issuer: 'http://127.0.0.1:54321/auth/v1',
  user: {
    id: '5d9e7c49-1d1a-4ad4-9c39-2f0f6b0f7d11',
    aud: 'authenticated',
    role: 'authenticated',
    email: 'ana@example.com',
    phone: '',
    appMetadata: { provider: 'email', providers: ['email'] },
    userMetadata: { full_name: 'Ana' },
    isAnonymous: false,
  },
  sessionId: 'f0c1d1b2-8a8e-4d8e-9a55-36a2b0a6c0de',
  amr: [
    { method: 'password', timestamp: 100 },
    { method: 'otp', timestamp: 200 },
  ],
  issuedAt: 1_700_000_000,
  expiresIn: 3600,
};

describe('buildAccessClaims', () => {
  it("carries GoTrue's claims with the values supabase-js and PostgREST read", () => {
    const claims = buildAccessClaims(input);
    expect(claims).toMatchObject({
      iss: 'http://127.0.0.1:54321/auth/v1',
      sub: input.user.id,
      aud: 'authenticated',
      role: 'authenticated',
      iat: 1_700_000_000,
      exp: 1_700_003_600,
      email: 'ana@example.com',
      phone: '',
      app_metadata: { provider: 'email', providers: ['email'] },
      user_metadata: { full_name: 'Ana' },
      aal: 'aal1',
      session_id: input.sessionId,
      is_anonymous: false,
    });
    expect(Object.keys(claims).slice(0, 5)).toEqual(['iss', 'sub', 'aud', 'exp', 'iat']);
  });

  it('lists the most recent authentication method first', () => {
    expect(buildAccessClaims(input).amr.map((a) => a.method)).toEqual(['otp', 'password']);
  });
});

describe('signJwt / verifyJwt', () => {
  it('round-trips an HS256 token signed with the secret', async () => {
    const now = Math.floor(Date.now() / 1000);
    const token = await signJwt(buildAccessClaims({ ...input, issuedAt: now }), SECRET);
    expect(JSON.parse(Buffer.from(token.split('.')[0] ?? '', 'base64url').toString())).toEqual({
      alg: 'HS256',
      typ: 'JWT',
    });
    const payload = await verifyJwt(token, SECRET);
    expect(payload.sub).toBe(input.user.id);
    expect(payload.session_id).toBe(input.sessionId);
  });

  it('rejects an expired token with 403 bad_jwt and says why', async () => {
    const token = await signJwt(
      buildAccessClaims({ ...input, issuedAt: Math.floor(Date.now() / 1000) - 7200 }),
      SECRET,
    );
    const error = await verifyJwt(token, SECRET).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthError);
    expect(error).toMatchObject({ status: 403, code: 'bad_jwt' });
    expect((error as AuthError).message).toContain('token is expired');
  });

  it('rejects a token signed with another secret', async () => {
    const forged = await new SignJWT({ sub: input.user.id, role: 'service_role' })
      .setProtectedHeader({ alg: 'HS256' })
      .sign(new TextEncoder().encode('another-secret-that-is-long-enough-for-hs256'));
    await expect(verifyJwt(forged, SECRET)).rejects.toMatchObject({ status: 403, code: 'bad_jwt' });
  });

  it('rejects garbage', async () => {
    await expect(verifyJwt('not-a-jwt', SECRET)).rejects.toMatchObject({ code: 'bad_jwt' });
  });
});
