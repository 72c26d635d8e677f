// The benchmark's verdicts and tables: each scenario against its target, PASS or MISS. A miss
// never fails the run (benchmarks inform, tests assert); it gets its query plans printed.
import type { Summary } from './stats.ts';

export type Target = { kind: 'p95'; maxMs: number } | { kind: 'throughput'; minPerSecond: number };

export interface ScenarioResult {
  name: string;
  concurrency: number;
  target: Target;
  summary: Summary;
  /** 1-minute load average and share of CPU time busy on the machine during the run. */
  load: { avg1: number; cpuBusy: number };
}

export function passes(target: Target, s: Summary): boolean {
  if (s.errors > 0 || s.requests === 0) return false;
  return target.kind === 'p95' ? s.p95 <= target.maxMs : s.throughput >= target.minPerSecond;
}

export function describeTarget(target: Target): string {
  return target.kind === 'p95' ? `p95 <= ${target.maxMs} ms` : `>= ${target.minPerSecond}/s`;
}

function measured(target: Target, s: Summary): string {
  return target.kind === 'p95' ? `p95 ${ms(s.p95)} ms` : `${s.throughput.toFixed(0)}/s`;
}

const ms = (v: number) => (Number.isNaN(v) ? '-' : v < 10 ? v.toFixed(2) : v.toFixed(1));

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** One row per scenario: volume, latency distribution, errors and the machine's load. */
export function formatRuns(results: readonly ScenarioResult[]): string {
  return table(
    [
      'scenario',
      'requests',
      'conc.',
      'req/s',
      'p50 ms',
      'p95 ms',
      'p99 ms',
      'max ms',
      '409',
      'errors',
      'load1',
      'cpu busy',
    ],
    results.map((r) => [
      r.name,
      String(r.summary.requests),
      String(r.concurrency),
      r.summary.throughput.toFixed(0),
      ms(r.summary.p50),
      ms(r.summary.p95),
      ms(r.summary.p99),
      ms(r.summary.max),
      String(r.summary.conflicts),
      String(r.summary.errors),
      r.load.avg1.toFixed(2),
      `${Math.round(r.load.cpuBusy * 100)}%`,
    ]),
  );
}

/** Target against measured, with the verdict. */
export function formatVerdicts(results: readonly ScenarioResult[]): string {
  return table(
    ['scenario', 'target', 'measured', 'verdict'],
    results.map((r) => [
      r.name,
      describeTarget(r.target),
      measured(r.target, r.summary) + (r.summary.errors ? ` (${r.summary.errors} errors)` : ''),
      passes(r.target, r.summary) ? 'PASS' : 'MISS',
    ]),
  );
}
