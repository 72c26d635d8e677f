import { describe, expect, it } from 'vitest';
import { DEFAULT_LOCALE, isLocale, pickLocale } from './locale.ts';

describe('locale', () => {
  it('knows French and English only', () => {
    expect(isLocale('fr')).toBe(true);
    expect(isLocale('en')).toBe(true);
    expect(isLocale('de')).toBe(false);
    expect(isLocale('FR')).toBe(false);
    expect(isLocale(undefined)).toBe(false);
  });

  it('defaults to French', () => {
    expect(DEFAULT_LOCALE).toBe('fr');
    expect(pickLocale([])).toBe('fr');
    expect(pickLocale([null, undefined, 'de-DE'])).toBe('fr');
  });

  it('takes the first supported preference, matching on the primary subtag', () => {
    expect(pickLocale(['en-GB', 'fr'])).toBe('en');
    expect(pickLocale(['es', 'fr-CA', 'en'])).toBe('fr');
    expect(pickLocale([' EN_us '])).toBe('en');
  });
});
