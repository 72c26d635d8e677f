// UTC timestamps for the seed's output. Time-zone arithmetic (wall-clock time in a practitioner's
// zone -> instant, the way Postgres reads it) lives in @carebook/domain (time-zone.ts); what stays
// here is formatting, which a large seed does millions of times.

import { DAY_MS, MINUTE_MS } from '@carebook/domain';

const datePrefixes = new Map<number, string>();
const onGrid = new Map<number, string>();
const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

/**
 * `new Date(ms).toISOString()`, faster and lighter: a large seed formats millions of instants.
 * The date part is cached per day, and whole minutes (slot bounds, booking times) are formatted
 * once and shared. Joining an array gives one flat string where a template literal would leave a
 * tree of pieces for the garbage collector to trace.
 */
export function isoUtc(ms: number): string {
  // Minute numbers stay small integers, which a Map hashes faster than millisecond doubles.
  const minute = ms / MINUTE_MS;
  const shared = Number.isInteger(minute);
  if (shared) {
    const hit = onGrid.get(minute);
    if (hit !== undefined) return hit;
  }
  const day = Math.floor(ms / DAY_MS);
  let prefix = datePrefixes.get(day);
  if (prefix === undefined) {
    prefix = new Date(day * DAY_MS).toISOString().slice(0, 11);
    datePrefixes.set(day, prefix);
  }
  const rest = ms - day * DAY_MS;
  const milli = rest % 1000;
  const text = [
    prefix,
    pad2(Math.floor(rest / 3_600_000)),
    ':',
    pad2(Math.floor(rest / MINUTE_MS) % 60),
    ':',
    pad2(Math.floor(rest / 1000) % 60),
    milli < 10 ? '.00' : milli < 100 ? '.0' : '.',
    String(milli),
    'Z',
  ].join('');
  if (shared) onGrid.set(minute, text);
  return text;
}
