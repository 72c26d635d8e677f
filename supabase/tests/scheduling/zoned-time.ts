// Wall-clock time in an IANA zone, computed independently of the database (Intl only), so tests
// can state "09:00 in Paris on that day" and check what get_available_slots returns against it.
// Local times that do not exist or exist twice are resolved the way Postgres resolves
// `timestamp at time zone`: a time in a spring-forward gap takes the offset from before the
// change (02:30 in Paris becomes 03:30 summer time); a time in a fall-back overlap takes the
// offset from after it (the second 02:30).

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      weekday: 'short',
    });
    formatters.set(zone, f);
  }
  return f;
}

interface Parts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  weekday: string;
}

function parts(zone: string, instant: number): Parts {
  const out: Record<string, string> = {};
  for (const p of formatter(zone).formatToParts(new Date(instant))) out[p.type] = p.value;
  return {
    year: Number(out.year),
    month: Number(out.month),
    day: Number(out.day),
    hour: Number(out.hour),
    minute: Number(out.minute),
    second: Number(out.second),
    weekday: out.weekday ?? '',
  };
}

/** Minutes to add to UTC to get the zone's wall clock at this instant (+60 for Paris in winter). */
export function offsetMinutes(zone: string, instant: number): number {
  const whole = Math.floor(instant / 1000) * 1000;
  const p = parts(zone, whole);
  return Math.round((Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - whole) / MINUTE);
}

function parseDate(date: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) throw new Error(`Not a date: ${date}`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
}

/** 'HH:MM' or 'HH:MM:SS' (24:00 allowed, like Postgres' time) as minutes after midnight. */
export function timeToMinutes(time: string): number {
  const m = /^(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(time);
  if (!m) throw new Error(`Not a time: ${time}`);
  return Number(m[1]) * 60 + Number(m[2]) + Number(m[3] ?? 0) / 60;
}

export function minutesToTime(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = Math.round(minutes % 60);
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}

/** The instant (ms) of a local date and time in a zone, with Postgres' gap and overlap rules. */
export function zonedInstant(zone: string, date: string, time: string | number): number {
  const local = parseDate(date) + (typeof time === 'number' ? time : timeToMinutes(time)) * MINUTE;
  // Offsets a day either side: the ones in force before and after any change near this time.
  const before = offsetMinutes(zone, local - DAY);
  const after = offsetMinutes(zone, local + DAY);
  const asBefore = local - before * MINUTE;
  if (before === after) return asBefore;
  const asAfter = local - after * MINUTE;
  const beforeValid = offsetMinutes(zone, asBefore) === before;
  const afterValid = offsetMinutes(zone, asAfter) === after;
  if (afterValid) return asAfter; // unambiguous after the change, or the later of two readings
  if (beforeValid) return asBefore;
  return asBefore; // in the gap: read with the offset from before the change
}

export interface ZonedParts {
  date: string;
  /** 'HH:MM' on the wall clock. */
  time: string;
  /** ISO weekday, 1 = Monday. */
  isoWeekday: number;
}

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

export function zonedParts(zone: string, instant: number): ZonedParts {
  const p = parts(zone, instant);
  return {
    date: `${p.year}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`,
    time: `${String(p.hour).padStart(2, '0')}:${String(p.minute).padStart(2, '0')}`,
    isoWeekday: WEEKDAYS.indexOf(p.weekday) + 1,
  };
}

export function addDays(date: string, days: number): string {
  return new Date(parseDate(date) + days * DAY).toISOString().slice(0, 10);
}

export function isoWeekday(date: string): number {
  const d = new Date(parseDate(date)).getUTCDay();
  return d === 0 ? 7 : d;
}

/** The zone's local date at an instant (today by default). */
export function localDate(zone: string, instant: number = Date.now()): string {
  return zonedParts(zone, instant).date;
}

/** Instants (ms, to the minute) at which the zone's offset changes, between two instants. */
export function offsetChanges(zone: string, from: number, to: number): number[] {
  const found: number[] = [];
  const step = 6 * 60 * MINUTE;
  let prev = offsetMinutes(zone, from);
  for (let t = from + step; t <= to + step; t += step) {
    const cur = offsetMinutes(zone, t);
    if (cur !== prev) {
      // Bisect to the minute of the change.
      let lo = t - step;
      let hi = t;
      while (hi - lo > MINUTE) {
        const mid = lo + Math.floor((hi - lo) / 2 / MINUTE) * MINUTE;
        if (offsetMinutes(zone, mid) === prev) lo = mid;
        else hi = mid;
      }
      if (hi <= to) found.push(hi);
      prev = cur;
    }
  }
  return found;
}

/** The next change after `from` that moves clocks forward (spring) or back (fall), if any within 400 days. */
export function nextOffsetChange(
  zone: string,
  direction: 'forward' | 'back',
  from: number = Date.now(),
): number | undefined {
  return offsetChanges(zone, from, from + 400 * DAY).find((t) => {
    const delta = offsetMinutes(zone, t) - offsetMinutes(zone, t - MINUTE);
    return (direction === 'forward') === delta > 0;
  });
}
