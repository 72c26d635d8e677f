import { describe, expect, it } from 'vitest';
import { Random } from './random.ts';
import { adeliNumber, luhnCheckDigit, registrationNumber, rppsNumber } from './registration.ts';

/** Luhn written independently of the generator: double every second digit from the right. */
function luhnValid(number: string): boolean {
  const sum = [...number]
    .reverse()
    .map(Number)
    .reduce((acc, d, i) => acc + (i % 2 === 1 ? (d * 2 > 9 ? d * 2 - 9 : d * 2) : d), 0);
  return sum % 10 === 0;
}

describe('registration numbers', () => {
  it('computes the Luhn check digit of the textbook example', () => {
    expect(luhnCheckDigit('7992739871')).toBe(3);
    expect(luhnValid('79927398713')).toBe(true);
  });

  it('makes RPPS numbers of 11 digits starting with 10 whose last digit checks', () => {
    const rng = new Random('rpps');
    for (let i = 0; i < 2000; i++) {
      const n = rppsNumber(rng);
      expect(n).toMatch(/^10[0-9]{9}$/);
      expect(luhnValid(n)).toBe(true);
    }
  });

  it('breaks the check when one digit changes', () => {
    const n = rppsNumber(new Random('typo'));
    const typo = `${n.slice(0, 5)}${(Number(n[5]) + 1) % 10}${n.slice(6)}`;
    expect(luhnValid(typo)).toBe(false);
  });

  it('makes ADELI numbers of 9 digits: department, profession, sequence, key', () => {
    const rng = new Random('adeli');
    expect(adeliNumber(rng, 'psychologist', '69003')).toMatch(/^6993[0-9]{5}$/);
    expect(adeliNumber(rng, 'osteopath', '97200')).toMatch(/^97[0-9]{7}$/);
    expect(adeliNumber(rng, 'osteopath', '20000')).toMatch(/^20[0-9]{7}$/);
  });

  it('gives no number to professions without a registry', () => {
    expect(registrationNumber(new Random(1), 'none', 'sophrologist', '75011')).toBeNull();
  });
});
