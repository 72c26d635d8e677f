// Page, store and guard specs run in happy-dom with the same Vue and Quasar plugins as the apps.
import { defineConfig } from 'vitest/config';
import { carebookVitePlugins, VUE_I18N_FLAGS } from '@carebook/ui/vite';

export default defineConfig({
  plugins: carebookVitePlugins(),
  define: VUE_I18N_FLAGS,
  test: {
    environment: 'happy-dom',
    include: ['src/**/*.spec.ts'],
    exclude: ['src/**/*.int.spec.ts'],
    setupFiles: ['src/testing/setup.ts'],
    // Quasar ships browser ESM; run it through Vite instead of Node so the client build is used.
    server: { deps: { inline: ['quasar'] } },
  },
});
