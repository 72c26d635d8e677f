import { describe, expect, it } from 'vitest';
import {
  invalidRpps,
  luhnCheckDigit,
  registrationNumberFor,
  validAdeli,
  validRpps,
} from './registration-numbers.ts';

describe('registration numbers', () => {
  it('computes the Luhn check digit of the textbook example', () => {
    // 79927398713 is the usual worked example of the Luhn algorithm.
    expect(luhnCheckDigit('7992739871')).toBe(3);
    expect(luhnCheckDigit('0')).toBe(0);
  });

  it('makes RPPS numbers whose last digit checks, and ones whose last digit does not', () => {
    for (let i = 0; i < 50; i++) {
      const good = validRpps();
      expect(good).toMatch(/^\d{11}$/);
      expect(luhnCheckDigit(good.slice(0, 10))).toBe(Number(good[10]));
      const bad = invalidRpps();
      expect(luhnCheckDigit(bad.slice(0, 10))).not.toBe(Number(bad[10]));
    }
  });

  it('makes nine-digit ADELI numbers and picks by registry', () => {
    expect(validAdeli()).toMatch(/^\d{9}$/);
    expect(registrationNumberFor('rpps')).toMatch(/^\d{11}$/);
    expect(registrationNumberFor('adeli')).toMatch(/^\d{9}$/);
    expect(registrationNumberFor('none')).toBeNull();
  });
});
