// The calendar shows the practitioner's time zone, not the browser's: what FullCalendar hands
// back (date strings, with or without an offset) and what the dialogs' date and time fields hold
// (wall-clock values in that zone) become absolute instants here, and back. Gaps and overlaps at
// clock changes are read as the database reads them (libs/domain time-zone.ts).
import { offsetMinutes, zonedInstant, zonedParts } from '@carebook/domain';

const HAS_OFFSET = /(Z|[+-]\d{2}:?\d{2})$/i;
const LOCAL = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?)?$/;

/**
 * The ISO instant of a date string from the calendar: one with an offset is absolute already;
 * one without is a wall-clock time in `zone` (a date alone is that day's midnight).
 */
export function instantOf(text: string, zone: string): string {
  if (HAS_OFFSET.test(text)) {
    const at = Date.parse(text);
    if (Number.isNaN(at)) throw new Error(`Not a date: ${text}`);
    return new Date(at).toISOString();
  }
  const m = LOCAL.exec(text);
  if (!m) throw new Error(`Not a date: ${text}`);
  return new Date(zonedInstant(zone, m[1]!, m[2] ?? '00:00')).toISOString();
}

export interface LocalFields {
  /** 'YYYY-MM-DD' in the zone. */
  date: string;
  /** 'HH:MM' on the zone's wall clock. */
  time: string;
}

/** What a date field and a time field show for an instant, in the zone. */
export function localFields(instant: string, zone: string): LocalFields {
  const p = zonedParts(zone, Date.parse(instant));
  return { date: p.date, time: p.time };
}

/** The instant the fields mean in the zone; null when they are not a date and a time. */
export function instantFromFields(fields: LocalFields, zone: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(fields.date) || !/^\d{2}:\d{2}$/.test(fields.time)) return null;
  const at = zonedInstant(zone, fields.date, fields.time);
  return Number.isNaN(at) ? null : new Date(at).toISOString();
}

/** "UTC+02:00" at an instant: the offset people compare with their own clock. */
export function utcOffsetLabel(zone: string, instant: number): string {
  const minutes = offsetMinutes(zone, instant);
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  const hh = String(Math.floor(abs / 60)).padStart(2, '0');
  const mm = String(abs % 60).padStart(2, '0');
  return `UTC${sign}${hh}:${mm}`;
}

/** Minutes between two instants (a block's or an appointment's length). */
export function minutesBetween(from: string, to: string): number {
  return Math.round((Date.parse(to) - Date.parse(from)) / 60_000);
}

/** The instant `minutes` after another. */
export function addMinutes(instant: string, minutes: number): string {
  return new Date(Date.parse(instant) + minutes * 60_000).toISOString();
}
