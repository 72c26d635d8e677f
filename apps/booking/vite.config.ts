// Plain Vite + Quasar's Vite plugin (no @quasar/app-vite): the plugin imports only the Quasar
// components the templates use. The local stack starts this with CAREBOOK_BOOKING_PORT set.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';
import { quasar, transformAssetUrls } from '@quasar/vite-plugin';

const at = (relative: string) => fileURLToPath(new URL(relative, import.meta.url));
const port = Number(process.env.CAREBOOK_BOOKING_PORT ?? 9000);

export default defineConfig({
  root: at('.'),
  // VITE_* variables come from the repository's .env, shared by both apps.
  envDir: at('../..'),
  plugins: [vue({ template: { transformAssetUrls } }), quasar({ sassVariables: false })],
  resolve: {
    alias: {
      '@carebook/domain': at('../../libs/domain/src/index.ts'),
      '@carebook/data': at('../../libs/data/src/index.ts'),
      '@carebook/ui': at('../../libs/ui/src/index.ts'),
    },
  },
  define: {
    __VUE_I18N_LEGACY_API__: false,
    __VUE_I18N_FULL_INSTALL__: true,
    __INTLIFY_PROD_DEVTOOLS__: false,
  },
  // Pre-bundle every dependency up front: discovering one later reloads the page mid-session.
  optimizeDeps: { include: ['vue', 'vue-router', 'pinia', 'vue-i18n', 'quasar', '@supabase/supabase-js'] },
  server: { host: '127.0.0.1', port, strictPort: true },
  preview: { host: '127.0.0.1', port, strictPort: true },
  build: { outDir: at('dist'), emptyOutDir: true },
});
