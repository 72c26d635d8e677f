import { describe, expect, it } from 'vitest';
import { overlaps, parseRangeLiteral, rangeLiteral, subtract, union } from './ranges.ts';

describe('union', () => {
  it('merges overlapping and touching ranges, like range_agg', () => {
    expect(
      union([
        [5, 7],
        [1, 3],
        [3, 4],
        [6, 9],
        [10, 11],
      ]),
    ).toEqual([
      [1, 4],
      [5, 9],
      [10, 11],
    ]);
  });

  it('drops empty ranges', () => {
    expect(
      union([
        [2, 2],
        [4, 3],
      ]),
    ).toEqual([]);
  });
});

describe('subtract', () => {
  it('splits ranges around holes and removes covered ones', () => {
    expect(
      subtract(
        [
          [0, 10],
          [20, 30],
        ],
        [
          [2, 4],
          [25, 40],
        ],
      ),
    ).toEqual([
      [0, 2],
      [4, 10],
      [20, 25],
    ]);
    expect(subtract([[0, 10]], [[0, 10]])).toEqual([]);
    expect(subtract([[0, 10]], [[10, 12]])).toEqual([[0, 10]]);
  });
});

describe('overlaps', () => {
  it('treats ranges as half-open: back to back does not overlap', () => {
    expect(overlaps([0, 10], [10, 20])).toBe(false);
    expect(overlaps([0, 10], [9, 20])).toBe(true);
  });
});

describe('range literals', () => {
  it('writes and reads [start,end)', () => {
    const lo = Date.parse('2026-03-29T07:00:00Z');
    const text = rangeLiteral(lo, lo + 3_600_000);
    expect(text).toBe('[2026-03-29T07:00:00.000Z,2026-03-29T08:00:00.000Z)');
    expect(parseRangeLiteral(text)).toEqual([lo, lo + 3_600_000]);
    expect(() => parseRangeLiteral('(1,2]')).toThrow();
  });
});
