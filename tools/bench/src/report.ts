// The benchmark's verdicts and tables: each scenario against its target, PASS or MISS. A miss
// never fails the run (benchmarks inform, tests assert); it gets its query plans printed.
import type { FunctionTiming, SqlTiming } from './slot-workload.ts';
import type { Summary } from './stats.ts';

export type Target =
  | {
      kind: 'p95';
      maxMs: number;
      /** A median bound too, for single-client latency targets. */ maxMedianMs?: number;
    }
  | { kind: 'throughput'; minPerSecond: number };

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
  if (target.kind === 'throughput') return s.throughput >= target.minPerSecond;
  return s.p95 <= target.maxMs && (target.maxMedianMs === undefined || s.p50 <= target.maxMedianMs);
}

export function describeTarget(target: Target): string {
  if (target.kind === 'throughput') return `>= ${target.minPerSecond}/s`;
  return `${target.maxMedianMs === undefined ? '' : `p50 <= ${target.maxMedianMs} ms, `}p95 <= ${target.maxMs} ms`;
}

function measured(target: Target, s: Summary): string {
  if (target.kind === 'throughput') return `${s.throughput.toFixed(0)}/s`;
  return `${target.maxMedianMs === undefined ? '' : `p50 ${ms(s.p50)} ms, `}p95 ${ms(s.p95)} ms`;
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

export function formatSqlTimings(timings: readonly SqlTiming[]): string {
  return table(
    ['path', 'rows', 'median ms', 'p95 ms'],
    timings.map((t) => [t.name, String(t.rows), t.median.toFixed(3), t.p95.toFixed(3)]),
  );
}

export function formatFunctionTimings(timings: readonly FunctionTiming[]): string {
  return table(
    ['function', 'calls', 'self ms/call', 'total ms/call'],
    timings.map((t) => [t.fn, String(t.calls), t.selfMs.toFixed(3), t.totalMs.toFixed(3)]),
  );
}

/** Each lever of issue 9 as a before/after pair, from this run's own measurements. */
export function formatLevers(results: readonly ScenarioResult[], sql: readonly SqlTiming[]): string {
  const p50 = (part: string) => results.find((r) => r.name.includes(part))?.summary.p50 ?? NaN;
  const exec = (part: string) => sql.find((t) => t.name.includes(part))?.median ?? NaN;
  const rows: [string, string, number, number][] = [
    [
      'SQL rewrite (inlined queries, starts from free time)',
      'SQL execution, rows',
      exec('before'),
      exec('after: private.slots, rows'),
    ],
    [
      'one row a day instead of one a slot',
      'SQL execution',
      exec('after: private.slots, rows'),
      exec('one row a day'),
    ],
    [
      'one row a day instead of one a slot',
      'HTTP p50',
      p50('30 days, one row a slot'),
      p50('30 days, one row a day (libs'),
    ],
    [
      'gateway',
      'HTTP p50 without / with it',
      p50('PostgREST without gateway'),
      p50('30 days, one row a day (libs'),
    ],
    ['all together', 'HTTP p50', p50('before (old SQL'), p50('30 days, one row a day (libs')],
  ];
  return table(
    ['lever', 'measured', 'before', 'after'],
    rows.map(([lever, what, before, after]) => [lever, what, ms(before), ms(after)]),
  );
}
