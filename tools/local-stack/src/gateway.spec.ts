import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, type StackConfig } from './config.ts';
import { startGateway } from './gateway.ts';
import type { RunningService } from './service.ts';

// Upstreams that echo what reached them, standing in for PostgREST, auth, storage, functions.
async function echoServer(name: string): Promise<{ server: http.Server; port: number }> {
  const server = http.createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ name, method: req.method, url: req.url, authorization: req.headers.authorization ?? null }));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { server, port: (server.address() as AddressInfo).port };
}

describe('gateway', () => {
  let config: StackConfig;
  let gateway: RunningService;
  const upstreams: http.Server[] = [];

  beforeAll(async () => {
    const base = loadConfig('test', { withApps: false });
    const [rest, auth, storage, functions] = await Promise.all(['rest', 'auth', 'storage', 'functions'].map(echoServer));
    upstreams.push(rest!.server, auth!.server, storage!.server, functions!.server);
    config = {
      ...base,
      ports: { ...base.ports, api: 0, postgrest: rest!.port, auth: auth!.port, storage: storage!.port, functions: functions!.port },
    };
    gateway = await startGateway(config, () => undefined);
  });
  afterAll(async () => {
    await gateway.stop();
    for (const s of upstreams) s.close();
  });

  const get = (path: string, headers: Record<string, string> = {}) => fetch(`${gateway.url}${path}`, { headers });

  it('refuses /rest/v1 without an apikey, as Kong does', async () => {
    const res = await get('/rest/v1/profiles');
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ message: 'No API key found in request' });
  });

  it('refuses an apikey that is neither the anon nor the service-role key', async () => {
    const res = await get('/rest/v1/profiles', { apikey: 'not-a-key' });
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ message: 'Invalid authentication credentials' });
  });

  it('strips the prefix and sends the apikey as the bearer when no Authorization is given', async () => {
    const res = await get('/rest/v1/profiles?select=id', { apikey: config.anonKey });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ name: 'rest', url: '/profiles?select=id', authorization: `Bearer ${config.anonKey}` });
  });

  it('keeps the caller’s Authorization header', async () => {
    const res = await get('/auth/v1/user', { apikey: config.anonKey, authorization: 'Bearer user-token' });
    expect(await res.json()).toMatchObject({ name: 'auth', url: '/user', authorization: 'Bearer user-token' });
  });

  it('lets e-mail links reach /auth/v1/verify without a key', async () => {
    const res = await get('/auth/v1/verify?token=abc&type=signup');
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ name: 'auth', url: '/verify?token=abc&type=signup' });
  });

  it('leaves storage and functions to check their own JWTs', async () => {
    expect(await (await get('/storage/v1/object/public/avatars/a.png')).json()).toMatchObject({ name: 'storage' });
    expect(await (await get('/functions/v1/health')).json()).toMatchObject({ name: 'functions', url: '/health' });
  });

  it('answers CORS preflights itself, echoing the requested headers', async () => {
    const res = await fetch(`${gateway.url}/rest/v1/profiles`, {
      method: 'OPTIONS',
      headers: { origin: 'http://127.0.0.1:9000', 'access-control-request-headers': 'apikey, authorization, x-client-info' },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe('http://127.0.0.1:9000');
    expect(res.headers.get('access-control-allow-headers')).toBe('apikey, authorization, x-client-info');
    expect(res.headers.get('access-control-allow-methods')).toContain('PATCH');
  });

  it('adds CORS headers to proxied answers and exposes the auth API-version header', async () => {
    const res = await get('/rest/v1/x', { apikey: config.anonKey, origin: 'http://127.0.0.1:9100' });
    expect(res.headers.get('access-control-allow-origin')).toBe('http://127.0.0.1:9100');
    expect(res.headers.get('access-control-expose-headers')).toContain('X-Supabase-Api-Version');
  });

  it('answers 404 for unknown routes', async () => {
    const res = await get('/graphql/v1', { apikey: config.anonKey });
    expect(res.status).toBe(404);
  });
});
