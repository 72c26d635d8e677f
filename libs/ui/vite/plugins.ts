// How this library's single-file components compile: Vue with Quasar's asset URLs, Quasar's
// plugin (it imports only the Quasar components the templates use) and vue-i18n's flags. The
// apps' Vite set-up (@carebook/shell/vite) and this library's specs both use it. Node, build
// time only; nothing in src/ imports it.
import type { PluginOption } from 'vite';
import vue from '@vitejs/plugin-vue';
import { quasar, transformAssetUrls } from '@quasar/vite-plugin';

/** Vue with Quasar's asset URLs, and Quasar's plugin. */
export function carebookVitePlugins(): PluginOption[] {
  return [vue({ template: { transformAssetUrls } }), quasar({ sassVariables: false })];
}

/** vue-i18n's compile-time flags: Composition API only, no devtools in production. */
export const VUE_I18N_FLAGS = {
  __VUE_I18N_LEGACY_API__: false,
  __VUE_I18N_FULL_INSTALL__: true,
  __INTLIFY_PROD_DEVTOOLS__: false,
};
