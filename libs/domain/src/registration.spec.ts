import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isRegistry, rppsCheckDigit, validateRegistrationNumber } from './registration.ts';

// Worked out by hand with the Luhn rule (every second digit from the right doubled, 10+ minus 9):
//   1000000000 -> 1 + 0s = 1, check digit 9
//   1234567890 -> 0 + 9 + 7 + 7 + 3 + 5 + 8 + 3 + 4 + 1 = 47, check digit 3
//   1010101010 -> five 1s in undoubled positions = 5, check digit 5
const VALID_RPPS = ['10000000009', '12345678903', '10101010105'];

describe('rppsCheckDigit', () => {
  it('completes the first ten digits of known-valid numbers', () => {
    for (const rpps of VALID_RPPS) expect(rppsCheckDigit(rpps.slice(0, 10))).toBe(Number(rpps[10]));
  });

  it('gives 0 when the weighted sum is already a multiple of ten', () => {
    // 0000000000 sums to 0.
    expect(rppsCheckDigit('0000000000')).toBe(0);
  });

  it('makes any ten digits valid, and any single changed digit then fails', () => {
    const tenDigits = fc.stringMatching(/^[0-9]{10}$/);
    fc.assert(
      fc.property(tenDigits, fc.nat(10), fc.integer({ min: 1, max: 9 }), (firstTen, position, shift) => {
        const rpps = `${firstTen}${rppsCheckDigit(firstTen)}`;
        expect(validateRegistrationNumber('rpps', rpps).ok).toBe(true);
        const changed = (Number(rpps[position]) + shift) % 10;
        const typo = `${rpps.slice(0, position)}${changed}${rpps.slice(position + 1)}`;
        expect(validateRegistrationNumber('rpps', typo)).toMatchObject({
          ok: false,
          issue: 'bad_check_digit',
        });
      }),
    );
  });

  it('refuses anything but ten digits', () => {
    for (const bad of ['123456789', '12345678901', '12345a7890', ''])
      expect(() => rppsCheckDigit(bad)).toThrow(RangeError);
  });
});

describe('validateRegistrationNumber', () => {
  it('accepts valid RPPS numbers', () => {
    for (const rpps of VALID_RPPS)
      expect(validateRegistrationNumber('rpps', rpps)).toEqual({ ok: true, registry: 'rpps', value: rpps });
  });

  it('refuses an RPPS number whose check digit is wrong, or with two digits swapped', () => {
    expect(validateRegistrationNumber('rpps', '10000000008')).toEqual({
      ok: false,
      registry: 'rpps',
      issue: 'bad_check_digit',
    });
    // Luhn catches the swap of two adjacent different digits (here 2 and 3).
    expect(validateRegistrationNumber('rpps', '13245678903')).toMatchObject({
      ok: false,
      issue: 'bad_check_digit',
    });
  });

  it('strips spaces, including the non-breaking ones of French number formatting', () => {
    expect(validateRegistrationNumber('rpps', ' 123 456 789 03 ')).toEqual({
      ok: true,
      registry: 'rpps',
      value: '12345678903',
    });
    expect(validateRegistrationNumber('rpps', '123\u00a0456\u202f789\t03')).toMatchObject({
      ok: true,
      value: '12345678903',
    });
    expect(validateRegistrationNumber('adeli', '75 1234 567')).toEqual({
      ok: true,
      registry: 'adeli',
      value: '751234567',
    });
  });

  it('says which rule an RPPS or ADELI number breaks', () => {
    expect(validateRegistrationNumber('rpps', '  ')).toMatchObject({ ok: false, issue: 'required' });
    expect(validateRegistrationNumber('adeli', '')).toMatchObject({ ok: false, issue: 'required' });
    expect(validateRegistrationNumber('rpps', '1234567890X')).toMatchObject({
      ok: false,
      issue: 'not_digits',
    });
    expect(validateRegistrationNumber('adeli', '75-123-456')).toMatchObject({
      ok: false,
      issue: 'not_digits',
    });
    // Only ASCII digits: the database's [0-9] would refuse Arabic-Indic ones too.
    expect(validateRegistrationNumber('adeli', '٧٥١٢٣٤٥٦٧')).toMatchObject({
      ok: false,
      issue: 'not_digits',
    });
    expect(validateRegistrationNumber('rpps', '1000000009')).toMatchObject({
      ok: false,
      issue: 'wrong_length',
    });
    expect(validateRegistrationNumber('rpps', '751234567')).toMatchObject({
      ok: false,
      issue: 'wrong_length',
    });
    expect(validateRegistrationNumber('adeli', '10000000009')).toMatchObject({
      ok: false,
      issue: 'wrong_length',
    });
  });

  it('has no check digit for ADELI: any nine digits pass', () => {
    for (const adeli of ['000000000', '751234567', '999999999'])
      expect(validateRegistrationNumber('adeli', adeli)).toEqual({
        ok: true,
        registry: 'adeli',
        value: adeli,
      });
  });

  it('checks nothing for professions without a registry', () => {
    expect(validateRegistrationNumber('none', '')).toEqual({ ok: true, registry: 'none', value: '' });
    expect(validateRegistrationNumber('none', 'anything 12')).toEqual({
      ok: true,
      registry: 'none',
      value: 'anything12',
    });
  });
});

describe('isRegistry', () => {
  it('knows the three registries and nothing else', () => {
    expect(['rpps', 'adeli', 'none'].every(isRegistry)).toBe(true);
    expect([undefined, 'RPPS', 'finess', 3].some(isRegistry)).toBe(false);
  });
});
