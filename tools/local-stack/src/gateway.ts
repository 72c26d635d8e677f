// The API gateway on the public port, doing what Kong does in the Supabase CLI: routes by prefix,
// checks the apikey on the routes Kong checks it, answers CORS preflights, refuses oversized
// bodies, tells upstreams the client's address, one log line a request.
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { Transform, type TransformCallback } from 'node:stream';
import type { StackConfig } from './config.ts';
import type { Logger, RunningService } from './service.ts';
import { readStorageSettings } from './storage/config-buckets.ts';

/** Request bodies of the JSON APIs: far above any legitimate call, far below what hurts a parser. */
export const JSON_BODY_LIMIT = 1024 * 1024;
/** Room for a multipart envelope around an upload of the largest allowed object. */
const MULTIPART_ALLOWANCE = 64 * 1024;

export interface Route {
  prefix: string;
  target: number;
  /** Kong's key-auth: anon or service_role key required. */
  keyAuth: boolean;
  /** Paths under the prefix reachable without a key (links opened from e-mails). */
  open?: RegExp;
  /** Largest request body accepted, in bytes; larger ones get 413 before reaching the upstream. */
  maxBodyBytes: number;
}

/** `uploadLimit`: the storage object limit (`[storage] file_size_limit` of supabase/config.toml). */
export function routesFor(config: StackConfig, uploadLimit = readStorageSettings().globalLimit): Route[] {
  const p = config.ports;
  return [
    { prefix: '/rest/v1', target: p.postgrest, keyAuth: true, maxBodyBytes: JSON_BODY_LIMIT },
    {
      prefix: '/auth/v1',
      target: p.auth,
      keyAuth: true,
      open: /^\/(verify|callback|authorize|health)(\/|\?|$)/,
      maxBodyBytes: JSON_BODY_LIMIT,
    },
    // Storage and functions check the JWT themselves (public and signed object URLs have no key).
    {
      prefix: '/storage/v1',
      target: p.storage,
      keyAuth: false,
      maxBodyBytes: uploadLimit + MULTIPART_ALLOWANCE,
    },
    { prefix: '/functions/v1', target: p.functions, keyAuth: false, maxBodyBytes: JSON_BODY_LIMIT },
  ];
}

/**
 * The header that carries the client's address to the upstreams. The gateway always writes it,
 * replacing what a client sent, so the auth server's per-address limits count real peers.
 */
export const CLIENT_ADDRESS_HEADER = 'x-real-ip';

const CORS_METHODS = 'GET,HEAD,PUT,PATCH,POST,DELETE,OPTIONS';
const EXPOSED =
  'Content-Range, Content-Location, Location, Preference-Applied, Range-Unit, X-Supabase-Api-Version, X-Client-Info';

/**
 * As Supabase's gateway answers: any origin, never with credentials. The APIs authenticate with
 * the Authorization header, not cookies, so no page needs credentialed requests, and reflecting
 * the caller's Origin with credentials would let any site read answers meant for our apps.
 */
export function corsHeaders(): Record<string, string> {
  return {
    'access-control-allow-origin': '*',
    'access-control-expose-headers': EXPOSED,
  };
}

const TOO_LARGE = { message: 'Request size limit exceeded' };

/** Counts bytes on the way to the upstream and fails once the route's limit is passed. */
class BodyLimit extends Transform {
  private seen = 0;
  private readonly max: number;

  constructor(max: number) {
    super();
    this.max = max;
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.seen += chunk.length;
    if (this.seen > this.max) done(new RangeError('body too large'));
    else done(null, chunk);
  }
}

function json(res: http.ServerResponse, status: number, body: unknown, extra: Record<string, string>): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...extra });
  res.end(JSON.stringify(body));
}

const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'transfer-encoding',
  'upgrade',
  'proxy-connection',
  'te',
  'trailer',
]);

export function apikeyOf(req: http.IncomingMessage, url: URL): string | undefined {
  const h = req.headers.apikey;
  return (Array.isArray(h) ? h[0] : h) ?? url.searchParams.get('apikey') ?? undefined;
}

/**
 * How long a kept-alive upstream socket may sit unused before the gateway drops it: below every
 * upstream's own idle limit (Node's default is 5 s), so the gateway never sends a request on a
 * socket the upstream is closing at that moment ("socket hang up", a 502 for a good request).
 */
export const UPSTREAM_IDLE_MS = 4_000;

