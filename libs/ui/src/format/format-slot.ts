// Slot times in an explicit zone (the practitioner's), never the browser's by accident: a
// patient abroad booking a Paris practitioner sees Paris times, and the zone is named.
import type { Locale } from '@carebook/domain';

// French writes 09:30, English 9:30 AM.
const hour = (locale: Locale) => (locale === 'fr' ? '2-digit' : 'numeric');

/** "lun. 7 déc." / "Mon, Dec 7": the day of a start, in `timeZone`. */
export function formatSlotDay(locale: Locale, iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat(locale, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    timeZone,
  }).format(new Date(iso));
}

/** "09:30" / "9:30 AM": the time of a start, in `timeZone`. */
export function formatSlotTime(locale: Locale, iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat(locale, { hour: hour(locale), minute: '2-digit', timeZone }).format(
    new Date(iso),
  );
}

/**
 * The zone as people name it in "Paris time": its IANA id's city ("America/New_York" -> "New York").
 * Intl's own long names ("heure normale d’Europe centrale") read badly inside a sentence.
 */
export function zoneCity(timeZone: string): string {
  return (timeZone.split('/').pop() ?? timeZone).replace(/_/g, ' ');
}
