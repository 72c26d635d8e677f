// Helpers for the auth contract tests (*.int.spec.ts): clients on the running test stack, the
// inbox, e-mail links and direct database access for assertions.
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import { decodeJwt } from 'jose';
import pg from 'pg';
import { loadConfig } from '../config.ts';

export const config = loadConfig('test', { withApps: false });
export const AUTH_URL = `${config.apiUrl}/auth/v1`;
export const PASSWORD = 'correct-horse-1';

export function uniqueEmail(label: string): string {
  return `auth-${label}-${Date.now().toString(36)}-${randomBytes(3).toString('hex')}@example.com`;
}

/** A browser-like client: anon key, session kept in memory only. */
export function anonClient(flowType: 'implicit' | 'pkce' = 'implicit', url = config.apiUrl): SupabaseClient {
  return createClient(url, config.anonKey, {
    auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false, flowType },
  });
}

export function serviceClient(url = config.apiUrl): SupabaseClient {
  return createClient(url, config.serviceRoleKey, {
    auth: { persistSession: false, autoRefreshToken: false },
  });
}

export async function signedIn(
  email: string,
  password = PASSWORD,
): Promise<{ client: SupabaseClient; accessToken: string; refreshToken: string }> {
  const client = anonClient();
  const { data, error } = await client.auth.signInWithPassword({ email, password });
  if (error || !data.session) throw new Error(`sign-in failed: ${error?.message}`);
  return { client, accessToken: data.session.access_token, refreshToken: data.session.refresh_token };
}

export interface InboxMail {
  id: string;
  to: string[];
  subject: string;
  html: string;
  text: string;
  links: string[];
  createdAt: string;
}

/** Every message the Brevo fake received for this address, newest first. */
export async function mailsTo(email: string): Promise<InboxMail[]> {
  const res = await fetch(`${config.inboxUrl}/api/messages?to=${encodeURIComponent(email)}`);
  if (!res.ok) throw new Error(`inbox answered ${res.status}`);
  const { messages } = (await res.json()) as { messages: InboxMail[] };
  return messages;
}

export async function lastMailTo(email: string): Promise<InboxMail> {
  const [latest] = await mailsTo(email);
  if (!latest) throw new Error(`no e-mail to ${email} in the inbox`);
  return latest;
}

export function verifyLinkIn(mail: InboxMail): string {
  const link = mail.links.find((l) => l.startsWith(`${AUTH_URL}/verify?`));
  if (!link) throw new Error(`no verify link in "${mail.subject}"`);
  return link;
}

export function codeIn(mail: InboxMail): string {
  const match = /code: (\d{6})\b/.exec(mail.text);
  if (!match?.[1]) throw new Error(`no code in "${mail.subject}"`);
  return match[1];
}

/** Opens an e-mail link like a browser would, without following the redirect. */
export async function openLink(link: string): Promise<{ status: number; location: URL }> {
  const res = await fetch(link, { redirect: 'manual' });
  return { status: res.status, location: new URL(res.headers.get('location') ?? 'about:blank') };
}

export function fragmentOf(url: URL): URLSearchParams {
  return new URLSearchParams(url.hash.replace(/^#/, ''));
}

export function claimsOf(accessToken: string): Record<string, unknown> {
  return decodeJwt(accessToken);
}

/** A raw call to the auth API through the gateway, for what supabase-js hides (status, body). */
export async function rawAuth(
  path: string,
  init: RequestInit & { headers?: Record<string, string> } = {},
): Promise<Response> {
  return fetch(`${AUTH_URL}${path}`, {
    ...init,
    headers: { apikey: config.anonKey, 'content-type': 'application/json', ...init.headers },
  });
}

export async function withDb<T>(work: (db: pg.Client) => Promise<T>): Promise<T> {
  const db = new pg.Client({ connectionString: config.dbUrl('postgres') });
  await db.connect();
  try {
    return await work(db);
  } finally {
    await db.end();
  }
}

/** Moves a session's refresh history into the past, instead of sleeping through the reuse interval. */
export async function ageSession(sessionId: string, seconds: number): Promise<void> {
  await withDb(async (db) => {
    await db.query(
      `update auth.refresh_tokens set updated_at = updated_at - make_interval(secs => $2) where session_id = $1`,
      [sessionId, seconds],
    );
    await db.query(
      `update auth.sessions set refreshed_at = refreshed_at - make_interval(secs => $2) where id = $1`,
      [sessionId, seconds],
    );
  });
}

export interface RawAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: unknown;
}

/**
 * A loopback address of its own (127.x.y.z, never 127.0.0.1), so that a test of per-address
 * limits starts from an empty budget and meets config.toml's numbers, not the larger budget the
 * test profile gives 127.0.0.1 (see auth/settings.ts).
 */
export function freshAddress(): string {
  const [a, b, c] = randomBytes(3);
  return `127.${((a ?? 0) % 254) + 1}.${b ?? 1}.${((c ?? 0) % 254) + 1}`;
}

/** A call through the gateway from `address` (bound as the socket's source, so the gateway sees it). */
export function callFrom(
  address: string,
  method: string,
  pathAndQuery: string,
  options: { body?: unknown; headers?: Record<string, string> } = {},
): Promise<RawAnswer> {
  const payload =
    options.body === undefined
      ? undefined
      : typeof options.body === 'string'
        ? options.body
        : JSON.stringify(options.body);
  const url = new URL(`${config.apiUrl}${pathAndQuery}`);
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname + url.search,
        method,
        localAddress: address,
        headers: {
          apikey: config.anonKey,
          'content-type': 'application/json',
          'x-supabase-api-version': '2024-01-01',
          ...(payload === undefined ? {} : { 'content-length': String(Buffer.byteLength(payload)) }),
          ...options.headers,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let body: unknown = text;
          try {
            body = text === '' ? null : JSON.parse(text);
          } catch {
            // not JSON: keep the text
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body });
        });
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}
