// How Carebook's single-file components compile and how their specs run: Vue with Quasar's asset
// URLs, Quasar's plugin (it imports only the Quasar components the templates use), vue-i18n's
// flags, and Vitest in happy-dom. The apps' Vite set-up (@carebook/shell/vite) and the vitest
// configs of libs/ui, libs/shell and the apps use it. Node only; nothing in src/ imports it.
import { fileURLToPath } from 'node:url';
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

/** Vitest settings for component, page and composable specs beside the code in src/. */
export function componentSpecSettings() {
  return {
    environment: 'happy-dom',
    include: ['src/**/*.spec.ts'],
    exclude: ['src/**/*.int.spec.ts'],
    setupFiles: [fileURLToPath(new URL('./happy-dom-setup.ts', import.meta.url))],
    // Quasar ships browser ESM; run it through Vite instead of Node so the client build is used.
    server: { deps: { inline: ['quasar'] } },
  };
}
