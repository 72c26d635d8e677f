// An independent statement, in TypeScript, of which slots get_available_slots must return, and
// of the properties every returned slot must have. The property suite compares the database's
// answer with both. Instants are epoch milliseconds; intervals are half-open [start, end).
import { addDays, isoWeekday, localDate, zonedInstant, zonedParts } from '@carebook/domain';
import type { AppointmentStatus } from '@carebook/domain';

export interface Interval {
  start: number;
  end: number;
}

export interface Rule {
  weekday: number;
  /** Minutes after local midnight. */
  start: number;
  end: number;
  typeIds: string[] | null;
  modes: string[] | null;
  validFrom: string | null;
  validUntil: string | null;
}

export interface Exception extends Interval {
  typeIds: string[] | null;
}

export interface ExistingAppointment {
  blocked: Interval;
  status: AppointmentStatus;
  holdExpiresAt: number | null;
}

export interface SlotQuestion {
  timeZone: string;
  type: {
    id: string;
    mode: string;
    duration: number;
    step: number;
    bufferBefore: number;
    bufferAfter: number;
    notice: number;
    horizonDays: number;
  };
  rules: Rule[];
  extras: Exception[];
  timeOff: Exception[];
  busy: Interval[];
  appointments: ExistingAppointment[];
  now: number;
  from: number;
  to: number;
}

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** Sorted, disjoint intervals covering the same instants; touching ones merge, as range_agg does. */
export function normalize(intervals: Interval[]): Interval[] {
  const sorted = intervals.filter((i) => i.start < i.end).sort((a, b) => a.start - b.start);
  const out: Interval[] = [];
  for (const i of sorted) {
    const last = out[out.length - 1];
    if (last && i.start <= last.end) last.end = Math.max(last.end, i.end);
    else out.push({ ...i });
  }
  return out;
}

export function subtract(from: Interval[], minus: Interval[]): Interval[] {
  let parts = normalize(from);
  for (const m of normalize(minus)) {
    parts = parts.flatMap((p) => {
      if (m.end <= p.start || m.start >= p.end) return [p];
      return [
        { start: p.start, end: m.start },
        { start: m.end, end: p.end },
      ].filter((x) => x.start < x.end);
    });
  }
  return parts;
}

export const overlaps = (a: Interval, b: Interval): boolean => a.start < b.end && b.start < a.end;

const appliesTo = (typeIds: string[] | null, typeId: string) => typeIds === null || typeIds.includes(typeId);

/** Each rule on each local day that touches [from, to], as instants. */
export function ruleOccurrences(q: SlotQuestion, from: number, to: number): Interval[] {
  const out: Interval[] = [];
  const first = addDays(zonedParts(q.timeZone, from).date, -1);
  const last = zonedParts(q.timeZone, to).date;
  for (let day = first; day <= last; day = addDays(day, 1)) {
    const weekday = isoWeekday(day);
    for (const r of q.rules) {
      if (r.weekday !== weekday || !appliesTo(r.typeIds, q.type.id)) continue;
      if (r.modes && !r.modes.includes(q.type.mode)) continue;
      if ((r.validFrom && day < r.validFrom) || (r.validUntil && day > r.validUntil)) continue;
      out.push({ start: zonedInstant(q.timeZone, day, r.start), end: zonedInstant(q.timeZone, day, r.end) });
    }
  }
  return out;
}

export function bookableWindow(q: SlotQuestion): Interval {
  return {
    start: Math.max(q.from, q.now + q.type.notice * MINUTE),
    end: Math.min(q.to, q.now + q.type.horizonDays * DAY),
  };
}

/** Openings: rules and extra openings, touching ones merged. Looks a day either side of the
 *  window. Time off is not taken out here: it removes starts, it never moves the grid. */
export function openings(q: SlotQuestion): Interval[] {
  const w = bookableWindow(q);
  const dur = q.type.duration * MINUTE;
  return normalize([
    ...ruleOccurrences(q, w.start - DAY, w.end + dur + DAY),
    ...q.extras.filter((e) => appliesTo(e.typeIds, q.type.id)),
  ]);
}

const timeOffFor = (q: SlotQuestion) => q.timeOff.filter((e) => appliesTo(e.typeIds, q.type.id));

