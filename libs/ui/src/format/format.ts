// Money, dates and plural forms written the reader's way. Dates always name their time zone, since
// practitioners, patients and Stripe's clock are not always in the same one.
import { LOCALE_TAGS, formatAmount, type Locale } from '@carebook/domain';

/** "49,00 €" / "€49.00" from minor units. */
export function formatMoney(amountCents: number, currency: string, locale: Locale): string {
  return formatAmount(amountCents, currency, locale);
}

/** The browser's IANA zone, where the reader is (falls back to UTC when the browser names none). */
export function readerTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** "15 janvier 2027 (Europe/Paris)": a calendar day in a zone, the zone named. */
export function formatDay(instant: string, locale: Locale, timeZone: string): string {
  const day = new Intl.DateTimeFormat(LOCALE_TAGS[locale], {
    timeZone,
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(new Date(instant));
  return `${day} (${timeZone})`;
}

/** "lundi 4 janvier 2027, 09:00 (Europe/Paris)": an instant in a zone, the zone named. */
export function formatDateTime(instant: string, locale: Locale, timeZone: string): string {
  const text = new Intl.DateTimeFormat(LOCALE_TAGS[locale], {
    timeZone,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(instant));
  return `${text} (${timeZone})`;
}

/**
 * The plural form a count takes in a language: French says "0 jour" and "1 jour", English
 * "0 days". Texts keep one key per form (`.one`, `.other`), so vue-i18n's own plural choice,
 * which is English's, never decides.
 */
export function pluralForm(count: number, locale: Locale): 'one' | 'other' {
  return new Intl.PluralRules(LOCALE_TAGS[locale]).select(count) === 'one' ? 'one' : 'other';
}
