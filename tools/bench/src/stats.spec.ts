import { describe, expect, it } from 'vitest';
import { grouped, interleavedPart, percentile, summarize } from './stats.ts';

describe('percentile', () => {
  const hundred = Array.from({ length: 100 }, (_, i) => i + 1);

  it('takes the nearest rank', () => {
    expect(percentile(hundred, 50)).toBe(50);
    expect(percentile(hundred, 95)).toBe(95);
    expect(percentile(hundred, 99)).toBe(99);
    expect(percentile(hundred, 100)).toBe(100);
    expect(percentile([7, 9, 30], 50)).toBe(9);
    expect(percentile([7, 9, 30], 95)).toBe(30);
  });

  it('is NaN without values, the value itself with one', () => {
    expect(percentile([], 50)).toBeNaN();
    expect(percentile([4], 1)).toBe(4);
    expect(percentile([4], 99)).toBe(4);
  });
});

describe('summarize', () => {
  it('counts every answer as a request and divides by the elapsed time', () => {
    const s = summarize({
      latencies: [3, 1, 2, 10],
      ok: 2,
      conflicts: 1,
      errors: 1,
      elapsedMs: 2000,
      samples: [],
    });
    expect(s).toMatchObject({
      requests: 4,
      ok: 2,
      conflicts: 1,
      errors: 1,
      throughput: 2,
      p50: 2,
      p95: 10,
      max: 10,
    });
  });
});

describe('grouped', () => {
  it('adds up consecutive requests into one measured view', () => {
    const g = grouped(
      { latencies: [1, 2, 3, 4, 5], ok: 5, conflicts: 0, errors: 0, elapsedMs: 15, samples: [] },
      2,
    );
    expect(g.latencies).toEqual([3, 7]);
    expect(g.ok).toBe(2);
  });
});

describe('interleavedPart', () => {
  it('takes every n-th latency of a one-client run', () => {
    const run = {
      latencies: [1, 10, 2, 20, 3, 30],
      ok: 6,
      conflicts: 0,
      errors: 0,
      elapsedMs: 66,
      samples: [],
    };
    expect(interleavedPart(run, 1, 2).latencies).toEqual([10, 20, 30]);
    expect(interleavedPart(run, 0, 2).ok).toBe(3);
  });

  it('keeps groups of consecutive requests together', () => {
    const run = {
      latencies: [1, 2, 10, 20, 3, 4, 30, 40, 5],
      ok: 9,
      conflicts: 0,
      errors: 0,
      elapsedMs: 115,
      samples: [],
    };
    expect(interleavedPart(run, 0, 2, 2).latencies).toEqual([1, 2, 3, 4, 5]);
    expect(grouped(interleavedPart(run, 1, 2, 2), 2).latencies).toEqual([30, 70]);
  });
});
