// The gateway-level findings of the gateway-only review (issue 8), against the running test stack:
// CORS for foreign origins, oversized bodies, and malformed names that used to reach the database.
import { describe, expect, it } from 'vitest';
import { callFrom, config, confirmedUser, signedIn } from './auth/contract-helpers.ts';

const LOCAL = '127.0.0.1';

describe('gateway hardening', () => {
  it('never answers a foreign origin with credentialed CORS', async () => {
    const origin = { origin: 'https://evil.example' };
    const preflight = await callFrom(LOCAL, 'OPTIONS', '/rest/v1/professions', {
      headers: { ...origin, 'access-control-request-method': 'GET' },
    });
    const read = await callFrom(LOCAL, 'GET', '/rest/v1/professions?select=code', { headers: origin });
    for (const res of [preflight, read]) {
      expect(res.headers['access-control-allow-origin']).toBe('*');
      expect(res.headers['access-control-allow-credentials']).toBeUndefined();
    }
    expect(read.status).toBe(200);
  });

  it('refuses a body over 1 MB on /rest/v1 and /auth/v1 with 413 within 100 ms', async () => {
    const big = JSON.stringify({ x: 'x'.repeat(1024 * 1024) });
    for (const path of ['/rest/v1/professions', '/auth/v1/signup']) {
      const res = await callFrom(LOCAL, 'POST', path, { body: big });
      expect(res.status, path).toBe(413);
      expect(res.body).toEqual({ message: 'Request size limit exceeded' });
      expect(res.ms, path).toBeLessThan(100);
    }
  });

  it('answers 400 within 100 ms for a NUL byte in a bucket name, in the path or the body', async () => {
    const user = await confirmedUser('nul-bucket');
    const { accessToken } = await signedIn(user.email);
    const auth = { authorization: `Bearer ${accessToken}` };
    const inPath = await callFrom(LOCAL, 'GET', '/storage/v1/bucket/avat%00ars', { headers: auth });
    const inObjectPath = await callFrom(LOCAL, 'GET', '/storage/v1/object/avat%00ars/a.png', {
      headers: auth,
    });
    const service = { authorization: `Bearer ${config.serviceRoleKey}`, apikey: config.serviceRoleKey };
    const inBody = await callFrom(LOCAL, 'POST', '/storage/v1/bucket', {
      body: { name: 'a\u0000b' },
      headers: service,
    });
    for (const res of [inPath, inObjectPath, inBody]) {
      expect(res.status).toBe(400);
      expect(res.ms).toBeLessThan(100);
    }
  });
});
