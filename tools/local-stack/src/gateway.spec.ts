import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, type StackConfig } from './config.ts';
import { startGateway } from './gateway.ts';
import type { RunningService } from './service.ts';

// Upstreams that echo what reached them, standing in for PostgREST, auth, storage, functions.
const connections: Record<string, number> = {};

async function echoServer(name: string): Promise<{ server: http.Server; port: number }> {
  const server = http.createServer((req, res) => {
    let size = 0;
    req.on('data', (chunk: Buffer) => (size += chunk.length));
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          name,
          method: req.method,
          url: req.url,
          authorization: req.headers.authorization ?? null,
          realIp: req.headers['x-real-ip'] ?? null,
          forwardedFor: req.headers['x-forwarded-for'] ?? null,
          size,
        }),
      );
    });
  });
  server.on('connection', () => (connections[name] = (connections[name] ?? 0) + 1));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { server, port: (server.address() as AddressInfo).port };
}

describe('gateway', () => {
  let config: StackConfig;
  let gateway: RunningService;
  const upstreams: http.Server[] = [];

  beforeAll(async () => {
    const base = loadConfig('test', { withApps: false });
    const [rest, auth, storage, functions] = await Promise.all(
      ['rest', 'auth', 'storage', 'functions'].map(echoServer),
    );
    upstreams.push(rest!.server, auth!.server, storage!.server, functions!.server);
    config = {
      ...base,
      ports: {
        ...base.ports,
        api: 0,
        postgrest: rest!.port,
        auth: auth!.port,
        storage: storage!.port,
        functions: functions!.port,
      },
    };
    gateway = await startGateway(config, () => undefined, {
      uploadLimit: 2 * 1024 * 1024,
      idleSocketMs: 150,
    });
  });
  afterAll(async () => {
    await gateway.stop();
    for (const s of upstreams) s.close();
  });

  const get = (path: string, headers: Record<string, string> = {}) =>
    fetch(`${gateway.url}${path}`, { headers });

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
    expect(await res.json()).toMatchObject({
      name: 'rest',
      url: '/profiles?select=id',
      authorization: `Bearer ${config.anonKey}`,
    });
  });

  it('keeps the caller’s Authorization header', async () => {
    const res = await get('/auth/v1/user', { apikey: config.anonKey, authorization: 'Bearer user-token' });
    expect(await res.json()).toMatchObject({
      name: 'auth',
      url: '/user',
      authorization: 'Bearer user-token',
    });
  });

  it('lets e-mail links reach /auth/v1/verify without a key', async () => {
    const res = await get('/auth/v1/verify?token=abc&type=signup');
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ name: 'auth', url: '/verify?token=abc&type=signup' });
  });

  it('leaves storage and functions to check their own JWTs', async () => {
    expect(await (await get('/storage/v1/object/public/avatars/a.png')).json()).toMatchObject({
      name: 'storage',
    });
    expect(await (await get('/functions/v1/health')).json()).toMatchObject({
      name: 'functions',
      url: '/health',
    });
  });

  it('answers CORS preflights itself, echoing the requested headers, for any origin without credentials', async () => {
    const res = await fetch(`${gateway.url}/rest/v1/profiles`, {
      method: 'OPTIONS',
      headers: {
        origin: 'https://evil.example',
        'access-control-request-headers': 'apikey, authorization, x-client-info',
      },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-allow-credentials')).toBeNull();
    expect(res.headers.get('access-control-allow-headers')).toBe('apikey, authorization, x-client-info');
    expect(res.headers.get('access-control-allow-methods')).toContain('PATCH');
  });

  it('adds CORS headers to proxied answers and exposes the auth API-version header', async () => {
    const res = await get('/rest/v1/x', { apikey: config.anonKey, origin: 'http://127.0.0.1:9100' });
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-allow-credentials')).toBeNull();
    expect(res.headers.get('access-control-expose-headers')).toContain('X-Supabase-Api-Version');
  });

  it('tells upstreams the peer address in X-Real-IP, whatever the client wrote', async () => {
    const res = await get('/auth/v1/user', {
      apikey: config.anonKey,
      'x-real-ip': '203.0.113.9',
      'x-forwarded-for': '198.51.100.7',
    });
    expect(await res.json()).toMatchObject({ realIp: '127.0.0.1', forwardedFor: '198.51.100.7, 127.0.0.1' });
  });

  it('refuses a declared body over the route limit with 413 before the upstream sees it', async () => {
    const t0 = performance.now();
    const res = await fetch(`${gateway.url}/rest/v1/profiles`, {
      method: 'POST',
      headers: { apikey: config.anonKey, 'content-type': 'application/json' },
      body: 'x'.repeat(1024 * 1024 + 1),
    });
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual({ message: 'Request size limit exceeded' });
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(performance.now() - t0).toBeLessThan(1000);
    // Exactly the limit still passes.
    const ok = await fetch(`${gateway.url}/rest/v1/profiles`, {
      method: 'POST',
      headers: { apikey: config.anonKey },
      body: 'x'.repeat(1024 * 1024),
    });
    expect(await ok.json()).toMatchObject({ name: 'rest', size: 1024 * 1024 });
  });

  it('counts streamed (chunked) bodies too, and lets storage take uploads up to its object limit', async () => {
    const stream = (bytes: number) =>
      new ReadableStream<Uint8Array>({
        start(controller) {
          for (let sent = 0; sent < bytes; sent += 64 * 1024)
            controller.enqueue(new Uint8Array(Math.min(64 * 1024, bytes - sent)));
          controller.close();
        },
      });
    const post = (path: string, bytes: number) =>
      fetch(`${gateway.url}${path}`, {
        method: 'POST',
        headers: { apikey: config.anonKey },
        body: stream(bytes),
        duplex: 'half',
      } as RequestInit);
    expect((await post('/auth/v1/signup', 2 * 1024 * 1024)).status).toBe(413);
    const upload = await post('/storage/v1/object/avatars/a.png', 2 * 1024 * 1024);
    expect(await upload.json()).toMatchObject({ name: 'storage', size: 2 * 1024 * 1024 });
    expect((await post('/storage/v1/object/avatars/a.png', 3 * 1024 * 1024)).status).toBe(413);
  });

  it('reuses an upstream socket while busy, and drops it once idle before the upstream can close it', async () => {
    const call = () => get('/functions/v1/ping', { apikey: config.anonKey }).then((r) => r.json());
    const idle = () => new Promise((r) => setTimeout(r, 400));
    await idle(); // sockets earlier tests left are dropped
    const before = connections.functions ?? 0;
    await call();
    await call();
    expect((connections.functions ?? 0) - before).toBe(1);
    await idle();
    await call();
    expect((connections.functions ?? 0) - before).toBe(2);
  });

  it('answers 404 for unknown routes', async () => {
    const res = await get('/graphql/v1', { apikey: config.anonKey });
    expect(res.status).toBe(404);
  });
});
