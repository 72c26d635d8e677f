import { describe, expect, it } from 'vitest';
import { formatVerdicts, passes, type ScenarioResult } from './report.ts';
import type { Summary } from './stats.ts';

const summary = (over: Partial<Summary> = {}): Summary => ({
  requests: 100,
  ok: 100,
  conflicts: 0,
  errors: 0,
  throughput: 400,
  p50: 4,
  p95: 12,
  p99: 20,
  max: 30,
  ...over,
});

describe('passes', () => {
  it('judges latency targets on p95 and throughput targets on requests per second', () => {
    expect(passes({ kind: 'p95', maxMs: 15 }, summary())).toBe(true);
    expect(passes({ kind: 'p95', maxMs: 15 }, summary({ p95: 15.1 }))).toBe(false);
    expect(passes({ kind: 'throughput', minPerSecond: 300 }, summary())).toBe(true);
    expect(passes({ kind: 'throughput', minPerSecond: 300 }, summary({ throughput: 299 }))).toBe(false);
  });

  it('never passes a run with errors or without requests, but conflicts are not errors', () => {
    expect(passes({ kind: 'p95', maxMs: 15 }, summary({ errors: 1 }))).toBe(false);
    expect(passes({ kind: 'p95', maxMs: 60, maxMedianMs: 3 }, summary({ p50: 3 }))).toBe(true);
    expect(passes({ kind: 'p95', maxMs: 60, maxMedianMs: 3 }, summary({ p50: 3.1 }))).toBe(false);
    expect(passes({ kind: 'p95', maxMs: 15 }, summary({ requests: 0, p95: NaN }))).toBe(false);
    expect(passes({ kind: 'throughput', minPerSecond: 300 }, summary({ conflicts: 3 }))).toBe(true);
  });
});

describe('formatVerdicts', () => {
  it('prints target, measured figure and verdict per scenario', () => {
    const results: ScenarioResult[] = [
      {
        name: 'slots',
        concurrency: 4,
        target: { kind: 'p95', maxMs: 15 },
        summary: summary(),
        load: { avg1: 1, cpuBusy: 0.5 },
      },
      {
        name: 'book',
        concurrency: 16,
        target: { kind: 'throughput', minPerSecond: 300 },
        summary: summary({ throughput: 120 }),
        load: { avg1: 1, cpuBusy: 0.5 },
      },
    ];
    const lines = formatVerdicts(results).split('\n');
    expect(lines[2]).toMatch(/^slots\s+p95 <= 15 ms\s+p95 12.0 ms\s+PASS$/);
    expect(lines[3]).toMatch(/^book\s+>= 300\/s\s+120\/s\s+MISS$/);
  });
});
