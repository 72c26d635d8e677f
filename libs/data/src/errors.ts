// Turns supabase-js failures into our stable DataError codes. GoTrue and PostgREST codes are
// the source of truth; HTTP status is only the fallback for servers that send no code.
import {
  isAuthError,
  isAuthImplicitGrantRedirectError,
  isAuthRetryableFetchError,
  isAuthSessionMissingError,
  isAuthWeakPasswordError,
  type PostgrestError,
} from '@supabase/supabase-js';
import { refusalOfPostgrestError } from '@carebook/domain';
import type { DataError, DataErrorCode } from './result.ts';

// GoTrue `error_code` values (supabase/auth internal/api/errorcodes.go) grouped by what the user can do.
const AUTH_CODES: Record<string, DataErrorCode> = {
  invalid_credentials: 'invalid_credentials',
  email_not_confirmed: 'email_not_confirmed',
  phone_not_confirmed: 'email_not_confirmed',
  user_already_exists: 'user_already_exists',
  email_exists: 'user_already_exists',
  weak_password: 'weak_password',
  over_request_rate_limit: 'rate_limited',
  over_email_send_rate_limit: 'rate_limited',
  over_sms_send_rate_limit: 'rate_limited',
  no_authorization: 'not_authenticated',
  bad_jwt: 'session_expired',
  session_expired: 'session_expired',
  session_not_found: 'session_expired',
  refresh_token_not_found: 'session_expired',
  refresh_token_already_used: 'session_expired',
  otp_expired: 'link_expired',
  flow_state_expired: 'link_expired',
  flow_state_not_found: 'link_expired',
  not_admin: 'forbidden',
  user_banned: 'forbidden',
  signup_disabled: 'forbidden',
  email_provider_disabled: 'forbidden',
  user_not_found: 'not_found',
  validation_failed: 'invalid_input',
  email_address_invalid: 'invalid_input',
  bad_json: 'invalid_input',
  same_password: 'invalid_input',
};

function byStatus(status: number | undefined): DataErrorCode {
  if (status === undefined || status === 0 || status >= 500) return 'network';
  if (status === 401) return 'not_authenticated';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not_found';
  if (status === 429) return 'rate_limited';
  if (status === 400 || status === 422) return 'invalid_input';
  if (status === 409) return 'already_exists';
  return 'unknown';
}

/** Maps anything an auth call returned as `error` (or threw) to a DataError. */
export function mapAuthError(error: unknown): DataError {
  if (!isAuthError(error)) return mapUnknownError(error);
  const base = { message: error.message, ...(error.status !== undefined && { status: error.status }) };
  if (isAuthWeakPasswordError(error)) return { ...base, code: 'weak_password', reasons: [...error.reasons] };
  if (isAuthSessionMissingError(error)) return { ...base, code: 'not_authenticated' };
  if (isAuthRetryableFetchError(error)) return { ...base, code: 'network' };
  if (isAuthImplicitGrantRedirectError(error)) {
    // A confirmation link that failed comes back as #error=...&error_code=otp_expired in the URL.
    const code = error.details?.code;
    return { ...base, code: (code ? AUTH_CODES[code] : undefined) ?? 'link_expired' };
  }
  const known = error.code ? AUTH_CODES[error.code] : undefined;
  if (known) return { ...base, code: known };
  // GoTrue servers older than the 2024-01-01 API version send no code for a wrong password.
  if (error.status === 400 && /invalid login credentials/i.test(error.message)) {
    return { ...base, code: 'invalid_credentials' };
  }
  return { ...base, code: byStatus(error.status) };
}

/**
 * Maps a PostgREST error, with the response status postgrest-js reports beside it: the database's
 * refusal code (in `details`) first, then the SQLSTATE, then the status.
 */
export function mapPostgrestError(error: PostgrestError, status: number): DataError {
  const base = { message: error.message, status };
  // postgrest-js reports a failed fetch as status 0 with an empty code.
  if (status === 0) return { ...base, code: 'network' };
  return { ...base, code: refusalOfPostgrestError(error, status) ?? byStatus(status) };
}

/** Last resort for thrown values that are not supabase-js errors (a TypeError from fetch...). */
export function mapUnknownError(error: unknown): DataError {
  if (error instanceof TypeError) return { code: 'network', message: error.message };
  if (error instanceof Error) return { code: 'unknown', message: error.message };
  return { code: 'unknown', message: String(error) };
}
