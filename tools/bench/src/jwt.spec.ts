import { decodeJwt, jwtVerify } from 'jose';
import { describe, expect, it } from 'vitest';
import { accessToken } from './jwt.ts';

const secret = 'a-test-secret-of-at-least-thirty-two-characters';

describe('accessToken', () => {
  it('signs the claims PostgREST and RLS read, with HS256 and the given secret', async () => {
    const token = await accessToken(secret, '11111111-1111-4111-8111-111111111111', 60);
    const { payload, protectedHeader } = await jwtVerify(token, new TextEncoder().encode(secret), {
      audience: 'authenticated',
    });
    expect(protectedHeader.alg).toBe('HS256');
    expect(payload).toMatchObject({ sub: '11111111-1111-4111-8111-111111111111', role: 'authenticated' });
    expect(payload.exp! - payload.iat!).toBe(60);
    expect(typeof payload.session_id).toBe('string');
  });

  it('gives each token its own session', async () => {
    const a = decodeJwt(await accessToken(secret, 'x'));
    const b = decodeJwt(await accessToken(secret, 'x'));
    expect(a.session_id).not.toBe(b.session_id);
  });
});
