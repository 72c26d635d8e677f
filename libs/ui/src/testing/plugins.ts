// What a spec needs to mount a component the way the apps show it: Quasar and the shared texts.
// The components here hold no state, so no Pinia. Used by specs only; not exported.
import { Quasar } from 'quasar';
import { createI18n } from 'vue-i18n';
import type { Plugin } from 'vue';
import { DEFAULT_LOCALE, type Locale } from '@carebook/domain';
import { sharedMessages } from '../i18n/shared-messages.ts';
import { pluralRules } from '../i18n/plural-rules.ts';

function specI18n(locale: Locale) {
  // The apps' set-up (@carebook/shell's createCarebookI18n) with no app texts.
  return createI18n({
    legacy: false,
    locale,
    fallbackLocale: DEFAULT_LOCALE,
    messages: sharedMessages,
    pluralRules,
  });
}

export function testPlugins(locale: Locale = 'fr'): {
  plugins: [Plugin, ...unknown[]][];
  i18n: ReturnType<typeof specI18n>;
} {
  const i18n = specI18n(locale);
  return { plugins: [[Quasar, {}], [i18n]], i18n };
}
