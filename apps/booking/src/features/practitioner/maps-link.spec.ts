import { describe, expect, it } from 'vitest';
import { languageNames, mapsUrl } from './maps-link.ts';

describe('the practice links and labels', () => {
  it('points the maps app at the coordinates when known, else the address', () => {
    const exact = new URL(mapsUrl('12 rue de la Paix, Paris', { lat: 48.8686, lng: 2.3314 }));
    expect(exact.origin + exact.pathname).toBe('https://www.google.com/maps/search/');
    expect(exact.searchParams.get('api')).toBe('1');
    expect(exact.searchParams.get('query')).toBe('48.8686,2.3314');
    expect(new URL(mapsUrl('12 rue de la Paix, Paris', null)).searchParams.get('query')).toBe(
      '12 rue de la Paix, Paris',
    );
  });

  it('names languages in the reader language and keeps unknown codes', () => {
    expect(languageNames(['fr', 'en'], 'fr')).toEqual(['français', 'anglais']);
    expect(languageNames(['fr'], 'en')).toEqual(['French']);
    expect(languageNames(['!!'], 'en')).toEqual(['!!']);
  });
});
