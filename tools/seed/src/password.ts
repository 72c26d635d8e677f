// One bcrypt hash shared by every seeded user: hashing 32,000 passwords at cost 10 would take
// minutes, and they all sign in with the same demo password anyway. The salt comes from the
// seed, so that the stored rows are as reproducible as the rest of the data.
import bcrypt from 'bcryptjs';
import type { Random } from './random.ts';

const BCRYPT_COST = 10;
const SALT_ALPHABET = './ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** A `$2a$` hash, the variant GoTrue writes, with a salt drawn from `rng`. */
export function sharedPasswordHash(password: string, rng: Random): string {
  let salt = `$2a$${BCRYPT_COST}$`;
  for (let i = 0; i < 22; i++) salt += SALT_ALPHABET[rng.int(0, SALT_ALPHABET.length - 1)];
  return bcrypt.hashSync(password, salt);
}
