// Wall-clock times in a practitioner's IANA time zone turned into instants, the way Postgres'
// `(day + time) at time zone tz` does in the slot computation, so that seeded appointments land
// on the slots the database itself would offer, DST days included. Intl is slow per call, so
// offsets are cached per zone and quarter of an hour (every zone seeded changes on whole hours).

export const DAY_MS = 86_400_000;
export const MINUTE_MS = 60_000;
const QUARTER_MS = 15 * MINUTE_MS;

const formatters = new Map<string, Intl.DateTimeFormat>();
const offsets = new Map<string, Map<number, number>>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The zone's offset from UTC at an instant, in milliseconds (Paris in summer: +7,200,000). */
export function offsetAt(timeZone: string, utcMs: number): number {
  let cache = offsets.get(timeZone);
  if (!cache) offsets.set(timeZone, (cache = new Map()));
  const bucket = Math.floor(utcMs / QUARTER_MS);
  const cached = cache.get(bucket);
  if (cached !== undefined) return cached;
  const parts: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(new Date(bucket * QUARTER_MS))) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  const wall = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!);
  const offset = wall - bucket * QUARTER_MS;
  cache.set(bucket, offset);
  return offset;
}

/**
 * The instant of a local wall-clock time: `day` counts local calendar days since 1970-01-01,
 * `minutes` from that day's midnight. Outside DST gaps this is exact; seeded hours never fall in
 * one (they start at 08:00 and changes happen around 02:00-03:00).
 */
export function localToUtc(timeZone: string, day: number, minutes: number): number {
  const wall = day * DAY_MS + minutes * MINUTE_MS;
  const guess = wall - offsetAt(timeZone, wall);
  return wall - offsetAt(timeZone, guess);
}

/** The local calendar day (days since 1970-01-01) an instant falls on in a zone. */
export function localDayOf(timeZone: string, utcMs: number): number {
  return Math.floor((utcMs + offsetAt(timeZone, utcMs)) / DAY_MS);
}

/** ISO weekday of a calendar day number: 1 = Monday ... 7 = Sunday (1970-01-01 was a Thursday). */
export function isoWeekday(day: number): number {
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

/** "09:30" or "09:30:00" -> minutes since midnight. */
export function minutesOf(time: string): number {
  const [h, m] = time.split(':');
  return Number(h) * 60 + Number(m);
}

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
