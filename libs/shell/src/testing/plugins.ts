// What a spec needs to mount a page the way the apps run it: Quasar, i18n, Pinia.
// Used by specs only; not exported from the library.
import { Quasar } from 'quasar';
import { createPinia } from 'pinia';
import type { Plugin } from 'vue';
import type { Locale } from '@carebook/domain';
import { createCarebookI18n } from '../i18n/create-i18n.ts';

export function testPlugins(locale: Locale = 'fr'): {
  plugins: [Plugin, ...unknown[]][];
  i18n: ReturnType<typeof createCarebookI18n>;
} {
  const i18n = createCarebookI18n(locale);
  return { plugins: [[Quasar, {}], [i18n], [createPinia()]], i18n };
}
