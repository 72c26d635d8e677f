// Weekday names in the reader's language, Monday first (ISO weekdays 1-7), and a day's slots
// grouped by local date, as the editor and its preview show them.
import { LOCALE_TAGS, localDate, type Locale } from '@carebook/domain';

// 2027-01-04 is a Monday: ISO weekday n falls on 2027-01-(3 + n).
export function weekdayName(isoWeekday: number, locale: Locale): string {
  const date = new Date(Date.UTC(2027, 0, 3 + isoWeekday, 12));
  return new Intl.DateTimeFormat(LOCALE_TAGS[locale], { weekday: 'long', timeZone: 'UTC' }).format(date);
}

export const ISO_WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

/** Slots by local date in a zone, dates in order, each day's starts in order. */
export function slotsByDay<T extends { startsAt: string }>(
  slots: readonly T[],
  zone: string,
): { date: string; slots: T[] }[] {
  const days = new Map<string, T[]>();
  for (const s of [...slots].sort((a, b) => a.startsAt.localeCompare(b.startsAt))) {
    const date = localDate(zone, Date.parse(s.startsAt));
    const list = days.get(date) ?? [];
    list.push(s);
    days.set(date, list);
  }
  return [...days].map(([date, list]) => ({ date, slots: list }));
}
