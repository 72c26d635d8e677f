// Registration numbers the database accepts (or must refuse), computed here independently of
// the database's own check so that a test of that check means something.
import { randomInt } from 'node:crypto';

/** The Luhn check digit that completes `digits`. */
export function luhnCheckDigit(digits: string): number {
  let total = 0;
  // From the right, the digit next to the future check digit is doubled, then every other one.
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    total += d;
  }
  return (10 - (total % 10)) % 10;
}

/** A random RPPS number: 11 digits, the last one the Luhn check digit of the first ten. */
export function validRpps(): string {
  const firstTen = `1${String(randomInt(1_000_000_000)).padStart(9, '0')}`;
  return `${firstTen}${luhnCheckDigit(firstTen)}`;
}

/** The same kind of number with a wrong check digit. */
export function invalidRpps(): string {
  const valid = validRpps();
  return `${valid.slice(0, 10)}${(Number(valid[10]) + 1) % 10}`;
}

/** A random ADELI number (9 digits). */
export const validAdeli = (): string => String(randomInt(100_000_000, 1_000_000_000));

/** A number the given registry accepts, or null for professions without a registry. */
export function registrationNumberFor(registry: string): string | null {
  if (registry === 'adeli') return validAdeli();
  return registry === 'rpps' ? validRpps() : null;
}
