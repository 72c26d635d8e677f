// The official Google clients, configured from the environment: OAuth2Client (google-auth-library)
// and Calendar v3 (@googleapis/calendar, the per-API package: the whole `googleapis` is far above
// a function's size limit). Locally the runner points the OAuth endpoints and the Calendar rootUrl
// at the Google fake; in production they are unset and the clients talk to Google.
// The clients' own retries are off: google-sync owns retries (capped, jittered, never on a 400).
import { calendar, type calendar_v3 } from 'npm:@googleapis/calendar@20.0.1';
import { CodeChallengeMethod, OAuth2Client } from 'npm:google-auth-library@11.3.4';
import { requireEnv } from './supabase.ts';

export type { calendar_v3 };
export { CodeChallengeMethod, OAuth2Client };

export const CALENDAR_SCOPE = 'https://www.googleapis.com/auth/calendar';

export interface GoogleSettings {
  clientId: string;
  clientSecret: string;
  /** google-callback's public URL, registered with Google. */
  redirectUri: string;
  /** google-webhook's public URL (https in production), where push notifications arrive. */
  webhookUrl: string;
  /** Where the callback sends the practitioner back (the Integrations page). */
  appUrl: string;
  tokenKey: string;
  authUrl?: string;
  tokenUrl?: string;
  revokeUrl?: string;
  calendarRootUrl?: string;
}

export function googleSettings(): GoogleSettings {
  const functions = `${requireEnv('SUPABASE_URL').replace(/\/+$/, '')}/functions/v1`;
  const opt = (name: string) => Deno.env.get(name) || undefined;
  return {
    clientId: requireEnv('GOOGLE_CLIENT_ID'),
    clientSecret: requireEnv('GOOGLE_CLIENT_SECRET'),
    redirectUri: opt('GOOGLE_REDIRECT_URI') ?? `${functions}/google-callback`,
    webhookUrl: opt('GOOGLE_WEBHOOK_URL') ?? `${functions}/google-webhook`,
    appUrl: requireEnv('PRACTITIONER_APP_URL'),
    tokenKey: requireEnv('GOOGLE_TOKEN_KEY'),
    authUrl: opt('GOOGLE_OAUTH_AUTH_URL'),
    tokenUrl: opt('GOOGLE_OAUTH_TOKEN_URL'),
    revokeUrl: opt('GOOGLE_OAUTH_REVOKE_URL'),
    calendarRootUrl: opt('GOOGLE_CALENDAR_ROOT_URL'),
  };
}

export function oauthClient(s: GoogleSettings): OAuth2Client {
  return new OAuth2Client({
    clientId: s.clientId,
    clientSecret: s.clientSecret,
    redirectUri: s.redirectUri,
    endpoints: {
      ...(s.authUrl && { oauth2AuthBaseUrl: s.authUrl }),
      ...(s.tokenUrl && { oauth2TokenUrl: s.tokenUrl }),
      ...(s.revokeUrl && { oauth2RevokeUrl: s.revokeUrl }),
    },
  });
}

/** A Calendar client acting for one account, from its refresh token (refreshed on first call). */
export function calendarClient(
  s: GoogleSettings,
  credentials: { refresh_token?: string; access_token?: string },
) {
  const auth = oauthClient(s);
  auth.setCredentials(credentials);
  return calendar({
    version: 'v3',
    auth,
    retry: false,
    timeout: 15_000,
    ...(s.calendarRootUrl && { rootUrl: s.calendarRootUrl }),
  });
}

export type FailureKind = 'broken' | 'transient' | 'permanent' | 'stale' | 'gone' | 'duplicate';

export interface GoogleFailure {
  kind: FailureKind;
  status: number | null;
  /** Google's reason or OAuth error (rateLimitExceeded, invalid_grant...), else the status. */
  code: string;
  message: string;
  /** Seconds Google asked us to wait (Retry-After), if any. */
  retryAfter: number | null;
}

/**
 * What a failed call means for us. invalid_grant (revoked, expired refresh token): the connection
 * is broken, no retry helps. 403 rate limits, 429, 5xx and network failures: retry later. 410 on
 * a listing: the sync token is stale. Any other 4xx (a 400 above all): ours to fix, never retried.
 */
export function classify(error: unknown): GoogleFailure {
  const e = error as {
    status?: number;
    code?: string | number;
    message?: string;
    response?: {
      status?: number;
      data?: unknown;
      headers?: { get?: (n: string) => string | null } & Record<string, unknown>;
    };
  };
  const status = e?.response?.status ?? (typeof e?.status === 'number' ? e.status : null);
  const data = e?.response?.data as
    | { error?: string | { errors?: { reason?: string }[]; message?: string }; error_description?: string }
    | undefined;
  const oauthError = typeof data?.error === 'string' ? data.error : null;
  const reason = typeof data?.error === 'object' ? (data.error.errors?.[0]?.reason ?? null) : null;
  const message = String(
    (typeof data?.error === 'object' && data.error.message) || data?.error_description || e?.message || error,
  ).slice(0, 500);
  const header = e?.response?.headers;
  const retryHeader =
    typeof header?.get === 'function'
      ? header.get('retry-after')
      : (header?.['retry-after'] as string | undefined);
  const retryAfter = retryHeader && /^\d+$/.test(retryHeader) ? Number(retryHeader) : null;
  const code = oauthError ?? reason ?? (status ? String(status) : 'network');
  const out = (kind: FailureKind): GoogleFailure => ({ kind, status, code, message, retryAfter });
  if (oauthError === 'invalid_grant' || /invalid_grant/.test(message)) return out('broken');
  if (status === null) return out('transient');
  if (status === 429 || status >= 500) return out('transient');
  if (
    status === 403 &&
    (reason === 'rateLimitExceeded' || reason === 'userRateLimitExceeded' || reason === 'quotaExceeded')
  )
    return out('transient');
  if (status === 410) return out(reason === 'deleted' ? 'gone' : 'stale');
  if (status === 409) return out('duplicate');
  if (status === 404) return out('gone');
  return out('permanent');
}

export interface RetryOptions {
  /** Tries in all, the first included. */
  attempts: number;
  baseMs: number;
  capMs: number;
  sleep?: (ms: number) => Promise<void>;
}

export const DEFAULT_RETRY: RetryOptions = { attempts: 4, baseMs: 250, capMs: 4_000 };

/** Runs `call`, retrying transient failures with capped, jittered exponential backoff. */
export async function withRetry<T>(
  call: () => Promise<T>,
  options: RetryOptions = DEFAULT_RETRY,
): Promise<T> {
  const sleep = options.sleep ?? ((ms: number) => new Promise((r) => setTimeout(r, ms)));
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      const failure = classify(error);
      if (failure.kind !== 'transient' || attempt >= options.attempts) throw error;
      const backoff = Math.min(options.baseMs * 2 ** (attempt - 1), options.capMs);
      const asked = failure.retryAfter !== null ? failure.retryAfter * 1000 : 0;
      if (asked > options.capMs) throw error; // Google asks for longer than a run waits: next run
      await sleep(Math.max(asked, backoff * (0.75 + Math.random() * 0.5)));
    }
  }
}
