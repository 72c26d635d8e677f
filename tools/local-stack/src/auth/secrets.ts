// Random values the auth server hands out: refresh tokens, e-mail codes and their hashes.
import { createHash, randomBytes, randomInt } from 'node:crypto';

const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';

/** GoTrue's legacy refresh-token format: 12 lowercase base32 characters (60 random bits). */
export function newRefreshToken(): string {
  const bytes = randomBytes(12);
  let out = '';
  for (const byte of bytes) out += BASE32[byte & 31];
  return out;
}

/** A numeric one-time code of the given length, leading zeros allowed. */
export function newOtp(length: number): string {
  let out = '';
  for (let i = 0; i < length; i += 1) out += String(randomInt(10));
  return out;
}

/**
 * What GoTrue stores and puts in e-mail links instead of the code itself: hex SHA-224 of the
 * address followed by the code, so `verifyOtp({email, token})` and the link meet in one value.
 */
export function otpHash(emailOrPhone: string, otp: string): string {
  return createHash('sha224')
    .update(emailOrPhone + otp)
    .digest('hex');
}

/** An unguessable password for accounts created without one (magic-link sign-up, admin create). */
export function newRandomPassword(): string {
  return randomBytes(32).toString('base64url');
}

/** PKCE: what a code verifier must hash to for the `s256` challenge method. */
export function s256Challenge(verifier: string): string {
  return createHash('sha256').update(verifier).digest('base64url');
}
