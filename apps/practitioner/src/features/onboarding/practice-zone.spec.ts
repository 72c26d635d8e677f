import { describe, expect, it } from 'vitest';
import { zoneForPostcode } from './practice-zone.ts';

describe('zoneForPostcode', () => {
  it('gives mainland France and Corsica Paris time', () => {
    expect(zoneForPostcode('69001')).toBe('Europe/Paris');
    expect(zoneForPostcode('20000')).toBe('Europe/Paris');
  });

  it('gives each overseas department its own zone', () => {
    expect(zoneForPostcode('97110')).toBe('America/Guadeloupe');
    expect(zoneForPostcode('97200')).toBe('America/Martinique');
    expect(zoneForPostcode('97300')).toBe('America/Cayenne');
    expect(zoneForPostcode('97 400')).toBe('Indian/Reunion');
    expect(zoneForPostcode('97600')).toBe('Indian/Mayotte');
  });

  it('guesses nothing without a French postcode', () => {
    expect(zoneForPostcode(null)).toBeNull();
    expect(zoneForPostcode('')).toBeNull();
    expect(zoneForPostcode('SW1A 1AA')).toBeNull();
  });
});
