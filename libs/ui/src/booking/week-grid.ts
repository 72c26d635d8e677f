// The week shown by the availability grid: seven local days from a Monday, and the slots of each,
// read in the viewer's time zone (a slot belongs to the day its start falls on there).
import { addDays, isoWeekday, localDate, zonedInstant, zonedParts } from '@carebook/domain';

export interface GridSlot {
  /** ISO instant. */
  startsAt: string;
  /** 'HH:MM' on the viewer's clock. */
  time: string;
}

export interface GridDay {
  /** 'YYYY-MM-DD' in the viewer's zone. */
  date: string;
  slots: GridSlot[];
}

/** The Monday ('YYYY-MM-DD') of the week a local date falls in. */
export function weekStartOf(date: string): string {
  return addDays(date, 1 - isoWeekday(date));
}

/** The Monday of the week an instant falls in, in a zone. */
export function weekStartAt(zone: string, instant: number): string {
  return weekStartOf(localDate(zone, instant));
}

/** The instants bounding a local week: [Monday 00:00, next Monday 00:00) in the zone. */
export function weekWindow(zone: string, weekStart: string): { from: string; to: string } {
  return {
    from: new Date(zonedInstant(zone, weekStart, 0)).toISOString(),
    to: new Date(zonedInstant(zone, addDays(weekStart, 7), 0)).toISOString(),
  };
}

/** Seven days from `weekStart`, each with its slots in time order; slots outside the week are left out. */
export function groupSlotsByDay(
  slots: readonly { startsAt: string }[],
  zone: string,
  weekStart: string,
): GridDay[] {
  const days: GridDay[] = Array.from({ length: 7 }, (_, i) => ({ date: addDays(weekStart, i), slots: [] }));
  const byDate = new Map(days.map((d) => [d.date, d]));
  const sorted = [...slots].sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt));
  for (const slot of sorted) {
    const parts = zonedParts(zone, Date.parse(slot.startsAt));
    byDate.get(parts.date)?.slots.push({ startsAt: new Date(slot.startsAt).toISOString(), time: parts.time });
  }
  return days;
}
