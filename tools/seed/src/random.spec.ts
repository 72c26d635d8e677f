import { describe, expect, it } from 'vitest';
import { hash32, Random } from './random.ts';

const draws = (r: Random, n: number) => Array.from({ length: n }, () => r.next32());

describe('Random', () => {
  it('repeats the same sequence for the same seed and differs for another', () => {
    expect(draws(new Random(42), 100)).toEqual(draws(new Random(42), 100));
    expect(draws(new Random(42), 100)).not.toEqual(draws(new Random(43), 100));
  });

  it('gives forks their own reproducible streams, unaffected by draws on the parent', () => {
    const a = new Random(7);
    const b = new Random(7);
    draws(b, 10);
    expect(draws(a.fork('patients'), 20)).toEqual(draws(b.fork('patients'), 20));
    expect(draws(a.fork('patients'), 20)).not.toEqual(draws(a.fork('practitioners'), 20));
  });

  it('keeps int() inside its bounds and reaches both ends', () => {
    const r = new Random('bounds');
    const seen = new Set<number>();
    for (let i = 0; i < 5000; i++) {
      const x = r.int(3, 9);
      expect(x).toBeGreaterThanOrEqual(3);
      expect(x).toBeLessThanOrEqual(9);
      seen.add(x);
    }
    expect([...seen].sort()).toEqual([3, 4, 5, 6, 7, 8, 9]);
    expect(() => r.int(2, 1)).toThrow(RangeError);
  });

  it('draws floats in [0, 1) with a mean near one half', () => {
    const r = new Random('floats');
    const xs = Array.from({ length: 20000 }, () => r.float());
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
    expect(xs.reduce((a, b) => a + b, 0) / xs.length).toBeCloseTo(0.5, 1);
  });

  it('picks by weight', () => {
    const r = new Random('weights');
    let heavy = 0;
    for (let i = 0; i < 10000; i++)
      if (
        r.weighted([
          ['heavy', 9],
          ['light', 1],
        ] as const) === 'heavy'
      )
        heavy++;
    expect(heavy / 10000).toBeGreaterThan(0.87);
    expect(heavy / 10000).toBeLessThan(0.93);
  });

  it('samples distinct items', () => {
    const r = new Random('sample');
    const s = r.sample([1, 2, 3, 4, 5, 6], 4);
    expect(new Set(s).size).toBe(4);
    expect(r.sample([1, 2], 5).sort()).toEqual([1, 2]);
  });

  it('makes version-4 UUIDs that do not repeat', () => {
    const r = new Random('ids');
    const ids = Array.from({ length: 10000 }, () => r.uuid());
    for (const id of ids.slice(0, 100))
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('hashes strings stably', () => {
    expect(hash32('carebook')).toBe(hash32('carebook'));
    expect(hash32('carebook')).not.toBe(hash32('carebook', 1));
  });
});
