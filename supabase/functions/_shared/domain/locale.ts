// GENERATED from libs/domain/src/locale.ts by supabase/functions/_shared/sync-domain.ts: do not edit.
// Change libs/domain, then run `npm exec -- node supabase/functions/_shared/sync-domain.ts`.
// The languages the apps are written in. French first: most users and practitioners are in France.
import { LOCALES, isOneOf, type Locale } from './enums.ts';

export const DEFAULT_LOCALE: Locale = 'fr';

/** The BCP 47 tag each language is formatted with (dates, numbers, money). */
export const LOCALE_TAGS: Record<Locale, string> = { fr: 'fr-FR', en: 'en-GB' };

export function isLocale(value: unknown): value is Locale {
  return isOneOf(LOCALES, value);
}

/**
 * Picks a supported locale from a list of preferences (stored choice, browser languages...),
 * matching on the primary subtag so that `en-GB` gives `en`.
 */
export function pickLocale(preferences: readonly (string | null | undefined)[]): Locale {
  for (const preference of preferences) {
    const primary = preference?.trim().toLowerCase().split(/[-_]/)[0];
    if (isLocale(primary)) return primary;
  }
  return DEFAULT_LOCALE;
}
