import { describe, expect, it } from 'vitest';
import { CITIES, distanceKm, insideFrance, pickCity, placeIn } from './cities.ts';
import { Random } from './random.ts';

describe('cities', () => {
  it('lists about sixty distinct cities, with valid postcodes and IANA time zones', () => {
    expect(CITIES.length).toBeGreaterThanOrEqual(60);
    expect(new Set(CITIES.map((c) => c.name)).size).toBe(CITIES.length);
    for (const c of CITIES) {
      for (const p of c.postcodes) expect(p, c.name).toMatch(/^[0-9]{5}$/);
      // Throws a RangeError for a name the time-zone database does not know.
      expect(() => new Intl.DateTimeFormat('fr', { timeZone: c.timeZone }), c.timeZone).not.toThrow();
    }
    expect(new Set(CITIES.map((c) => c.timeZone))).toEqual(
      new Set(['Europe/Paris', 'America/Martinique', 'Indian/Reunion']),
    );
  });

  it('has every centre inside France', () => {
    for (const c of CITIES) expect(insideFrance(c.lat, c.lng), c.name).toBe(true);
  });

  it('spreads places within the city radius and inside France', () => {
    const rng = new Random('places');
    for (const c of CITIES) {
      for (let i = 0; i < 200; i++) {
        const p = placeIn(rng, c);
        expect(distanceKm(c.lat, c.lng, p.lat, p.lng), c.name).toBeLessThanOrEqual(c.radiusKm + 0.01);
        expect(insideFrance(p.lat, p.lng), c.name).toBe(true);
        expect(c.postcodes).toContain(p.postcode);
      }
    }
  });

  it('places more practitioners in Paris than in a small town', () => {
    const rng = new Random('weights');
    const counts = new Map<string, number>();
    for (let i = 0; i < 5000; i++) {
      const c = pickCity(rng);
      counts.set(c.name, (counts.get(c.name) ?? 0) + 1);
    }
    expect(counts.get('Paris') ?? 0).toBeGreaterThan((counts.get('Biarritz') ?? 0) * 10);
  });

  it('rejects points outside France', () => {
    expect(insideFrance(51.5072, -0.1276)).toBe(false); // London
    expect(insideFrance(40.4168, -3.7038)).toBe(false); // Madrid
  });
});
