// The small slice of HTTP the auth routes need: a parsed request, a reply value, body helpers.
import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';
import { AuthError, badRequest } from './errors.ts';

const MAX_BODY_BYTES = 1 << 20;

/**
 * The client's address as the gateway saw it. The gateway sets this header on every request and
 * replaces any value a client sent, so unlike X-Forwarded-For's first entry (which the client
 * writes) it cannot be forged from outside; hosted GoTrue reads such a header too
 * (GOTRUE_RATE_LIMIT_HEADER).
 */
export const CLIENT_ADDRESS_HEADER = 'x-real-ip';

type Json = Record<string, unknown>;

export interface AuthRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  /** Client address: CLIENT_ADDRESS_HEADER when the gateway set it, else the socket peer. */
  ip: string;
  userAgent: string | null;
  /** The JSON body as an object; `{}` when empty. Read once, cached. */
  json(): Promise<Json>;
}

export interface AuthReply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export const jsonReply = (body: unknown, status = 200): AuthReply => ({ status, body });
export const noContent = (): AuthReply => ({ status: 204 });
export const redirectReply = (location: string): AuthReply => ({ status: 303, headers: { location } });

async function readBody(message: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of message) {
    const buf = chunk as Buffer;
    size += buf.length;
    if (size > MAX_BODY_BYTES) {
      throw new AuthError(
        413,
        'request_entity_too_large',
        `Request body too large (max ${MAX_BODY_BYTES} bytes)`,
      );
    }
    chunks.push(buf);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export function toAuthRequest(message: IncomingMessage): AuthRequest {
  const url = new URL(message.url ?? '/', 'http://auth.local');
  const seen = message.headers[CLIENT_ADDRESS_HEADER];
  const forwarded = (Array.isArray(seen) ? seen[seen.length - 1] : seen)?.trim();
  let parsed: Promise<Json> | undefined;
  return {
    method: (message.method ?? 'GET').toUpperCase(),
    // The gateway strips /auth/v1; tolerate it anyway so the server can also be called directly.
    path: url.pathname.replace(/^\/auth\/v1(?=\/)/, '').replace(/\/+$/, '') || '/',
    query: url.searchParams,
    headers: message.headers,
    ip: forwarded || message.socket.remoteAddress || '',
    userAgent: typeof message.headers['user-agent'] === 'string' ? message.headers['user-agent'] : null,
    json() {
      parsed ??= readBody(message).then((text) => {
        if (text.trim() === '') return {};
        let value: unknown;
        try {
          value = JSON.parse(text);
        } catch (error) {
          throw badRequest('bad_json', `Could not parse request body as JSON: ${(error as Error).message}`);
        }
        if (typeof value !== 'object' || value === null || Array.isArray(value)) {
          throw badRequest('bad_json', 'Could not parse request body as JSON: expected an object');
        }
        return value as Json;
      });
      return parsed;
    },
  };
}

/** A string member of the body, '' when absent or not a string (Go's zero value). */
export function str(body: Json, key: string): string {
  const v = body[key];
  return typeof v === 'string' ? v : '';
}

/** An object member of the body, undefined when absent or null. */
export function obj(body: Json, key: string): Json | undefined {
  const v = body[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'object' || Array.isArray(v))
    throw badRequest('bad_json', `Could not parse request body as JSON: ${key} must be an object`);
  return v as Json;
}

export function bool(body: Json, key: string, fallback = false): boolean {
  const v = body[key];
  return typeof v === 'boolean' ? v : fallback;
}