class IdleClosingAgent extends http.Agent {
  readonly idleMs: number;
  constructor(idleMs: number) {
    super({ keepAlive: true, maxSockets: 256 });
    this.idleMs = idleMs;
  }
  // Typed void in @types/node; Node reads the boolean it returns (false: destroy the socket).
  override keepSocketAlive(socket: Socket): void {
    const keep = (super.keepSocketAlive(socket) as unknown as boolean) !== false;
    // The agent destroys a free socket whose timeout fires.
    if (keep) socket.setTimeout(this.idleMs);
    return keep as unknown as void;
  }
  override reuseSocket(socket: Socket, request: http.ClientRequest): void {
    super.reuseSocket(socket, request);
    // In use again: a slow answer (a long function call) must not be cut.
    socket.setTimeout(0);
  }
}

export async function startGateway(
  config: StackConfig,
  log: Logger,
  options: { uploadLimit?: number; idleSocketMs?: number } = {},
): Promise<RunningService> {
  const routes = routesFor(config, options.uploadLimit);
  const validKeys = new Set([config.anonKey, config.serviceRoleKey]);
  const agent = new IdleClosingAgent(options.idleSocketMs ?? UPSTREAM_IDLE_MS);

  const server = http.createServer((req, res) => {
    const started = process.hrtime.bigint();
    const url = new URL(req.url ?? '/', `http://${req.headers.host ?? config.host}`);
    const cors = corsHeaders();
    res.on('finish', () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      log(`${req.method} ${url.pathname} ${res.statusCode} ${ms.toFixed(1)}ms`);
    });

    if (req.method === 'OPTIONS') {
      res.writeHead(200, {
        ...cors,
        'access-control-allow-methods': CORS_METHODS,
        'access-control-allow-headers':
          req.headers['access-control-request-headers'] ??
          'authorization, x-client-info, apikey, content-type',
        'access-control-max-age': '3600',
        'content-length': '0',
      });
      res.end();
      return;
    }

    const route = routes.find((r) => url.pathname === r.prefix || url.pathname.startsWith(`${r.prefix}/`));
    if (!route) return json(res, 404, { message: 'no Route matched with those values' }, cors);
    const rest = url.pathname.slice(route.prefix.length) || '/';
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > route.maxBodyBytes) {
      // Answer at once and close: the client may still be sending, and nothing of it is read.
      return json(res, 413, TOO_LARGE, { ...cors, connection: 'close' });
    }
    const key = apikeyOf(req, url);
    if (route.keyAuth && !(route.open && route.open.test(rest))) {
      if (!key) return json(res, 401, { message: 'No API key found in request' }, cors);
      if (!validKeys.has(key)) return json(res, 401, { message: 'Invalid authentication credentials' }, cors);
    }

    const headers: http.OutgoingHttpHeaders = {};
    for (const [k, v] of Object.entries(req.headers)) if (!HOP_BY_HOP.has(k)) headers[k] = v;
    // Like Kong: a request with only the apikey is made as that key's role.
    if (!headers.authorization && key && validKeys.has(key)) headers.authorization = `Bearer ${key}`;
    const peer = req.socket.remoteAddress ?? '';
    headers['x-forwarded-for'] = req.headers['x-forwarded-for']
      ? `${req.headers['x-forwarded-for']}, ${peer}`
      : peer;
    headers[CLIENT_ADDRESS_HEADER] = peer;
    headers['x-forwarded-host'] = req.headers.host ?? `${config.host}:${config.ports.api}`;
    headers['x-forwarded-proto'] = 'http';
    headers['x-forwarded-prefix'] = route.prefix;

    const upstream = http.request(
      { host: config.host, port: route.target, method: req.method, path: rest + url.search, headers, agent },
      (up) => {
        const out: http.OutgoingHttpHeaders = {};
        for (const [k, v] of Object.entries(up.headers)) if (!HOP_BY_HOP.has(k)) out[k] = v;
        res.writeHead(up.statusCode ?? 502, { ...out, ...cors });
        up.pipe(res);
      },
    );
    let tooLarge = false;
    upstream.on('error', (err) => {
      if (tooLarge) return;
      if (res.headersSent) return res.destroy(err);
      json(
        res,
        502,
        {
          message: `An invalid response was received from the upstream server (${route.prefix}: ${err.message})`,
        },
        cors,
      );
    });
    // Bodies without a Content-Length (chunked) are counted as they stream.
    const limit = new BodyLimit(route.maxBodyBytes);
    limit.on('error', () => {
      tooLarge = true;
      upstream.destroy();
      if (!res.headersSent) json(res, 413, TOO_LARGE, { ...cors, connection: 'close' });
      req.unpipe(limit);
      req.resume();
    });
    req.pipe(limit).pipe(upstream);
  });
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.ports.api, config.host, resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    name: 'gateway',
    url: `http://${config.host}:${port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
        agent.destroy();
      }),
  };
}
