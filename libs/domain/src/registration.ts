// National registration numbers of practitioners. Each profession names its registry: RPPS
// numbers have 11 digits and a Luhn check digit, ADELI numbers 9 digits, and professions without
// a registry have nothing to check. The database applies the same rule
// (private.is_valid_registration); a test keeps both in agreement.

import { REGISTRIES, isOneOf, type Registry } from './enums.ts';

export const RPPS_LENGTH = 11;
export const ADELI_LENGTH = 9;

export type RegistrationIssue = 'required' | 'not_digits' | 'wrong_length' | 'bad_check_digit';

export type RegistrationCheck =
  | { ok: true; registry: Registry; value: string }
  | { ok: false; registry: Registry; issue: RegistrationIssue };

export function isRegistry(value: unknown): value is Registry {
  return isOneOf(REGISTRIES, value);
}

/** Sum of the Luhn weights of `digits`, the rightmost digit counting as position 1 (not doubled). */
function luhnSum(digits: string): number {
  let total = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    total += digit;
  }
  return total;
}

/** The check digit that completes the first ten digits of an RPPS number. */
export function rppsCheckDigit(firstTen: string): number {
  if (!/^[0-9]{10}$/.test(firstTen)) {
    throw new RangeError(`rppsCheckDigit needs exactly 10 digits, got "${firstTen}"`);
  }
  // Appending 0 puts the first ten in the positions they take in the full number.
  return (10 - (luhnSum(`${firstTen}0`) % 10)) % 10;
}

/**
 * Checks a registration number as a person types it: spaces (including the non-breaking ones
 * French formatting uses) are removed, and the cleaned number is what should be stored.
 */
export function validateRegistrationNumber(registry: Registry, input: string): RegistrationCheck {
  const value = input.replace(/\s+/g, '');
  // A profession without a registry has no number to check; the form does not ask for one.
  if (registry === 'none') return { ok: true, registry, value };
  if (value === '') return { ok: false, registry, issue: 'required' };
  if (!/^[0-9]+$/.test(value)) return { ok: false, registry, issue: 'not_digits' };
  const length = registry === 'rpps' ? RPPS_LENGTH : ADELI_LENGTH;
  if (value.length !== length) return { ok: false, registry, issue: 'wrong_length' };
  if (registry === 'rpps' && luhnSum(value) % 10 !== 0)
    return { ok: false, registry, issue: 'bad_check_digit' };
  return { ok: true, registry, value };
}
