// The Vite set-up both apps build and serve with (imported as @carebook/shell/vite by each
// apps/*/vite.config.ts): plain Vite + Quasar's Vite plugin (from @carebook/ui/vite), no
// @quasar/app-vite. Runs in Node at build time only; nothing in src/ imports it.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { UserConfig } from 'vite';
import { carebookVitePlugins, VUE_I18N_FLAGS } from '@carebook/ui/vite';
import { initialJsReport, type InitialJsOptions } from './initial-js-report.ts';

const repo = (relative: string) => fileURLToPath(new URL(`../../../${relative}`, import.meta.url));

export interface CarebookViteOptions {
  /** The app's folder, where index.html is: `fileURLToPath(new URL('.', import.meta.url))`. */
  appDir: string;
  /** The variable the local stack sets to the app's port, e.g. CAREBOOK_BOOKING_PORT. */
  portEnv: string;
  /** The port without it (the dev profile's). */
  defaultPort: number;
  /** Print the first page's JavaScript size after each build (see initial-js-report.ts). */
  initialJs?: InitialJsOptions;
}

export function carebookViteConfig({
  appDir,
  portEnv,
  defaultPort,
  initialJs,
}: CarebookViteOptions): UserConfig {
  const port = Number(process.env[portEnv] ?? defaultPort);
  return {
    root: appDir,
    // VITE_* variables come from the repository's .env, shared by both apps.
    envDir: repo(''),
    plugins: [...carebookVitePlugins(), ...(initialJs ? [initialJsReport(initialJs)] : [])],
    resolve: {
      // Exact names only, so that subpaths such as @carebook/shell/css/app.css resolve through
      // the library's package.json exports.
      alias: [
        { find: /^@carebook\/domain$/, replacement: repo('libs/domain/src/index.ts') },
        { find: /^@carebook\/data$/, replacement: repo('libs/data/src/index.ts') },
        { find: /^@carebook\/ui$/, replacement: repo('libs/ui/src/index.ts') },
        { find: /^@carebook\/shell$/, replacement: repo('libs/shell/src/index.ts') },
      ],
    },
    define: VUE_I18N_FLAGS,
    // Pre-bundle every dependency up front: discovering one later reloads the page mid-session.
    optimizeDeps: { include: ['vue', 'vue-router', 'pinia', 'vue-i18n', 'quasar', '@supabase/supabase-js'] },
    server: { host: '127.0.0.1', port, strictPort: true },
    preview: { host: '127.0.0.1', port, strictPort: true },
    build: { outDir: path.join(appDir, 'dist'), emptyOutDir: true },
  };
}
