// Password hashing and strength rules as GoTrue applies them.
import bcrypt from 'bcryptjs';
import { badRequest, weakPassword, type AuthError } from './errors.ts';

// bcrypt only reads the first 72 bytes, so GoTrue refuses longer passwords outright.
const MAX_PASSWORD_BYTES = 72;
const BCRYPT_COST = 10;

/** A `$2a$` hash, the variant Go's bcrypt (and so hosted GoTrue) writes; bcryptjs verifies both. */
export async function hashPassword(password: string): Promise<string> {
  const salt = (await bcrypt.genSalt(BCRYPT_COST)).replace(/^\$2b\$/, '$2a$');
  return bcrypt.hash(password, salt);
}

export async function verifyPassword(password: string, hash: string | null | undefined): Promise<boolean> {
  if (!hash) return false;
  try {
    return await bcrypt.compare(password, hash);
  } catch {
    // A malformed stored hash can never match.
    return false;
  }
}

export function isBcryptHash(value: string): boolean {
  return /^\$2[aby]\$\d{2}\$[./A-Za-z0-9]{53}$/.test(value);
}

/** The error GoTrue returns for this password, or undefined when it is acceptable. */
export function passwordProblem(password: string, minLength: number): AuthError | undefined {
  // Go's len() counts bytes, so both limits are in UTF-8 bytes.
  const bytes = Buffer.byteLength(password, 'utf8');
  if (bytes > MAX_PASSWORD_BYTES) {
    return badRequest('validation_failed', `Password cannot be longer than ${MAX_PASSWORD_BYTES} characters`);
  }
  if (bytes < minLength) {
    return weakPassword(`Password should be at least ${minLength} characters.`, ['length']);
  }
  return undefined;
}
