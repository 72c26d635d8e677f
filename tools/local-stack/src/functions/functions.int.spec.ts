// Edge functions through the whole stack: gateway -> runtime (verify_jwt) -> hello -> PostgREST
// with the caller's JWT, so RLS decides which profile comes back.
import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { createClient, FunctionsHttpError, type SupabaseClient } from '@supabase/supabase-js';
import { SignJWT } from 'jose';
import { loadConfig } from '../config.ts';

const config = loadConfig('test');
const noSession = { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false };
const admin = createClient(config.apiUrl, config.serviceRoleKey, { auth: noSession });
const created: string[] = [];

afterAll(async () => {
  for (const id of created) await admin.auth.admin.deleteUser(id);
});

/** A confirmed user made with the admin API, then signed in through the API like an app would. */
async function signedInUser(
  metadata: Record<string, string>,
): Promise<{ id: string; email: string; client: SupabaseClient }> {
  const email = `functions-${randomUUID()}@example.test`;
  const password = `pw-${randomUUID()}`;
  const { data, error } = await admin.auth.admin.createUser({
    email,
    password,
    email_confirm: true,
    user_metadata: metadata,
  });
  if (error || !data.user) throw error ?? new Error('createUser returned no user');
  created.push(data.user.id);
  const client = createClient(config.apiUrl, config.anonKey, { auth: noSession });
  const signIn = await client.auth.signInWithPassword({ email, password });
  if (signIn.error) throw signIn.error;
  return { id: data.user.id, email, client };
}

async function status(error: unknown): Promise<{ status: number; body: unknown }> {
  expect(error).toBeInstanceOf(FunctionsHttpError);
  const res = (error as FunctionsHttpError).context as Response;
  return { status: res.status, body: await res.json() };
}

const functionsUrl = `${config.apiUrl}/functions/v1`;

describe('hello through the stack', () => {
  it('answers each signed-in user with their own profile, read under RLS with their JWT', async () => {
    const alice = await signedInUser({ full_name: 'Alice Hello', role: 'practitioner', locale: 'en' });
    const bob = await signedInUser({ full_name: 'Bob Hello' });

    const forAlice = await alice.client.functions.invoke('hello');
    expect(forAlice.error).toBeNull();
    expect(forAlice.data.profile).toMatchObject({
      id: alice.id,
      email: alice.email,
      full_name: 'Alice Hello',
      role: 'practitioner',
      locale: 'en',
    });
    const forBob = await bob.client.functions.invoke('hello', { method: 'GET' });
    expect(forBob.data.profile).toMatchObject({ id: bob.id, role: 'patient' });
  });

  it('answers 404 when the user has no profile', async () => {
    const user = await signedInUser({});
    const { error: deleteError } = await admin.from('profiles').delete().eq('id', user.id);
    expect(deleteError).toBeNull();
    const { error } = await user.client.functions.invoke('hello');
    expect(await status(error)).toEqual({
      status: 404,
      body: { error: { code: 'profile_not_found', message: 'This account has no profile.' } },
    });
  });

  it('answers 401 from the function itself to the anon key (a valid JWT that names no user)', async () => {
    const anon = createClient(config.apiUrl, config.anonKey, { auth: noSession });
    const { error } = await anon.functions.invoke('hello');
    expect(await status(error)).toMatchObject({ status: 401, body: { error: { code: 'not_authenticated' } } });
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
      const res = await fetch(`${functionsUrl}/hello`, {
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
    const res = await fetch(`${functionsUrl}/hello`, {
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
