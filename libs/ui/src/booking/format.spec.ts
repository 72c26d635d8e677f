import { describe, expect, it } from 'vitest';
import { formatMoney } from '../format/format.ts';
import { formatDayHead, formatLongDate, formatTime, formatZoneName } from './format.ts';

describe('formatting per language and zone', () => {
  it('writes prices as each language does', () => {
    expect(formatMoney(6000, 'EUR', 'fr').replace(/\s/g, ' ')).toBe('60,00 €');
    expect(formatMoney(6050, 'EUR', 'en')).toBe('€60.50');
  });

  it('reads dates and times in the zone given, not the machine one', () => {
    const at = '2027-01-04T23:30:00Z';
    expect(formatLongDate(at, 'Europe/Paris', 'fr')).toBe('mardi 5 janvier 2027');
    expect(formatLongDate(at, 'America/New_York', 'en')).toBe('Monday, 4 January 2027');
    expect(formatTime(at, 'Europe/Paris', 'fr')).toBe('00:30');
    expect(formatTime(at, 'America/New_York', 'en')).toBe('18:30');
  });

  it('labels grid columns and names zones', () => {
    expect(formatDayHead('2027-01-04', 'fr').long).toBe('lundi 4 janvier');
    expect(formatDayHead('2027-01-04', 'en').weekday).toBe('Mon');
    expect(formatZoneName('Europe/Paris', 'en')).toContain('(Europe/Paris)');
  });
});