/** Time that blocks slots: active appointments (buffers included, expired holds not) and busy time. */
export function busyTime(q: SlotQuestion): Interval[] {
  const active = q.appointments.filter(
    (a) =>
      a.status === 'confirmed' ||
      (a.status === 'held' && a.holdExpiresAt !== null && a.holdExpiresAt > q.now),
  );
  return normalize([...active.map((a) => a.blocked), ...q.busy]);
}

/** Where the slot grid starts for an instant inside an opening: the opening's start, or the
 *  local midnight of that instant's day when the opening began on an earlier day. */
export function gridStart(q: SlotQuestion, opening: Interval, instant: number): number {
  return Math.max(opening.start, zonedInstant(q.timeZone, localDate(q.timeZone, instant), 0));
}

/** The expected answer: starts every `step` from the start of each opening, restarting each local
 *  day; time off, busy time and appointments only remove starts. */
export function expectedSlots(q: SlotQuestion): Interval[] {
  const w = bookableWindow(q);
  if (w.start >= w.end) return [];
  const dur = q.type.duration * MINUTE;
  const step = q.type.step * MINUTE;
  const busy = busyTime(q);
  const timeOff = timeOffFor(q);
  const out: Interval[] = [];
  for (const o of openings(q)) {
    const starts: number[] = [];
    for (let day = localDate(q.timeZone, o.start); ; day = addDays(day, 1)) {
      const dayStart = zonedInstant(q.timeZone, day, 0);
      if (dayStart >= o.end) break;
      const dayEnd = zonedInstant(q.timeZone, addDays(day, 1), 0);
      for (let s = Math.max(o.start, dayStart); s < dayEnd && s + dur <= o.end; s += step) starts.push(s);
    }
    for (const s of starts) {
      if (s < w.start || s >= w.end) continue;
      if (timeOff.some((t) => overlaps(t, { start: s, end: s + dur }))) continue;
      const needs = { start: s - q.type.bufferBefore * MINUTE, end: s + dur + q.type.bufferAfter * MINUTE };
      if (!busy.some((b) => overlaps(b, needs))) out.push({ start: s, end: s + dur });
    }
  }
  return out;
}

/** What is wrong with each slot, stated property by property (empty when all hold). */
export function slotViolations(q: SlotQuestion, slots: Interval[]): string[] {
  const problems: string[] = [];
  const dur = q.type.duration * MINUTE;
  const open = openings(q);
  const busy = busyTime(q);
  const allOpenings = normalize([
    ...ruleOccurrences(q, q.from - DAY, q.to + dur + DAY),
    ...q.extras.filter((e) => appliesTo(e.typeIds, q.type.id)),
  ]);
  const timeOff = timeOffFor(q);
  for (const s of slots) {
    const at = new Date(s.start).toISOString();
    if (s.end - s.start !== dur)
      problems.push(`${at}: lasts ${(s.end - s.start) / MINUTE} min, not ${q.type.duration}`);
    if (!allOpenings.some((o) => o.start <= s.start && s.end <= o.end))
      problems.push(`${at}: not inside a rule or extra opening`);
    if (timeOff.some((t) => overlaps(t, s))) problems.push(`${at}: overlaps time off`);
    const needs = { start: s.start - q.type.bufferBefore * MINUTE, end: s.end + q.type.bufferAfter * MINUTE };
    if (busy.some((b) => overlaps(b, needs)))
      problems.push(`${at}: its buffers or itself overlap an appointment or busy time`);
    if (s.start < q.now + q.type.notice * MINUTE) problems.push(`${at}: inside the minimum notice`);
    if (s.start >= q.now + q.type.horizonDays * DAY) problems.push(`${at}: beyond the horizon`);
    if (s.start < q.from || s.start >= q.to) problems.push(`${at}: outside the asked window`);
    const opening = open.find((o) => o.start <= s.start && s.start < o.end);
    if (opening && (s.start - gridStart(q, opening, s.start)) % (q.type.step * MINUTE) !== 0) {
      problems.push(
        `${at}: not on the ${q.type.step}-minute grid from ${new Date(gridStart(q, opening, s.start)).toISOString()}`,
      );
    }
  }
  for (let i = 1; i < slots.length; i++) {
    if (slots[i - 1]!.start >= slots[i]!.start) problems.push('slots are not in increasing order');
  }
  return problems;
}
