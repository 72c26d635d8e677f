// Half-open [lo, hi) ranges of instants (milliseconds), combined the way Postgres combines
// tstzmultiranges in the slot computation: range_agg merges overlapping and touching ranges, and
// subtracting time off splits them. The seed places appointments on the pieces this gives, so
// that their start times sit on the same grid as the slots the database offers.

import { isoUtc } from './iso-utc.ts';

export type Range = readonly [lo: number, hi: number];

/** Sorted, disjoint, non-touching ranges covering the same instants (empty ones dropped). */
export function union(ranges: readonly Range[]): Range[] {
  const sorted = ranges.filter(([lo, hi]) => lo < hi).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const out: [number, number][] = [];
  for (const [lo, hi] of sorted) {
    const last = out[out.length - 1];
    if (last && lo <= last[1]) last[1] = Math.max(last[1], hi);
    else out.push([lo, hi]);
  }
  return out;
}

/** `ranges` (already a union) without any instant of `holes`. */
export function subtract(ranges: readonly Range[], holes: readonly Range[]): Range[] {
  let pieces: Range[] = [...ranges];
  for (const [hlo, hhi] of holes) {
    if (hlo >= hhi) continue;
    const next: Range[] = [];
    for (const [lo, hi] of pieces) {
      if (hhi <= lo || hlo >= hi) {
        next.push([lo, hi]);
        continue;
      }
      if (lo < hlo) next.push([lo, hlo]);
      if (hhi < hi) next.push([hhi, hi]);
    }
    pieces = next;
  }
  return pieces;
}

export function overlaps(a: Range, b: Range): boolean {
  return a[0] < b[1] && b[0] < a[1];
}

/** A Postgres tstzrange literal, `[start,end)`. */
export function rangeLiteral(lo: number, hi: number): string {
  return ['[', isoUtc(lo), ',', isoUtc(hi), ')'].join('');
}

/** The bounds of a `[start,end)` literal, in milliseconds. */
export function parseRangeLiteral(literal: string): Range {
  const m = /^\[([^,]+),([^)]+)\)$/.exec(literal);
  if (!m) throw new Error(`not a [start,end) range: ${literal}`);
  return [Date.parse(m[1]!), Date.parse(m[2]!)];
}
