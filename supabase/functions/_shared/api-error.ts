// Errors as `{ error: { code, message, hint?, fields? } }`, and the database's own errors turned
// into HTTP: our migrations raise SQLSTATE PTxyz for "answer HTTP xyz", with a message written for
// people, so a function passes that message on instead of inventing its own.
import { json } from './http.ts';

export interface ApiError {
  /** Stable, for programs. */
  code: string;
  /** For people. */
  message: string;
  hint?: string;
  /** Per request field, a stable issue code (e.g. `{ reason: 'required' }`). */
  fields?: Record<string, string>;
}

export function apiError(status: number, error: ApiError): Response {
  return json({ error }, status);
}

/** What supabase-js reports for a failed PostgREST call (PostgrestError's fields). */
export interface DbError {
  code: string;
  message: string;
  hint?: string | null;
  details?: string | null;
}

const CODE_BY_STATUS: Record<number, string> = {
  400: 'invalid_request',
  401: 'not_authenticated',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
};

/** The HTTP status a PTxyz error asks for, or null for any other error (a bug or an outage). */
export function statusOfDbError(error: DbError): number | null {
  const match = /^PT([1-5][0-9]{2})$/.exec(error.code);
  return match ? Number(match[1]) : null;
}

/** The answer for a PTxyz error; null when the error is not one the caller should see. */
export function dbErrorResponse(error: DbError, codes: Record<number, string> = {}): Response | null {
  const status = statusOfDbError(error);
  if (status === null) return null;
  const body: ApiError = {
    code: codes[status] ?? CODE_BY_STATUS[status] ?? 'request_failed',
    message: error.message,
  };
  if (error.hint) body.hint = error.hint;
  return apiError(status, body);
}
