import { describe, expect, it } from 'vitest';
import { allocate } from './schedule.ts';

describe('allocate', () => {
  it('splits a total in proportion to weights', () => {
    expect(allocate(100, [1, 1, 2], [100, 100, 100])).toEqual([25, 25, 50]);
  });

  it('gives what a capped share cannot take to the others, and still sums to the total', () => {
    const counts = allocate(1000, [100, 1, 1, 1], [50, 1000, 1000, 1000]);
    expect(counts[0]).toBe(50);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(1000);
    expect(Math.max(...counts.slice(1)) - Math.min(...counts.slice(1))).toBeLessThanOrEqual(1);
  });

  it('stops at the sum of the caps', () => {
    expect(allocate(100, [1, 1], [10, 20])).toEqual([10, 20]);
  });

  it('hands out rounding remainders deterministically', () => {
    const counts = allocate(10, [1, 1, 1], [10, 10, 10]);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(10);
    expect(allocate(10, [1, 1, 1], [10, 10, 10])).toEqual(counts);
  });
});
