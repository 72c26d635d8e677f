// Component and composable specs run in happy-dom with the same Vue and Quasar plugins as the apps.
import { defineConfig } from 'vitest/config';
import vue from '@vitejs/plugin-vue';
import { quasar, transformAssetUrls } from '@quasar/vite-plugin';

export default defineConfig({
  plugins: [vue({ template: { transformAssetUrls } }), quasar({ sassVariables: false })],
  define: {
    __VUE_I18N_LEGACY_API__: false,
    __VUE_I18N_FULL_INSTALL__: true,
    __INTLIFY_PROD_DEVTOOLS__: false,
  },
  test: {
    environment: 'happy-dom',
    include: ['src/**/*.spec.ts'],
    exclude: ['src/**/*.int.spec.ts'],
    setupFiles: ['src/testing/setup.ts'],
    // Quasar ships browser ESM; run it through Vite instead of Node so the client build is used.
    server: { deps: { inline: ['quasar'] } },
  },
});
