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

const ms = (v: number) =>
  Number.isNaN(v) ? '-' : v < 1 ? v.toFixed(3) : v < 10 ? v.toFixed(2) : v.toFixed(1);

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
  const http = (part: string, pick: 'p50' | 'p95' = 'p50') =>
    results.find((r) => r.name.includes(part))?.summary[pick] ?? NaN;
  const exec = (prefix: string) => sql.find((t) => t.name.startsWith(prefix))?.median ?? NaN;
  const now = '30 days, one row a day (libs';
  const rows: [string, string, number, number][] = [
    [
      'SQL rewrite (inlined queries, starts from free time)',
      'SQL execution, rows',
      exec('before issue 9'),
      exec('after: private.slot_days, rows'),
    ],
    [
      'one row a day instead of one a slot',
      'SQL execution',
      exec('after: private.slot_days, rows'),
      exec('after: private.slot_days, one'),
    ],
    ['one row a day instead of one a slot', 'HTTP p50', http('30 days, one row a slot'), http(now)],
    ['gateway', 'HTTP p50 without / with it', http('PostgREST without gateway'), http(now)],
    // The speed work of issue 9 point 5, step by step (sql/slots-levers-before.sql).
    [
      '1. generic plans, no planning per call',
      'SQL execution, a day',
      exec('before: private.slot_runs'),
      exec('lever 1 generic'),
    ],
    [
      '2. free time once, width_bucket lookups',
      'SQL execution, a day',
      exec('lever 1 generic'),
      exec('lever 2'),
    ],
    ['3. openings from a weekly series per rule', 'SQL execution, a day', exec('lever 2'), exec('lever 3')],
    [
      '4. day arrays in the same statement',
      'SQL execution, a day',
      exec('lever 3'),
      exec('after: private.slot_days, one'),
    ],
    // Lever 1 depends on what is planned: taken out of the final computation, not added first.
    [
      '1. again, last: per-call plans / generic ones',
      'SQL execution, a day',
      exec('lever 1 undone'),
      exec('after: private.slot_days, one'),
    ],
    [
      'speed work, all levers',
      'SQL execution, a day',
      exec('before: private.slot_runs'),
      exec('after: private.slot_days, one'),
    ],
    [
      'speed work, all levers',
      'HTTP p50, 30 days',
      http('30 days, one row a day, before the speed'),
      http(now),
    ],
    [
      'speed work, all levers',
      'HTTP p95, 30 days',
      http('30 days, one row a day, before the speed', 'p95'),
      http(now, 'p95'),
    ],
    [
      'speed work, all levers',
      'HTTP p95, 90-day view',
      http('90-day view in two calls, before', 'p95'),
      http('90-day view in two calls (62', 'p95'),
    ],
    ['all together (issue 9)', 'HTTP p50', http('before (old SQL'), http(now)],
  ];
  return table(
    ['lever', 'measured', 'before', 'after'],
    rows.map(([lever, what, before, after]) => [lever, what, ms(before), ms(after)]),
  );
}
