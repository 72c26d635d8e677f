// Signed object URLs: Storage signs {url: "<bucket>/<key>", scope} into an HS256 JWT with the
// project's JWT secret, and the token alone later grants that one action on that one object.
import { SignJWT, jwtVerify, errors as joseErrors } from 'jose';
import { errors } from './errors.ts';

export type TokenScope = 'download' | 'upload';

export interface DownloadToken {
  url: string;
  scope: 'download';
  exp: number;
}

export interface UploadToken {
  url: string;
  scope: 'upload';
  owner?: string;
  upsert: boolean;
  exp: number;
}

const secretKey = (secret: string) => new TextEncoder().encode(secret);

/** Validates `expiresIn` like Storage: a positive whole number of seconds. */
export function assertExpiresIn(expiresIn: unknown): asserts expiresIn is number {
  if (typeof expiresIn !== 'number' || !Number.isInteger(expiresIn) || expiresIn < 1) {
    throw errors.invalidParameter('expiresIn', 'expiresIn must be a positive integer');
  }
}

export async function signToken(
  secret: string,
  claims: { url: string; scope: TokenScope; owner?: string; upsert?: boolean },
  expiresIn: number,
  now = Math.floor(Date.now() / 1000),
): Promise<string> {
  return new SignJWT({ ...claims })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuedAt(now)
    .setExpirationTime(now + expiresIn)
    .sign(secretKey(secret));
}

async function verify(secret: string, token: string, now?: number): Promise<Record<string, unknown>> {
  try {
    const { payload } = await jwtVerify(token, secretKey(secret), {
      algorithms: ['HS256'],
      ...(now === undefined ? {} : { currentDate: new Date(now * 1000) }),
    });
    return payload;
  } catch (err) {
    if (err instanceof joseErrors.JOSEError) throw errors.invalidJwt(err.message);
    throw err;
  }
}

/** Checks signature, expiry, scope and that the token names exactly this object. */
export async function verifyToken(
  secret: string,
  token: string,
  bucket: string,
  key: string,
  scope: 'download',
  now?: number,
): Promise<DownloadToken>;
export async function verifyToken(
  secret: string,
  token: string,
  bucket: string,
  key: string,
  scope: 'upload',
  now?: number,
): Promise<UploadToken>;
export async function verifyToken(
  secret: string,
  token: string,
  bucket: string,
  key: string,
  scope: TokenScope,
  now?: number,
): Promise<DownloadToken | UploadToken> {
  const payload = await verify(secret, token, now);
  if (payload.scope !== scope) throw errors.invalidSignature(`Token is not scoped for ${scope}`);
  if (payload.url !== `${bucket}/${key}`) throw errors.invalidSignature();
  if (typeof payload.exp !== 'number') throw errors.invalidJwt('Token has no expiry');
  if (scope === 'upload') {
    return {
      url: payload.url,
      scope,
      upsert: payload.upsert === true,
      exp: payload.exp,
      ...(typeof payload.owner === 'string' ? { owner: payload.owner } : {}),
    };
  }
  return { url: payload.url, scope, exp: payload.exp };
}
