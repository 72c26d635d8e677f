// Password hashing and strength rules as GoTrue applies them.
import { checkPasswordStrength } from '@carebook/domain/password-strength';
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

/** GoTrue's words for a password its leaked-password check (HaveIBeenPwned) refuses. */
const GUESSABLE = 'Password is known to be weak and easy to guess, please choose a different one.';

/** GoTrue's own rules: the length, in UTF-8 bytes as Go's len() counts them. */
export function lengthProblem(password: string, minLength: number): AuthError | undefined {
  const bytes = Buffer.byteLength(password, 'utf8');
  if (bytes > MAX_PASSWORD_BYTES) {
    return badRequest('validation_failed', `Password cannot be longer than ${MAX_PASSWORD_BYTES} characters`);
  }
  if (bytes < minLength) {
    return weakPassword(`Password should be at least ${minLength} characters.`, ['length']);
  }
  return undefined;
}

/**
 * The error for a new password, or undefined when it is acceptable. Beyond GoTrue's length rule,
 * a guessable password (libs/domain's dictionary check) is refused with the reason hosted GoTrue
 * gives leaked ones, `pwned`; `related` are the account's e-mail and name. Tens of milliseconds of
 * CPU: for passwords being set, not for every sign-in.
 */
export function passwordProblem(
  password: string,
  minLength: number,
  related: readonly string[] = [],
): AuthError | undefined {
  const problem = lengthProblem(password, minLength);
  if (problem) return problem;
  if (!checkPasswordStrength(password, related).ok) return weakPassword(GUESSABLE, ['pwned']);
  return undefined;
}
