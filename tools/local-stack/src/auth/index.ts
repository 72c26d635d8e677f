// The auth emulator: an HTTP server speaking the part of GoTrue's API that supabase-js v2 uses,
// backed by the same auth.* tables. The gateway forwards /auth/v1/* here with the prefix removed.
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { StackConfig } from '../config.ts';
import type { Logger, RunningService } from '../service.ts';
import type { AuthContext } from './context.ts';
import { createPool } from './db.ts';
import { API_VERSION_HEADER, formatError, requestedApiVersion, toAuthError } from './errors.ts';
import { toAuthRequest, type AuthReply } from './http.ts';
import { createBrevoMailer } from './mailer.ts';
import { FailedAttemptLimiter, RequestLimiter } from './rate-limit.ts';
import { dispatch } from './router.ts';
import { budgetFor, loadAuthSettings, type AuthSettings } from './settings.ts';

export type { AuthSettings } from './settings.ts';

function send(res: ServerResponse, reply: AuthReply): void {
  const headers: Record<string, string> = { ...reply.headers };
  if (reply.body === undefined) {
    res.writeHead(reply.status, headers).end();
    return;
  }
  const payload = JSON.stringify(reply.body);
  headers['content-type'] = 'application/json';
  headers['content-length'] = String(Buffer.byteLength(payload));
  res.writeHead(reply.status, headers).end(payload);
}

export interface StartAuthOptions {
  /** Replaces the settings read from supabase/config.toml and the environment (tests). */
  settings?: AuthSettings;
}

export async function startAuth(
  config: StackConfig,
  log: Logger,
  options: StartAuthOptions = {},
): Promise<RunningService> {
  const settings = options.settings ?? loadAuthSettings(config);
  const pool = createPool(config.dbUrl('supabase_auth_admin'));
  // Fail at start-up, not on the first request, when the database or the role is missing.
  await pool.query('select 1 from auth.users limit 1');
  const ctx: AuthContext = {
    pool,
    settings,
    mailer: createBrevoMailer(settings.mail),
    limiter: new FailedAttemptLimiter(settings.failedPasswordLimit),
    perAddress: {
      verify: new RequestLimiter(settings.rateLimits.verify, budgetFor(settings)),
      signIn: new RequestLimiter(settings.rateLimits.signInSignUps, budgetFor(settings)),
    },
    emailBudget: new RequestLimiter(settings.rateLimits.emailSent),
    wrongCodes: new Map(),
    log,
  };

  const server = createServer((message, res) => {
    const req = toAuthRequest(message);
    const apiVersion = requestedApiVersion(String(message.headers[API_VERSION_HEADER] ?? ''));
    dispatch(ctx, req)
      .then((reply) => {
        if (apiVersion) reply.headers = { ...reply.headers, [API_VERSION_HEADER]: apiVersion };
        send(res, reply);
      })
      .catch((error: unknown) => {
        const authError = toAuthError(error);
        if (authError.status >= 500)
          log(`auth: ${req.method} ${req.path} failed: ${(error as Error)?.stack ?? String(error)}`);
        send(res, formatError(authError, apiVersion));
      });
  });
  // Longer than the gateway keeps an idle socket (UPSTREAM_IDLE_MS): the gateway always lets go
  // first. stop() closes every connection, so kept-alive sockets never hold it open.
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.ports.auth, config.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${config.host}:${port}`;
  log(`auth: listening on ${url} (confirmations ${settings.autoconfirm ? 'off, autoconfirm' : 'on'})`);

  return {
    name: 'auth',
    url,
    async stop() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await pool.end();
    },
  };
}
