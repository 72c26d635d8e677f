// POST /verify (supabase-js verifyOtp) answers with a session; GET /verify is the link in the
// e-mail: it redirects to redirect_to with the session (or the error) in the URL fragment, or with
// `?code=` for PKCE, exactly where supabase-js's detectSessionInUrl looks.
import type { AuthContext } from '../context.ts';
import { inTransaction } from '../db.ts';
import { AuthError, badRequest, toAuthError } from '../errors.ts';
import { throttle } from '../guards.ts';
import { jsonReply, redirectReply, str, type AuthReply, type AuthRequest } from '../http.ts';
import { startSession } from '../issue-session.ts';
import { issueAuthCode } from '../pkce.ts';
import { requestRedirect } from '../redirect.ts';
import type { SessionJson } from '../user-json.ts';
import { validateEmail } from '../validate-email.ts';
import {
  EMAIL_VERIFY_TYPES,
  PKCE_METHOD,
  recordWrongCode,
  verifyEmailToken,
  type EmailVerifyType,
  type VerifyParams,
} from '../verify-token.ts';

const HALF_CONFIRMED = 'Confirmation link accepted. Please proceed to confirm link sent to the other email';
const PHONE_TYPES = new Set(['sms', 'phone_change']);

function verifyType(raw: string): EmailVerifyType {
  if (raw === '') throw badRequest('validation_failed', 'Verify requires a verification type');
  if (PHONE_TYPES.has(raw))
    throw badRequest('phone_provider_disabled', 'Phone verification is not available');
  if (!(EMAIL_VERIFY_TYPES as readonly string[]).includes(raw)) {
    throw badRequest('validation_failed', 'Unsupported verification type');
  }
  return raw as EmailVerifyType;
}

export async function handleVerifyPost(ctx: AuthContext, req: AuthRequest): Promise<AuthReply> {
  throttle(ctx.perAddress.verify, req);
  const body = await req.json();
  const type = verifyType(str(body, 'type'));
  const token = str(body, 'token');
  const tokenHash = str(body, 'token_hash');
  const email = str(body, 'email');
  if ((token === '') === (tokenHash === '')) {
    throw badRequest('validation_failed', 'Verify requires either a token or a token hash');
  }
  let params: VerifyParams;
  if (token !== '') {
    if (str(body, 'phone') !== '')
      throw badRequest('phone_provider_disabled', 'Phone verification is not available');
    if (email === '') {
      throw badRequest(
        'validation_failed',
        'Only an email address or phone number should be provided on verify',
      );
    }
    params = { type, email: validateEmail(email), token };
  } else {
    if (email !== '' || str(body, 'phone') !== '' || str(body, 'redirect_to') !== '') {
      throw badRequest('validation_failed', 'Only the token_hash and type should be provided');
    }
    params = { type, tokenHash };
  }
  try {
    const result = await inTransaction(ctx.pool, async (tx) => {
      const outcome = await verifyEmailToken(tx, ctx, params);
      if (outcome.kind === 'half-confirmed') return { msg: HALF_CONFIRMED, code: '200' };
      return startSession(tx, ctx, outcome.user, 'otp', { ip: req.ip, userAgent: req.userAgent });
    });
    return jsonReply(result);
  } catch (error) {
    if (params.email && error instanceof AuthError && error.code === 'otp_expired') {
      await recordWrongCode(ctx, params.email);
    }
    throw error;
  }
}

/** GoTrue's `error` names for statuses, used in error redirects. */
const OAUTH_ERROR: Record<number, string> = {
  400: 'invalid_request',
  401: 'unauthorized_client',
  403: 'access_denied',
  500: 'server_error',
  503: 'temporarily_unavailable',
};

/** Sorted keys and `+` for spaces, as Go's url.Values.Encode writes them. */
function encodeSorted(values: Record<string, string>): string {
  const params = new URLSearchParams();
  for (const key of Object.keys(values).sort()) params.set(key, values[key] ?? '');
  return params.toString();
}

function sessionFragment(session: SessionJson, type: string): string {
  return encodeSorted({
    access_token: session.access_token,
    expires_at: String(session.expires_at),
    expires_in: String(session.expires_in),
    refresh_token: session.refresh_token,
    sb: '',
    token_type: session.token_type,
    type,
  });
}

function errorRedirect(target: string, error: AuthError, pkce: boolean): string {
  const url = new URL(target);
  const values: Record<string, string> = { error_code: error.code, error_description: error.message };
  const name = OAUTH_ERROR[error.status];
  if (name) values.error = name;
  if (pkce) for (const [k, v] of Object.entries(values)) url.searchParams.set(k, v);
  url.hash = encodeSorted({ ...values, sb: '' });
  return url.toString();
}

export async function handleVerifyGet(ctx: AuthContext, req: AuthRequest): Promise<AuthReply> {
  throttle(ctx.perAddress.verify, req);
  const type = verifyType(req.query.get('type') ?? '');
  const token = req.query.get('token') ?? '';
  if (token === '') throw badRequest('validation_failed', 'Verify requires a token or a token hash');
  const target = requestRedirect(req, ctx.settings);
  const pkce = token.startsWith('pkce_');
  try {
    const location = await inTransaction(ctx.pool, async (tx) => {
      const outcome = await verifyEmailToken(tx, ctx, { type, tokenHash: token });
      if (outcome.kind === 'half-confirmed') {
        const url = new URL(target);
        if (pkce) url.searchParams.set('message', HALF_CONFIRMED);
        url.hash = encodeSorted({ message: HALF_CONFIRMED, sb: '' });
        return url.toString();
      }
      if (outcome.pkce) {
        const url = new URL(target);
        url.searchParams.set('code', await issueAuthCode(tx, outcome.user.id, PKCE_METHOD[outcome.type]));
        return url.toString();
      }
      const session = await startSession(tx, ctx, outcome.user, 'otp', {
        ip: req.ip,
        userAgent: req.userAgent,
      });
      return `${target}#${sessionFragment(session, outcome.type)}`;
    });
    return redirectReply(location);
  } catch (error) {
    const authError = toAuthError(error);
    if (authError.status >= 500)
      ctx.log(`auth: GET /verify failed: ${(error as Error).stack ?? String(error)}`);
    return redirectReply(errorRedirect(target, authError, pkce));
  }
}
