// Latency percentiles and throughput of one measured run, computed the same way for every
// scenario so that the figures in the final table compare.

export interface Outcome {
  /** Wall-clock milliseconds of every finished request, in completion order. */
  latencies: readonly number[];
  /** 2xx answers. */
  ok: number;
  /** HTTP 409: the typed conflict a booking may legitimately get; not an error. */
  conflicts: number;
  /** Anything else: other statuses, network failures. */
  errors: number;
  /** Measured wall-clock time of the whole run. */
  elapsedMs: number;
  /** A few error answers, to show what went wrong. */
  samples: readonly string[];
}

export interface Summary {
  requests: number;
  ok: number;
  conflicts: number;
  errors: number;
  throughput: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

/** Nearest-rank percentile (the smallest value with at least p% of values at or below it). */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export function summarize(outcome: Outcome): Summary {
  const sorted = [...outcome.latencies].sort((a, b) => a - b);
  const requests = outcome.ok + outcome.conflicts + outcome.errors;
  return {
    requests,
    ok: outcome.ok,
    conflicts: outcome.conflicts,
    errors: outcome.errors,
    throughput: outcome.elapsedMs > 0 ? (requests * 1000) / outcome.elapsedMs : 0,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted.length ? sorted[sorted.length - 1]! : NaN,
  };
}

/** One client's run with each `size` consecutive requests counted as one (a view of two calls). */
export function grouped(outcome: Outcome, size: number): Outcome {
  const latencies: number[] = [];
  for (let i = 0; i + size <= outcome.latencies.length; i += size) {
    latencies.push(outcome.latencies.slice(i, i + size).reduce((a, b) => a + b, 0));
  }
  const scale = (n: number) => Math.floor(n / size);
  return {
    ...outcome,
    latencies,
    ok: scale(outcome.ok),
    conflicts: scale(outcome.conflicts),
    errors: Math.ceil(outcome.errors / size),
  };
}

/**
 * Part `index` of a one-client run whose requests cycle through `count` parts, each part `group`
 * consecutive requests (a view of two calls, before and after, alternating).
 */
export function interleavedPart(outcome: Outcome, index: number, count: number, group = 1): Outcome {
  const latencies = outcome.latencies.filter((_, i) => Math.floor(i / group) % count === index);
  // Errors cannot be told apart by part: each part reports them all, so none passes unnoticed.
  return {
    ...outcome,
    latencies,
    ok: latencies.length - Math.min(latencies.length, outcome.errors),
    conflicts: 0,
  };
}
