import { beforeAll, describe, expect, it } from 'vitest';
import { LOCAL_ANON_KEY, LOCAL_JWT_SECRET } from '../config.ts';
import { hs256Key } from './jwt.ts';
import { createRouter, type LoadedFunction } from './router.ts';

let key: CryptoKey;
beforeAll(async () => {
  key = await hs256Key(LOCAL_JWT_SECRET);
});

const echo: LoadedFunction['handler'] = (req) =>
  Response.json({ path: new URL(req.url).pathname, method: req.method });

function router(functions: LoadedFunction[], logged: string[] = []) {
  return createRouter(new Map(functions.map((f) => [f.slug, f])), key, (l) => logged.push(l));
}

const req = (path: string, init: RequestInit = {}) => new Request(`http://127.0.0.1:1${path}`, init);
const bearer = (token: string) => ({ headers: { Authorization: `Bearer ${token}` } });

describe('routing', () => {
  it('passes the request on with its /<slug>/... path', async () => {
    const res = await router([{ slug: 'health', verifyJwt: false, handler: echo }])(
      req('/health/sub/route?x=1'),
    );
    expect(await res.json()).toEqual({ path: '/health/sub/route', method: 'GET' });
  });

  it('answers 404 as hosted Supabase does for an unknown function', async () => {
    const res = await router([{ slug: 'health', verifyJwt: false, handler: echo }])(req('/nope'));
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ code: 'NOT_FOUND', message: 'Requested function was not found' });
  });

  it('answers its health route with the functions it serves', async () => {
    const res = await router([{ slug: 'health', verifyJwt: true, handler: echo }])(req('/_internal/health'));
    expect(await res.json()).toEqual({ message: 'ok', functions: ['health'] });
  });
});

describe('verify_jwt', () => {
  const secured = () => router([{ slug: 'secure', verifyJwt: true, handler: echo }]);

  it('lets a valid JWT through', async () => {
    expect((await secured()(req('/secure', bearer(LOCAL_ANON_KEY)))).status).toBe(200);
  });

  it('answers 401 with the runtime messages for a missing header, another scheme, a bad token', async () => {
    const missing = await secured()(req('/secure'));
    expect([missing.status, await missing.json()]).toEqual([
      401,
      { msg: 'Error: Missing authorization header' },
    ]);
    const basic = await secured()(req('/secure', { headers: { Authorization: 'Basic abc' } }));
    expect([basic.status, await basic.json()]).toEqual([
      401,
      { msg: "Error: Auth header is not 'Bearer {token}'" },
    ]);
    const forged = await secured()(req('/secure', bearer(`${LOCAL_ANON_KEY}x`)));
    expect([forged.status, await forged.json()]).toEqual([401, { msg: 'Invalid JWT' }]);
  });

  it('never checks OPTIONS, so CORS preflights reach the function', async () => {
    const res = await secured()(req('/secure', { method: 'OPTIONS' }));
    expect(await res.json()).toEqual({ path: '/secure', method: 'OPTIONS' });
  });

  it('does not check when the function turned it off', async () => {
    const res = await router([{ slug: 'webhook', verifyJwt: false, handler: echo }])(
      req('/webhook', { method: 'POST' }),
    );
    expect(res.status).toBe(200);
  });
});

describe('failures', () => {
  it('answers 503 BOOT_ERROR for a function that failed to load', async () => {
    const res = await router([{ slug: 'broken', verifyJwt: false, bootError: 'SyntaxError' }])(
      req('/broken'),
    );
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({
      code: 'BOOT_ERROR',
      message: 'Worker failed to boot (please check logs)',
    });
  });

  it('answers 500 WORKER_ERROR when the handler throws, and logs the error', async () => {
    const logged: string[] = [];
    const throwing: LoadedFunction = {
      slug: 'boom',
      verifyJwt: false,
      handler: () => {
        throw new Error('kaboom');
      },
    };
    const res = await router([throwing], logged)(req('/boom'));
    expect(res.status).toBe(500);
    expect((await res.json()).code).toBe('WORKER_ERROR');
    expect(logged.join('\n')).toContain('kaboom');
  });
});
