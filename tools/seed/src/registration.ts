// Registration numbers that the database accepts and that look like real ones: RPPS numbers are
// 11 digits whose last is a Luhn check digit; ADELI numbers are 9 digits (department, profession,
// sequence, key). Generated here only; the database function is what validates them.
import type { Registry } from '@carebook/domain';
import type { Random } from './random.ts';

export type { Registry };

/** The digit that makes `payload + digit` pass the Luhn check. */
export function luhnCheckDigit(payload: string): number {
  if (!/^[0-9]+$/.test(payload)) throw new Error(`Luhn payload must be digits, got "${payload}"`);
  let sum = 0;
  // Counted from the right of the full number, the payload's last digit is the 2nd: doubled.
  for (let i = 0; i < payload.length; i++) {
    let d = Number(payload[payload.length - 1 - i]);
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

/** RPPS numbers issued so far start with 10. */
export function rppsNumber(rng: Random): string {
  const payload = `10${rng.digits(8)}`;
  return `${payload}${luhnCheckDigit(payload)}`;
}

// 93 is the psychologists' ADELI profession code; the others get a stable two-digit stand-in.
const ADELI_PROFESSION_CODES: Record<string, string> = { psychologist: '93' };

function adeliProfessionCode(profession: string): string {
  const known = ADELI_PROFESSION_CODES[profession];
  if (known) return known;
  let h = 0;
  for (const ch of profession) h = (h * 31 + ch.charCodeAt(0)) % 89;
  return String(10 + h);
}

/** Department of a postcode as ADELI numbers write it (Corsica's 2A/2B as 20, overseas as 97). */
export function departmentOf(postcode: string): string {
  return postcode.slice(0, 2);
}

export function adeliNumber(rng: Random, profession: string, postcode: string): string {
  return `${departmentOf(postcode)}${adeliProfessionCode(profession)}${rng.digits(4)}${rng.digits(1)}`;
}

export function registrationNumber(
  rng: Random,
  registry: Registry,
  profession: string,
  postcode: string,
): string | null {
  if (registry === 'rpps') return rppsNumber(rng);
  if (registry === 'adeli') return adeliNumber(rng, profession, postcode);
  return null;
}
