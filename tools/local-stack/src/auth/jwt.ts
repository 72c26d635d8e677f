// Access tokens as GoTrue mints them (HS256, same claim names and order), and their verification.
import { SignJWT, jwtVerify, errors as joseErrors, type JWTPayload } from 'jose';
import { forbidden, type AuthError } from './errors.ts';

export interface AmrEntry {
  method: string;
  timestamp: number;
}

export interface AccessTokenClaims {
  iss: string;
  sub: string;
  aud: string;
  exp: number;
  iat: number;
  email: string;
  phone: string;
  app_metadata: Record<string, unknown>;
  user_metadata: Record<string, unknown>;
  role: string;
  aal: string;
  amr: AmrEntry[];
  session_id: string;
  is_anonymous: boolean;
}

export interface ClaimsInput {
  issuer: string;
  user: {
    id: string;
    aud: string;
    role: string;
    email: string;
    phone: string;
    appMetadata: Record<string, unknown>;
    userMetadata: Record<string, unknown>;
    isAnonymous: boolean;
  };
  sessionId: string;
  amr: AmrEntry[];
  /** Seconds since the epoch. */
  issuedAt: number;
  expiresIn: number;
}

export function buildAccessClaims(input: ClaimsInput): AccessTokenClaims {
  const { user } = input;
  return {
    iss: input.issuer,
    sub: user.id,
    aud: user.aud,
    exp: input.issuedAt + input.expiresIn,
    iat: input.issuedAt,
    email: user.email,
    phone: user.phone,
    app_metadata: user.appMetadata,
    user_metadata: user.userMetadata,
    role: user.role,
    aal: 'aal1',
    // GoTrue lists the most recent authentication first.
    amr: [...input.amr].sort((a, b) => b.timestamp - a.timestamp),
    session_id: input.sessionId,
    is_anonymous: user.isAnonymous,
  };
}

function secretKey(secret: string): Uint8Array {
  return new TextEncoder().encode(secret);
}

export async function signJwt(claims: AccessTokenClaims, secret: string): Promise<string> {
  return new SignJWT({ ...claims }).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).sign(secretKey(secret));
}

/** GoTrue's wording for the reasons golang-jwt gives, so error messages read the same. */
function describe(error: unknown): string {
  if (error instanceof joseErrors.JWTExpired) return 'token has invalid claims: token is expired';
  if (error instanceof joseErrors.JWTClaimValidationFailed)
    return `token has invalid claims: ${error.message}`;
  if (error instanceof joseErrors.JWSSignatureVerificationFailed)
    return 'token signature is invalid: signature is invalid';
  if (error instanceof joseErrors.JOSEAlgNotAllowed)
    return 'token is unverifiable: signing method not allowed';
  return 'token is malformed: could not parse token';
}

/** Verifies signature and expiry; anything wrong is GoTrue's 403 bad_jwt. */
export async function verifyJwt(token: string, secret: string): Promise<JWTPayload> {
  try {
    const { payload } = await jwtVerify(token, secretKey(secret), { algorithms: ['HS256'] });
    return payload;
  } catch (error) {
    throw badJwt(`invalid JWT: unable to parse or verify signature, ${describe(error)}`);
  }
}

export function badJwt(message: string): AuthError {
  return forbidden('bad_jwt', message);
}
