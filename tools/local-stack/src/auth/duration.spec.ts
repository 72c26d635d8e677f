import { describe, expect, it } from 'vitest';
import { parseGoDuration } from './duration.ts';

describe('parseGoDuration', () => {
  it("parses Go's duration syntax", () => {
    expect(parseGoDuration('1s')).toBe(1000);
    expect(parseGoDuration('876000h')).toBe(876_000 * 3_600_000);
    expect(parseGoDuration('1h30m')).toBe(5_400_000);
    expect(parseGoDuration('1.5s')).toBe(1500);
    expect(parseGoDuration('250ms')).toBe(250);
    expect(parseGoDuration('0')).toBe(0);
    expect(parseGoDuration('-2m')).toBe(-120_000);
  });

  it('rejects what Go rejects', () => {
    for (const bad of ['', '10', '1d', 'h', '1 h'])
      expect(() => parseGoDuration(bad)).toThrow(/invalid duration/);
  });
});
