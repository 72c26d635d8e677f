// What both apps do at start-up, in the order that matters: the Supabase client first (it reads
// a confirmation link's URL fragment before the router can touch the URL), then Quasar, i18n,
// Pinia, the session guard and the router.
import type { App } from 'vue';
import type { Router } from 'vue-router';
import { createPinia } from 'pinia';
import { Quasar } from 'quasar';
import { createCarebookClient } from '@carebook/data';
import { storedLocale } from '@carebook/ui';
import { provideCarebookClient, provideScratchClientFactory } from './carebook-client.ts';
import { createCarebookI18n, type AppMessages } from '../i18n/create-i18n.ts';
import { installSessionGuard, type SessionGuardPaths } from '../session/session-guard.ts';

// Carebook's colours, applied by Quasar as CSS variables (--q-primary...).
export const CAREBOOK_BRAND = {
  primary: '#0b6e69',
  secondary: '#23395b',
  accent: '#e07a3f',
  positive: '#1e8e5a',
  negative: '#c62828',
  info: '#2b6cb0',
  warning: '#d99a00',
} as const;

export interface CarebookAppOptions<T extends Record<string, unknown>> {
  supabaseUrl: string;
  supabaseAnonKey: string;
  messages: AppMessages<T>;
  router: Router;
  paths?: SessionGuardPaths;
}

export function installCarebook<T extends Record<string, unknown>>(
  app: App,
  options: CarebookAppOptions<T>,
): void {
  provideCarebookClient(app, createCarebookClient(options.supabaseUrl, options.supabaseAnonKey));
  provideScratchClientFactory(app, () =>
    createCarebookClient(options.supabaseUrl, options.supabaseAnonKey, {
      auth: {
        persistSession: false,
        autoRefreshToken: false,
        detectSessionInUrl: false,
        storageKey: 'carebook-scratch',
      },
    }),
  );
  app.use(Quasar, { config: { brand: { ...CAREBOOK_BRAND } } });
  const locale = storedLocale();
  globalThis.document.documentElement.lang = locale;
  app.use(createCarebookI18n(locale, options.messages));
  app.use(createPinia());
  // The guard's store injects the client: run it inside the app's injection context.
  app.runWithContext(() =>
    installSessionGuard(options.router, options.paths ?? { signIn: '/auth', afterSignIn: '/account' }),
  );
  app.use(options.router);
}
