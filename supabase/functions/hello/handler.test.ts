// hello's handler with a fake profile lookup: no network, no database.
import assert from 'node:assert/strict';
import type { Profile, ProfileLookup } from '../_shared/profile.ts';
import { handler } from './handler.ts';

const profile: Profile = {
  id: '6f1c7d1e-2b4a-4a8e-9a51-0c3f5d9e7b21',
  email: 'pat@example.test',
  full_name: 'Pat Example',
  role: 'patient',
  locale: 'fr',
  created_at: '2025-01-01T10:00:00+00:00',
  updated_at: '2025-01-01T10:00:00+00:00',
};

/** A lookup that answers `result` and remembers which tokens it was given. */
function lookup(result: ProfileLookup | Error) {
  const tokens: string[] = [];
  return {
    tokens,
    loadProfile(jwt: string): Promise<ProfileLookup> {
      tokens.push(jwt);
      return result instanceof Error ? Promise.reject(result) : Promise.resolve(result);
    },
  };
}

const request = (init: RequestInit = {}) => new Request('http://localhost/hello', init);
const withJwt = (jwt: string, method = 'GET') =>
  request({ method, headers: { Authorization: `Bearer ${jwt}` } });

Deno.test("answers the caller's profile (200) and looks it up with the caller's own JWT", async () => {
  const deps = lookup({ status: 'ok', profile });
  const res = await handler(deps)(withJwt('user-jwt'));
  assert.equal(res.status, 200);
  assert.deepEqual(await res.json(), { profile });
  assert.deepEqual(deps.tokens, ['user-jwt']);
  assert.equal(res.headers.get('Access-Control-Allow-Origin'), '*');
  assert.equal(res.headers.get('Content-Type'), 'application/json');
});

Deno.test('accepts POST, which is what functions.invoke sends by default', async () => {
  const res = await handler(lookup({ status: 'ok', profile }))(withJwt('user-jwt', 'POST'));
  assert.equal(res.status, 200);
});

Deno.test('answers 401 without an Authorization header, without looking anything up', async () => {
  const deps = lookup({ status: 'ok', profile });
  const res = await handler(deps)(request());
  assert.equal(res.status, 401);
  assert.deepEqual(await res.json(), { error: { code: 'not_authenticated', message: 'Sign in first.' } });
  assert.deepEqual(deps.tokens, []);
});

Deno.test('answers 401 when the token names no user (e.g. the anon key)', async () => {
  const res = await handler(lookup({ status: 'no-user' }))(withJwt('anon-key'));
  assert.equal(res.status, 401);
  assert.equal((await res.json()).error.code, 'not_authenticated');
});

Deno.test('answers 404 when the user has no profile', async () => {
  const res = await handler(lookup({ status: 'no-profile' }))(withJwt('user-jwt'));
  assert.equal(res.status, 404);
  assert.deepEqual(await res.json(), { error: { code: 'profile_not_found', message: 'This account has no profile.' } });
});

Deno.test('answers a CORS preflight with the headers supabase-js needs, without auth', async () => {
  const deps = lookup({ status: 'no-user' });
  const res = await handler(deps)(request({ method: 'OPTIONS' }));
  assert.equal(res.status, 200);
  assert.equal(res.headers.get('Access-Control-Allow-Origin'), '*');
  const allowed = res.headers.get('Access-Control-Allow-Headers') ?? '';
  for (const header of ['authorization', 'x-client-info', 'apikey', 'content-type'])
    assert.ok(allowed.includes(header), header);
  assert.deepEqual(deps.tokens, []);
  await res.body?.cancel();
});

Deno.test('answers 500 without details when the lookup fails, and logs why', async () => {
  const logged: string[] = [];
  const deps = { ...lookup(new Error('db down')), log: (line: string) => logged.push(line) };
  const res = await handler(deps)(withJwt('user-jwt'));
  assert.equal(res.status, 500);
  assert.equal((await res.json()).error.code, 'internal_error');
  assert.deepEqual(logged, ['hello: db down']);
});

Deno.test('answers 405 to other methods', async () => {
  const res = await handler(lookup({ status: 'ok', profile }))(
    request({ method: 'DELETE', headers: { Authorization: 'Bearer x' } }),
  );
  assert.equal(res.status, 405);
  await res.body?.cancel();
});
