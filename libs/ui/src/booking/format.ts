// Dates and times as each language writes them, always in a named time zone (the
// viewer's machine zone is never assumed).
import { LOCALE_TAGS, type Locale } from '@carebook/domain';

/** "lundi 4 janvier 2027" / "Monday 4 January 2027". */
export function formatLongDate(instant: string | number, zone: string, locale: Locale): string {
  return new Intl.DateTimeFormat(LOCALE_TAGS[locale], {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: zone,
  }).format(new Date(instant));
}

/** "09:30" in both languages (24-hour clock, as in France and on British sites). */
export function formatTime(instant: string | number, zone: string, locale: Locale): string {
  return new Intl.DateTimeFormat(LOCALE_TAGS[locale], {
    hour: '2-digit',
    minute: '2-digit',
    timeZone: zone,
  }).format(new Date(instant));
}

/** A local date 'YYYY-MM-DD' as a column head: weekday and day ("lun. 4 janv."). */
export function formatDayHead(date: string, locale: Locale): { weekday: string; day: string; long: string } {
  // Noon UTC of that date is the same calendar day everywhere the label is computed.
  const at = new Date(`${date}T12:00:00Z`);
  const fmt = (options: Intl.DateTimeFormatOptions) =>
    new Intl.DateTimeFormat(LOCALE_TAGS[locale], { ...options, timeZone: 'UTC' }).format(at);
  return {
    weekday: fmt({ weekday: 'short' }),
    day: fmt({ day: 'numeric', month: 'short' }),
    long: fmt({ weekday: 'long', day: 'numeric', month: 'long' }),
  };
}

/** A zone's name as people read it ("heure normale d’Europe centrale"), with the IANA name as fallback. */
export function formatZoneName(zone: string, locale: Locale, at: number = Date.now()): string {
  const part = new Intl.DateTimeFormat(LOCALE_TAGS[locale], { timeZone: zone, timeZoneName: 'longGeneric' })
    .formatToParts(new Date(at))
    .find((p) => p.type === 'timeZoneName');
  return part ? `${part.value} (${zone})` : zone;
}
