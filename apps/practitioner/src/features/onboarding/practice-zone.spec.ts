import { describe, expect, it } from 'vitest';
import { practiceZone } from './practice-zone.ts';

const at = (countryCode: string | null, postcode: string | null = null) =>
  practiceZone({ countryCode, postcode });

describe('practiceZone', () => {
  it('gives mainland France and Corsica Paris time', () => {
    expect(at('FR', '69001')).toBe('Europe/Paris');
    expect(at('FR')).toBe('Europe/Paris');
    expect(at(null, '20000')).toBe('Europe/Paris');
  });

  it('gives each overseas department its own zone, by region code or else by postcode', () => {
    expect(at('GP')).toBe('America/Guadeloupe');
    expect(at('mq')).toBe('America/Martinique');
    expect(at('GF')).toBe('America/Cayenne');
    expect(at('RE')).toBe('Indian/Reunion');
    expect(at('YT')).toBe('Indian/Mayotte');
    expect(at(null, '97 400')).toBe('Indian/Reunion');
    expect(at(null, '97200')).toBe('America/Martinique');
  });

  it('guesses nothing abroad or without a country or a French postcode', () => {
    expect(at('BE', '1000')).toBeNull();
    expect(at(null)).toBeNull();
    expect(at(null, 'SW1A 1AA')).toBeNull();
  });
});
