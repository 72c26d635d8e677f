// Every data function returns a Result instead of throwing, so callers handle failures with a
// `switch (error.code)` the type checker can see, never by parsing server messages.

export type DataErrorCode =
  | 'invalid_credentials' // wrong e-mail or password
  | 'email_not_confirmed' // the account exists but its e-mail is not confirmed yet
  | 'user_already_exists'
  | 'weak_password' // the server's password policy refused it; `reasons` says why
  | 'rate_limited' // too many attempts or e-mails; wait before retrying
  | 'not_authenticated' // no session at all
  | 'session_expired' // a session existed but the server no longer accepts it
  | 'link_expired' // a confirmation or magic link that is invalid or used up
  | 'forbidden' // signed in, but row level security or a role check said no
  | 'not_found'
  | 'invalid_input' // the server refused the request's content
  | 'network' // server unreachable or failing (5xx): worth retrying later
  | 'unexpected_data' // the server answered something our types do not allow
  | 'unknown';

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
