// Edge functions through the whole stack: gateway -> runtime (verify_jwt) -> health -> PostgREST
// -> Postgres. Forwarding a caller's JWT so that RLS decides is covered by
// review-practitioner.int.spec.ts (staff are told apart by RLS on staff_members).
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createClient, FunctionsHttpError } from '@supabase/supabase-js';
import { SignJWT } from 'jose';
import { loadConfig } from '../config.ts';

const config = loadConfig('test');
const noSession = { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false };

async function status(error: unknown): Promise<{ status: number; body: unknown }> {
  expect(error).toBeInstanceOf(FunctionsHttpError);
  const res = (error as FunctionsHttpError).context as Response;
  return { status: res.status, body: await res.json() };
}

const functionsUrl = `${config.apiUrl}/functions/v1`;

describe('health through the stack', () => {
  it('answers the anon key with ok, the time and a database that answered', async () => {
    const anon = createClient(config.apiUrl, config.anonKey, { auth: noSession });
    const before = Date.now();
    const { data, error } = await anon.functions.invoke('health', { method: 'GET' });
    expect(error).toBeNull();
    expect(data).toMatchObject({ ok: true, database: 'ok' });
    const time = Date.parse((data as { time: string }).time);
    expect(time).toBeGreaterThanOrEqual(before - 1000);
    expect(time).toBeLessThanOrEqual(Date.now() + 1000);
  });

  it('is never cached, and answers HEAD for monitors', async () => {
    const headers = { apikey: config.anonKey, Authorization: `Bearer ${config.anonKey}` };
    const get = await fetch(`${functionsUrl}/health`, { headers });
    expect(get.status).toBe(200);
    expect(get.headers.get('cache-control')).toBe('no-store');
    await get.body?.cancel();
    const head = await fetch(`${functionsUrl}/health`, { method: 'HEAD', headers });
    expect(head.status).toBe(200);
  });

  it('answers 405 in the one error shape to POST, which functions.invoke sends by default', async () => {
    const anon = createClient(config.apiUrl, config.anonKey, { auth: noSession });
    const { error } = await anon.functions.invoke('health');
    expect(await status(error)).toEqual({
      status: 405,
      body: { error: { code: 'method_not_allowed', message: 'Use GET or HEAD.' } },
    });
  });
});

describe('the runtime in front of functions', () => {
  it('rejects a forged or an expired JWT with 401 Invalid JWT before the function runs', async () => {
    const forged = await new SignJWT({ sub: randomUUID(), role: 'authenticated' })
      .setProtectedHeader({ alg: 'HS256' })
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode('not-the-project-secret-not-the-project-secret'));
    const expired = await new SignJWT({ sub: randomUUID(), role: 'authenticated' })
      .setProtectedHeader({ alg: 'HS256' })
      .setExpirationTime(Math.floor(Date.now() / 1000) - 60)
      .sign(new TextEncoder().encode(config.jwtSecret));
    for (const token of [forged, expired, 'not-a-jwt']) {
      const res = await fetch(`${functionsUrl}/health`, {
        method: 'POST',
        headers: { apikey: config.anonKey, Authorization: `Bearer ${token}` },
      });
      expect(res.status).toBe(401);
      expect(await res.json()).toEqual({ msg: 'Invalid JWT' });
    }
  });

  it('answers 404 for a function that does not exist', async () => {
    const anon = createClient(config.apiUrl, config.anonKey, { auth: noSession });
    const { error } = await anon.functions.invoke(`missing-${randomUUID().slice(0, 8)}`);
    expect((await status(error)).status).toBe(404);
  });

  it('answers a browser CORS preflight without credentials', async () => {
    const res = await fetch(`${functionsUrl}/health`, {
      method: 'OPTIONS',
      headers: {
        Origin: `http://127.0.0.1:${config.ports.booking}`,
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'authorization, x-client-info, apikey, content-type',
      },
    });
    expect(res.ok).toBe(true);
    expect(res.headers.get('access-control-allow-origin')).toMatch(/^(\*|http:\/\/127\.0\.0\.1:\d+)$/);
    const allowed = (res.headers.get('access-control-allow-headers') ?? '').toLowerCase();
    for (const header of ['authorization', 'x-client-info', 'apikey', 'content-type'])
      expect(allowed).toContain(header);
    await res.body?.cancel();
  });
});
