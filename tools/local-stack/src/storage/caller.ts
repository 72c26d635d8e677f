// Who is calling: the JWT in Authorization (the gateway puts the apikey there when the request
// has no token), verified with the project secret like Storage does before touching the database.
import type { IncomingMessage } from 'node:http';
import { jwtVerify } from 'jose';
import { errors } from './errors.ts';

export const API_ROLES = ['anon', 'authenticated', 'service_role'] as const;
export type ApiRole = (typeof API_ROLES)[number];

export interface Caller {
  role: ApiRole;
  /** The verified claims, handed to Postgres as request.jwt.claims for auth.uid() and friends. */
  claims: Record<string, unknown>;
  /** The JWT's subject: the owner recorded on objects the caller writes. */
  sub?: string;
}

/** The service role as Storage uses it for its own look-ups (bucket settings, public objects). */
export const SERVICE_CALLER: Caller = { role: 'service_role', claims: { role: 'service_role' } };

export function bearerToken(req: IncomingMessage): string | undefined {
  const header = req.headers.authorization;
  const m = header ? /^bearer\s+(.+)$/i.exec(header.trim()) : null;
  return m?.[1];
}

function isApiRole(role: unknown): role is ApiRole {
  return typeof role === 'string' && (API_ROLES as readonly string[]).includes(role);
}

/** Verifies a token; throws Storage's AccessDenied on a missing, bad or expired one. */
export async function verifyCaller(token: string | undefined, secret: string): Promise<Caller> {
  if (!token) throw errors.accessDenied('Missing authorization token');
  let claims: Record<string, unknown>;
  try {
    ({ payload: claims } = await jwtVerify(token, new TextEncoder().encode(secret), {
      algorithms: ['HS256'],
    }));
  } catch (err) {
    throw errors.accessDenied(err instanceof Error ? err.message : 'Invalid JWT');
  }
  // Like PostgREST, a token without a role claim acts as anon.
  const role = claims.role ?? 'anon';
  if (!isApiRole(role)) throw errors.accessDenied('Access denied: Invalid role');
  return { role, claims, ...(typeof claims.sub === 'string' ? { sub: claims.sub } : {}) };
}

/** For the routes that also serve public buckets: a bad or missing token means "no caller". */
export async function optionalCaller(token: string | undefined, secret: string): Promise<Caller | undefined> {
  try {
    return await verifyCaller(token, secret);
  } catch {
    return undefined;
  }
}
