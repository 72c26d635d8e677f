import { describe, expect, it } from 'vitest';
import { SignJWT } from 'jose';
import { LOCAL_ANON_KEY, LOCAL_JWT_SECRET, LOCAL_SERVICE_ROLE_KEY } from '../config.ts';
import { hs256Key, verifyHs256 } from './jwt.ts';

const secret = new TextEncoder().encode(LOCAL_JWT_SECRET);
const now = Math.floor(Date.now() / 1000);

function sign(claims: Record<string, unknown>, key = secret): Promise<string> {
  return new SignJWT(claims).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).sign(key);
}

describe('verifyHs256', () => {
  it('accepts the local anon and service-role keys and returns their claims', async () => {
    const key = await hs256Key(LOCAL_JWT_SECRET);
    expect(await verifyHs256(LOCAL_ANON_KEY, key)).toMatchObject({ role: 'anon', iss: 'supabase-demo' });
    expect(await verifyHs256(LOCAL_SERVICE_ROLE_KEY, key)).toMatchObject({ role: 'service_role' });
  });

  it('accepts a current user token', async () => {
    const token = await sign({ sub: 'u1', role: 'authenticated', exp: now + 60 });
    expect(await verifyHs256(token, await hs256Key(LOCAL_JWT_SECRET))).toMatchObject({ sub: 'u1' });
  });

  it('rejects a token signed with another secret, an expired one and one not valid yet', async () => {
    const key = await hs256Key(LOCAL_JWT_SECRET);
    const other = await sign(
      { sub: 'u1', exp: now + 60 },
      new TextEncoder().encode('another-secret-another-secret-another-secret'),
    );
    expect(await verifyHs256(other, key)).toBeNull();
    expect(await verifyHs256(await sign({ sub: 'u1', exp: now - 1 }), key)).toBeNull();
    expect(await verifyHs256(await sign({ sub: 'u1', nbf: now + 600 }), key)).toBeNull();
  });

  it('rejects alg "none", a tampered payload and strings that are not JWTs', async () => {
    const key = await hs256Key(LOCAL_JWT_SECRET);
    const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
    expect(await verifyHs256(`${b64({ alg: 'none' })}.${b64({ role: 'service_role' })}.`, key)).toBeNull();
    const [h, , s] = LOCAL_ANON_KEY.split('.');
    expect(
      await verifyHs256(
        `${h}.${b64({ iss: 'supabase-demo', role: 'service_role', exp: 1983812996 })}.${s}`,
        key,
      ),
    ).toBeNull();
    for (const junk of ['', 'abc', 'a.b', 'a.b.c.d', '!!.??.**'])
      expect(await verifyHs256(junk, key)).toBeNull();
  });
});
