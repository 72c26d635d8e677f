// GoTrue's error responses. supabase-js sends `X-Supabase-Api-Version: 2024-01-01` and then reads
// `{code: "<error_code>", message}`; older clients get `{code: <status>, error_code, msg}`.

export const API_VERSION_HEADER = 'x-supabase-api-version';
const API_VERSION_2024 = '2024-01-01';

export class AuthError extends Error {
  readonly status: number;
  readonly code: string;
  /** Extra top-level fields GoTrue adds for some errors (weak_password). */
  readonly extra: Record<string, unknown>;
  /** OAuth-style errors (`{error, error_description}`), used by GoTrue for a missing refresh token. */
  readonly oauthError: string | undefined;

  constructor(
    status: number,
    code: string,
    message: string,
    extra: Record<string, unknown> = {},
    oauthError?: string,
  ) {
    super(message);
    this.status = status;
    this.code = code;
    this.extra = extra;
    this.oauthError = oauthError;
  }
}

export const badRequest = (code: string, message: string): AuthError => new AuthError(400, code, message);
export const unauthorized = (code: string, message: string): AuthError => new AuthError(401, code, message);
export const forbidden = (code: string, message: string): AuthError => new AuthError(403, code, message);
export const notFound = (code: string, message: string): AuthError => new AuthError(404, code, message);
export const unprocessable = (code: string, message: string): AuthError => new AuthError(422, code, message);
export const tooManyRequests = (code: string, message: string): AuthError =>
  new AuthError(429, code, message);
export const internalError = (message: string): AuthError =>
  new AuthError(500, 'unexpected_failure', message);

export function weakPassword(message: string, reasons: string[]): AuthError {
  return new AuthError(422, 'weak_password', message, { weak_password: { reasons } });
}

/** The API version the client asked for, normalised as GoTrue does; undefined = initial version. */
export function requestedApiVersion(header: string | undefined): string | undefined {
  if (!header || !/^\d{4}-\d{2}-\d{2}$/.test(header.trim())) return undefined;
  const asked = Date.parse(`${header.trim()}T00:00:00Z`);
  if (Number.isNaN(asked)) return undefined;
  return asked >= Date.parse(`${API_VERSION_2024}T00:00:00Z`) ? API_VERSION_2024 : undefined;
}

export interface ErrorReply {
  status: number;
  headers: Record<string, string>;
  body: Record<string, unknown>;
}

export function formatError(error: AuthError, apiVersion: string | undefined): ErrorReply {
  const headers: Record<string, string> = { 'x-sb-error-code': error.code };
  if (apiVersion) headers[API_VERSION_HEADER] = apiVersion;
  if (error.oauthError) {
    return {
      status: error.status,
      headers,
      body: { error: error.oauthError, error_description: error.message },
    };
  }
  const body = apiVersion
    ? { code: error.code, message: error.message, ...error.extra }
    : { code: error.status, error_code: error.code, msg: error.message, ...error.extra };
  return { status: error.status, headers, body };
}

/** Anything that is not an AuthError is a bug or an outage: GoTrue hides it behind a 500. */
export function toAuthError(error: unknown): AuthError {
  if (error instanceof AuthError) return error;
  return internalError('Unexpected failure, please check server logs for more information');
}
