import { describe, expect, it } from 'vitest';
import { formatCompactPrice, formatDistance, formatPriceRange } from './format-price.ts';
import { formatSlotDay, formatSlotTime, zoneCity } from './format-slot.ts';

// Intl separates French amounts and units with narrow no-break spaces: compare with plain ones.
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('prices and distances', () => {
  it('reads an amount per locale, without decimals when whole', () => {
    expect(plain(formatCompactPrice('fr', 5000, 'EUR'))).toBe('50 €');
    expect(formatCompactPrice('en', 5000, 'EUR')).toBe('€50');
    expect(plain(formatCompactPrice('fr', 5250, 'EUR'))).toBe('52,50 €');
  });

  it('gives a range, or one price when both ends agree', () => {
    expect(plain(formatPriceRange('fr', 5000, 8000, 'EUR'))).toMatch(/^50\s?–\s?80 €$/);
    expect(formatPriceRange('en', 5000, 8000, 'EUR')).toMatch(/^€50\s?–\s?€?80$/);
    expect(plain(formatPriceRange('fr', 6000, 6000, 'EUR'))).toBe('60 €');
  });

  it('says metres under a kilometre, one decimal under ten', () => {
    expect(plain(formatDistance('fr', 0.43))).toBe('430 m');
    expect(plain(formatDistance('fr', 2.46))).toBe('2,5 km');
    expect(formatDistance('en', 12.6)).toBe('13 km');
  });
});

describe('slot times', () => {
  // 08:30 UTC on a winter Monday is 09:30 in Paris and 03:30 in New York.
  const at = '2026-12-07T08:30:00.000Z';

  it('shows the time in the zone it is given, not the browser’s', () => {
    expect(formatSlotTime('fr', at, 'Europe/Paris')).toBe('09:30');
    expect(formatSlotTime('en', at, 'America/New_York')).toBe('3:30 AM');
    expect(formatSlotDay('fr', at, 'Europe/Paris')).toBe('lun. 7 déc.');
    expect(formatSlotDay('en', at, 'Europe/Paris')).toBe('Mon, Dec 7');
  });

  it('names the zone by its city', () => {
    expect(zoneCity('Europe/Paris')).toBe('Paris');
    expect(zoneCity('America/Argentina/Buenos_Aires')).toBe('Buenos Aires');
  });
});
