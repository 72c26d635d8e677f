// Every data function returns a Result instead of throwing, so callers handle failures with a
// `switch (error.code)` the type checker can see, never by parsing server messages.

import type { RefusalCode } from '@carebook/domain';

/**
 * Why a call failed: a code from the catalogue in libs/domain (refusal-codes.ts). Auth codes:
 * invalid_credentials, email_not_confirmed, user_already_exists, weak_password (with `reasons`),
 * rate_limited, session_expired, link_expired; the server's own refusals (slot_taken, ...); and
 * network, unexpected_data, unknown when no usable answer came back.
 */
export type DataErrorCode = RefusalCode;

export interface DataError {
  code: DataErrorCode;
  /** The server's own message, for logs and as a last-resort text; the UI translates `code`. */
  message: string;
  status?: number;
  reasons?: string[];
}

export type Result<T> = { ok: true; data: T } | { ok: false; error: DataError };

export function ok<T>(data: T): Result<T> {
  return { ok: true, data };
}

export function fail<T = never>(error: DataError): Result<T> {
  return { ok: false, error };
}
