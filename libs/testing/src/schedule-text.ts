// The short texts scenarios are written in ('mon-fri', '09:00-18:00', '2027-03-01T09:00'),
// turned into what the tables take. Pure, so unit-tested on their own.

const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

function dayNumber(name: string): number {
  const i = (DAYS as readonly string[]).indexOf(name.trim().toLowerCase());
  if (i < 0) throw new Error(`Unknown weekday "${name}" (mon..sun)`);
  return i + 1;
}

/**
 * ISO weekdays (1 = Monday) of 'mon-fri', 'mon,wed,fri', 'sat-mon' (wrapping round the weekend),
 * 'sat', or 'daily'.
 */
export function parseWeekdays(text: string): number[] {
  if (text.trim().toLowerCase() === 'daily') return [1, 2, 3, 4, 5, 6, 7];
  const days = new Set<number>();
  for (const part of text.split(',')) {
    const [first, last, ...rest] = part.split('-');
    if (first === undefined || rest.length) throw new Error(`Cannot read weekdays "${text}"`);
    const from = dayNumber(first);
    const to = last === undefined ? from : dayNumber(last);
    for (let d = from; ; d = (d % 7) + 1) {
      days.add(d);
      if (d === to) break;
    }
  }
  return [...days].sort((a, b) => a - b);
}

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** '09:00-18:00' as { from: '09:00', to: '18:00' }. */
export function parseHours(text: string): { from: string; to: string } {
  const [from, to, ...rest] = text.split('-').map((t) => t.trim());
  if (!from || !to || rest.length || !TIME.test(from) || !TIME.test(to)) {
    throw new Error(`Cannot read opening hours "${text}" (HH:MM-HH:MM)`);
  }
  return { from, to };
}

const LOCAL_DATE_TIME = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})$/;

/**
 * A booking time as written in a scenario: a local wall-clock time without offset
 * ('2027-03-01T09:00', read in the practitioner's zone) or an instant with one ('...Z', '...+01:00').
 */
export function readBookingTime(
  text: string,
): { local: { date: string; time: string } } | { instant: string } {
  const m = LOCAL_DATE_TIME.exec(text);
  if (m?.[1] && m[2]) return { local: { date: m[1], time: m[2] } };
  if (Number.isNaN(Date.parse(text))) throw new Error(`Cannot read booking time "${text}"`);
  return { instant: text };
}
