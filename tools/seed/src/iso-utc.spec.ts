import { describe, expect, it } from 'vitest';
import { isoUtc } from './iso-utc.ts';

// Time-zone arithmetic is tested in libs/domain/src/time-zone.spec.ts.
describe('isoUtc', () => {
  it('formats exactly like Date#toISOString', () => {
    const samples = [
      0,
      1,
      999,
      60_000,
      Date.parse('2026-03-29T01:00:00Z'),
      Date.parse('2026-12-31T23:59:59.999Z'),
    ];
    for (let i = 0; i < 2000; i++) samples.push(Date.parse('2026-01-01T00:00:00Z') + i * 7_919_993);
    for (const ms of samples) expect(isoUtc(ms)).toBe(new Date(ms).toISOString());
  });
});
