// Page, store and guard specs run in happy-dom with the same Vue and Quasar plugins as the apps.
import { defineConfig } from 'vitest/config';
import { carebookVitePlugins, componentSpecSettings, VUE_I18N_FLAGS } from '@carebook/ui/vite';

export default defineConfig({
  plugins: carebookVitePlugins(),
  define: VUE_I18N_FLAGS,
  // The build helpers in vite/ have specs too.
  test: { ...componentSpecSettings(), include: ['src/**/*.spec.ts', 'vite/**/*.spec.ts'] },
});
