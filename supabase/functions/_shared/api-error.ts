// The one error shape of every function, `{ error: { code, message, hint?, fields? } }`, and the
// only place that builds it. Database refusals become HTTP here: our SQL raises SQLSTATE PTxyz
// for "answer HTTP xyz" (PostgREST's convention), with a message written for people and a
// machine-readable refusal code in DETAIL (`slot_taken`), which PostgREST sends as `details`.
import { json } from './http.ts';
import { isServerRefusalCode, type ServerRefusalCode } from './domain/index.ts';

/**
 * Failures that are no refusal (the request was fine): the apps say "try again".
 * provider_unavailable: an outside service (Google...) is rate-limiting us or down.
 */
export type FailureCode = 'method_not_allowed' | 'internal_error' | 'database_unreachable' | 'provider_unavailable';
export type ApiErrorCode = ServerRefusalCode | FailureCode;

export interface ApiError {
  /** Stable, for programs: a code of the catalogue in libs/domain, translated by the apps. */
  code: ApiErrorCode;
  /** For people. */
  message: string;
  hint?: string;
  /** Per request field, a stable issue code (e.g. `{ reason: 'required' }`). */
  fields?: Record<string, string>;
}

/**
 * An error answer. `extra` adds fields beside `error` for answers that report a state as well
 * (health's 503 says what is down); it cannot replace `error`.
 */
export function apiError(
  status: number,
  error: ApiError,
  options: { headers?: Record<string, string>; extra?: Record<string, unknown> } = {},
): Response {
  return json({ ...options.extra, error }, status, options.headers);
}

export const notAuthenticated = () => apiError(401, { code: 'not_authenticated', message: 'Sign in first.' });

/** 405 with the `Allow` header HTTP asks for. */
export function methodNotAllowed(allowed: readonly string[]): Response {
  return apiError(
    405,
    { code: 'method_not_allowed', message: `Use ${allowed.join(' or ')}.` },
    { headers: { Allow: allowed.join(', ') } },
  );
}

/** A failure that is ours (a bug, an outage): logged with its cause, answered without details. */
export function internalError(log: (line: string) => void, fn: string, cause: unknown): Response {
  log(`${fn}: ${cause instanceof Error ? cause.message : String(cause)}`);
  return apiError(500, { code: 'internal_error', message: 'Something went wrong; try again.' });
}

/** What supabase-js reports for a failed PostgREST call (PostgrestError's fields). */
export interface DbError {
  code: string;
  message: string;
  hint?: string | null;
  details?: string | null;
}

const CODE_BY_STATUS: Record<number, ServerRefusalCode> = {
  400: 'invalid_input',
  401: 'not_authenticated',
  403: 'forbidden',
  404: 'not_found',
  409: 'already_exists',
  422: 'invalid_input',
};

/** The HTTP status a PTxyz error asks for, or null for any other error (a bug or an outage). */
export function statusOfDbError(error: DbError): number | null {
  const match = /^PT([1-5][0-9]{2})$/.exec(error.code);
  return match ? Number(match[1]) : null;
}

/**
 * The answer for a PTxyz error, null when the error is not one the caller should see. The code is
 * the database's refusal code when `details` carries one, else `codes[status]` (what this
 * function calls that status), else a generic code for the status.
 */
export function dbErrorResponse(error: DbError, codes: Record<number, ServerRefusalCode> = {}): Response | null {
  const status = statusOfDbError(error);
  if (status === null) return null;
  // Our SQL writes a catalogue code in DETAIL; any other `details` is prose, not a code.
  const refusal = isServerRefusalCode(error.details) ? error.details : null;
  const body: ApiError = {
    code: refusal ?? codes[status] ?? CODE_BY_STATUS[status] ?? 'invalid_input',
    message: error.message,
  };
  if (error.hint) body.hint = error.hint;
  return apiError(status, body);
}

/** dbErrorResponse, or a logged 500 for an error the caller should not see. */
export function fromDbError(
  error: DbError,
  options: { fn: string; log: (line: string) => void; codes?: Record<number, ServerRefusalCode> },
): Response {
  return (
    dbErrorResponse(error, options.codes) ??
    internalError(options.log, options.fn, `${error.code} ${error.message}`)
  );
}
