// "7 déc. 2026, 09:00" / "7 Dec 2026, 09:00": a compact instant for table cells, in a given zone
// (the page names that zone once, above the list).
import { LOCALE_TAGS, type Locale } from '@carebook/domain';

export function shortDateTime(instant: string, zone: string, locale: Locale): string {
  return new Intl.DateTimeFormat(LOCALE_TAGS[locale], {
    timeZone: zone,
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(instant));
}
