// GENERATED from libs/domain/src/time-zone.ts by supabase/functions/_shared/sync-domain.ts: do not edit.
// Change libs/domain, then run `npm exec -- node supabase/functions/_shared/sync-domain.ts`.
// Wall-clock time in IANA time zones, with Intl only (no database, no time library), read the way
// Postgres reads `(date + time) at time zone tz`: a local time in a spring-forward gap takes the
// offset from before the change (02:30 in Paris becomes 03:30 summer time); a local time in a
// fall-back overlap takes the offset from after it (the second 02:30). The seed generator and
// the scheduling tests' slot oracle rely on this to agree with get_available_slots.
//
// Dates are either ISO strings ('2026-03-29') or day numbers (local calendar days since
// 1970-01-01), which hot loops prefer; `dayOfDate` and `dateOfDay` convert. Nothing here reads
// the clock: callers pass the current instant.

export const MINUTE_MS = 60_000;
export const DAY_MS = 24 * 60 * MINUTE_MS;
// Intl is slow per call, so offsets are cached per zone and quarter of an hour; every zone in
// use today changes offset on a quarter-hour instant, and other buckets are computed exactly.
const QUARTER_MS = 15 * MINUTE_MS;

const formatters = new Map<string, Intl.DateTimeFormat>();
const offsets = new Map<string, Map<number, number>>();

function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(zone, f);
  }
  return f;
}

/** The offset at an instant, straight from Intl (to the second). */
function exactOffset(zone: string, instant: number): number {
  const whole = Math.floor(instant / 1000) * 1000;
  const p: Record<string, number> = {};
  for (const part of formatter(zone).formatToParts(new Date(whole))) {
    if (part.type !== 'literal') p[part.type] = Number(part.value);
  }
  return Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!) - whole;
}

function bucketOffset(zone: string, cache: Map<number, number>, bucket: number): number {
  let offset = cache.get(bucket);
  if (offset === undefined) cache.set(bucket, (offset = exactOffset(zone, bucket * QUARTER_MS)));
  return offset;
}

/** The zone's offset from UTC at an instant, in milliseconds (Paris in summer: +7,200,000). */
export function offsetAt(zone: string, instant: number): number {
  let cache = offsets.get(zone);
  if (!cache) offsets.set(zone, (cache = new Map()));
  const bucket = Math.floor(instant / QUARTER_MS);
  const offset = bucketOffset(zone, cache, bucket);
  // A change inside the quarter hour (historical zones only): no shortcut.
  return bucketOffset(zone, cache, bucket + 1) === offset ? offset : exactOffset(zone, instant);
}

/** Minutes to add to UTC to get the zone's wall clock at an instant (+60 for Paris in winter). */
export function offsetMinutes(zone: string, instant: number): number {
  return Math.round(offsetAt(zone, instant) / MINUTE_MS);
}

/** 'YYYY-MM-DD' as a day number (days since 1970-01-01). */
export function dayOfDate(date: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) throw new Error(`Not a date: ${date}`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / DAY_MS;
}

/** A day number as 'YYYY-MM-DD'. */
export function dateOfDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/**
 * The instant (ms) of a local wall-clock time: `day` is the local calendar day number, `minutes`
 * count from that day's midnight. Gaps and overlaps are read as Postgres reads them.
 */
export function localToInstant(zone: string, day: number, minutes: number): number {
  const local = day * DAY_MS + minutes * MINUTE_MS;
  // Offsets a day either side: the ones in force before and after any change near this time.
  const before = offsetAt(zone, local - DAY_MS);
  const asBefore = local - before;
  const after = offsetAt(zone, local + DAY_MS);
  if (before === after) return asBefore;
  const asAfter = local - after;
  // Unambiguously after the change, or the later of two readings; otherwise before the change,
  // or in the gap, which is read with the offset from before the change.
  return offsetAt(zone, asAfter) === after ? asAfter : asBefore;
}

/** The instant (ms) of a local date and time ('HH:MM' or minutes after midnight) in a zone. */
export function zonedInstant(zone: string, date: string, time: string | number): number {
  return localToInstant(zone, dayOfDate(date), typeof time === 'number' ? time : timeToMinutes(time));
}

/** The local calendar day number an instant falls on in a zone. */
export function localDayOf(zone: string, instant: number): number {
  return Math.floor((instant + offsetAt(zone, instant)) / DAY_MS);
}

/** The zone's local date ('YYYY-MM-DD') at an instant. */
export function localDate(zone: string, instant: number): string {
  return dateOfDay(localDayOf(zone, instant));
}

export interface ZonedParts {
  date: string;
  /** 'HH:MM' on the wall clock. */
  time: string;
  /** ISO weekday, 1 = Monday. */
  isoWeekday: number;
}

/** Local date, wall-clock time and weekday of an instant in a zone. */
export function zonedParts(zone: string, instant: number): ZonedParts {
  const local = instant + offsetAt(zone, instant);
  const day = Math.floor(local / DAY_MS);
  return {
    date: dateOfDay(day),
    time: minutesToTime(Math.floor((local - day * DAY_MS) / MINUTE_MS)),
    isoWeekday: isoWeekday(day),
  };
}

/** The ISO date `days` after (or before) another. */
export function addDays(date: string, days: number): string {
  return dateOfDay(dayOfDate(date) + days);
}

/** ISO weekday of a day number or ISO date: 1 = Monday ... 7 = Sunday (1970-01-01 was a Thursday). */
export function isoWeekday(day: number | string): number {
  const n = typeof day === 'string' ? dayOfDate(day) : day;
  return ((((n + 3) % 7) + 7) % 7) + 1;
}

/** 'HH:MM' or 'HH:MM:SS' (24:00 allowed, like Postgres' time) as minutes after midnight. */
export function timeToMinutes(time: string): number {
  const m = /^(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(time);
  if (!m) throw new Error(`Not a time: ${time}`);
  return Number(m[1]) * 60 + Number(m[2]) + Number(m[3] ?? 0) / 60;
}

/** Minutes after midnight as 'HH:MM' (seconds rounded to the minute). */
export function minutesToTime(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = Math.round(minutes % 60);
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}

/** Instants (ms, to the minute) at which the zone's offset changes, between two instants. */
export function offsetChanges(zone: string, from: number, to: number): number[] {
  const found: number[] = [];
  const step = 6 * 60 * MINUTE_MS;
  let prev = offsetMinutes(zone, from);
  for (let t = from + step; t <= to + step; t += step) {
    const cur = offsetMinutes(zone, t);
    if (cur !== prev) {
      // Bisect to the minute of the change.
      let lo = t - step;
      let hi = t;
      while (hi - lo > MINUTE_MS) {
        const mid = lo + Math.floor((hi - lo) / 2 / MINUTE_MS) * MINUTE_MS;
        if (offsetMinutes(zone, mid) === prev) lo = mid;
        else hi = mid;
      }
      if (hi <= to) found.push(hi);
      prev = cur;
    }
  }
  return found;
}

/** The first change after `from` that moves clocks forward (spring) or back (fall), within 400 days. */
export function nextOffsetChange(
  zone: string,
  direction: 'forward' | 'back',
  from: number,
): number | undefined {
  return offsetChanges(zone, from, from + 400 * DAY_MS).find((t) => {
    const delta = offsetMinutes(zone, t) - offsetMinutes(zone, t - MINUTE_MS);
    return (direction === 'forward') === delta > 0;
  });
}
