// What the availability editor refuses before saving, with a reason per range: an end before its
// start, and two ranges of the same day that would open the same time twice (same types, dates
// that meet). The database stores what it is given; these checks are for the person's sake.
import { timeToMinutes } from '@carebook/domain';

export interface RangeDraft {
  /** Identifies the range among the others (a rule id, or a local key). */
  key: string;
  weekday: number;
  start: string;
  end: string;
  /** null: every consultation type. */
  typeIds: string[] | null;
  validFrom: string | null;
  validUntil: string | null;
}

export type RangeIssue =
  | { kind: 'missing_time' }
  | { kind: 'end_before_start' }
  | { kind: 'overlap'; with: RangeDraft }
  | { kind: 'until_before_from' };

// 24-hour wall-clock times as the fields take them (a range may end at 23:59, not 24:00).
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

function scopesMeet(a: string[] | null, b: string[] | null): boolean {
  if (a === null || b === null) return true;
  return a.some((id) => b.includes(id));
}

// ISO dates compare as text; null is open-ended.
function datesMeet(a: RangeDraft, b: RangeDraft): boolean {
  const startsBeforeEnd = (from: string | null, until: string | null) =>
    from === null || until === null || from <= until;
  return startsBeforeEnd(a.validFrom, b.validUntil) && startsBeforeEnd(b.validFrom, a.validUntil);
}

/** The first problem of one range against the others, or null when it can be saved. */
export function rangeIssue(range: RangeDraft, all: readonly RangeDraft[]): RangeIssue | null {
  if (!TIME.test(range.start) || !TIME.test(range.end)) return { kind: 'missing_time' };
  if (timeToMinutes(range.end) <= timeToMinutes(range.start)) return { kind: 'end_before_start' };
  if (range.validFrom && range.validUntil && range.validUntil < range.validFrom)
    return { kind: 'until_before_from' };
  const s = timeToMinutes(range.start);
  const e = timeToMinutes(range.end);
  for (const other of all) {
    if (other.key === range.key || other.weekday !== range.weekday) continue;
    if (!TIME.test(other.start) || !TIME.test(other.end)) continue;
    const os = timeToMinutes(other.start);
    const oe = timeToMinutes(other.end);
    if (os < oe && s < oe && os < e && scopesMeet(range.typeIds, other.typeIds) && datesMeet(range, other))
      return { kind: 'overlap', with: other };
  }
  return null;
}

/** A sensible new range for a day: after its last one (an hour later, three hours long), else 09:00-12:00. */
export function nextRange(day: readonly RangeDraft[]): { start: string; end: string } {
  const lastEnd = day
    .filter((r) => TIME.test(r.end))
    .reduce((max, r) => Math.max(max, timeToMinutes(r.end)), -1);
  if (lastEnd < 0) return { start: '09:00', end: '12:00' };
  const start = Math.min(lastEnd + 60, 22 * 60);
  const end = Math.min(start + 180, 23 * 60 + 59);
  const hhmm = (m: number) =>
    `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
  return { start: hhmm(start), end: hhmm(end) };
}

export interface ExceptionDraft {
  /** ISO dates: the first and last day (the same for one day). */
  fromDate: string;
  toDate: string;
  /** 'HH:MM', or null for whole days. */
  fromTime: string | null;
  toTime: string | null;
}

export type ExceptionIssue = 'missing_date' | 'missing_time' | 'end_before_start';

/** Whether an exception's dates and times make a range that ends after it starts. */
export function exceptionIssue(d: ExceptionDraft): ExceptionIssue | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(d.fromDate) || !/^\d{4}-\d{2}-\d{2}$/.test(d.toDate)) return 'missing_date';
  const wholeDays = d.fromTime === null && d.toTime === null;
  if (!wholeDays && (!d.fromTime || !TIME.test(d.fromTime) || !d.toTime || !TIME.test(d.toTime)))
    return 'missing_time';
  if (d.toDate < d.fromDate) return 'end_before_start';
  if (!wholeDays && d.toDate === d.fromDate && timeToMinutes(d.toTime!) <= timeToMinutes(d.fromTime!))
    return 'end_before_start';
  return null;
}
