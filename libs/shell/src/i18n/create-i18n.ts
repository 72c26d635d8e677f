// One vue-i18n instance per app: the shared texts (from @carebook/ui) plus the app's own, which
// live under the app's own top-level key ("booking", "practitioner") so the two never collide.
import { createI18n } from 'vue-i18n';
import { DEFAULT_LOCALE, type Locale } from '@carebook/domain';
import type { DataErrorCode } from '@carebook/data';
import { pluralRules, sharedMessages } from '@carebook/ui';

// Compile-time proof that every error code the data layer can return has a text. It lives here
// because @carebook/ui, which holds the texts, may not import the data layer.
const _everyErrorHasText: Record<DataErrorCode, string> = sharedMessages.fr.errors;

export type AppMessages<T extends Record<string, unknown>> = Record<Locale, T>;

export function createCarebookI18n<T extends Record<string, unknown>>(locale: Locale, app?: AppMessages<T>) {
  return createI18n({
    legacy: false,
    locale,
    fallbackLocale: DEFAULT_LOCALE,
    // French plural forms ("0 notification"), not vue-i18n's English default.
    pluralRules,
    messages: {
      fr: { ...sharedMessages.fr, ...app?.fr },
      en: { ...sharedMessages.en, ...app?.en },
    },
  });
}

/** The message key of a data-layer error code. */
export function errorKey(code: DataErrorCode): `errors.${DataErrorCode}` {
  return `errors.${code}`;
}
