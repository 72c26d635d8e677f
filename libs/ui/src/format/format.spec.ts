import { describe, expect, it } from 'vitest';
import { formatDateTime, formatDay, formatMoney, pluralForm } from './format.ts';

describe('format', () => {
  it('writes money per locale', () => {
    expect(formatMoney(4900, 'EUR', 'fr').replace(/\s/g, ' ')).toBe('49,00 €');
    expect(formatMoney(49000, 'EUR', 'en')).toBe('€490.00');
  });

  it('writes the day in the zone given, naming it', () => {
    // 23:30 UTC is already the next day in Paris.
    expect(formatDay('2027-01-14T23:30:00Z', 'fr', 'Europe/Paris')).toBe('15 janvier 2027 (Europe/Paris)');
    expect(formatDay('2027-01-14T23:30:00Z', 'en', 'UTC')).toBe('14 January 2027 (UTC)');
  });

  it('writes an instant with its time and zone', () => {
    expect(formatDateTime('2027-01-04T08:00:00Z', 'fr', 'Europe/Paris')).toBe(
      'lundi 4 janvier 2027 à 09:00 (Europe/Paris)',
    );
  });

  it('follows French plural rules: 0 and 1 are singular', () => {
    expect([0, 1, 2, 14].map((n) => pluralForm(n, 'fr'))).toEqual(['one', 'one', 'other', 'other']);
    expect([0, 1, 2].map((n) => pluralForm(n, 'en'))).toEqual(['other', 'one', 'other']);
  });
});
