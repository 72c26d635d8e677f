// Public API of @carebook/shell: what both apps run on. Start-up, the shared routes and pages,
// the frame, the session store and guard, the Supabase client's injection and i18n set-up.
export { installCarebook, CAREBOOK_BRAND, type CarebookAppOptions } from './app/install-carebook.ts';
export { createCarebookRouter, type CarebookRouterOptions } from './app/create-carebook-router.ts';
export { readAppEnv, type AppEnv } from './app/read-app-env.ts';
export { provideCarebookClient, useCarebookClient } from './app/carebook-client.ts';
export { createCarebookI18n, errorKey, type AppMessages } from './i18n/create-i18n.ts';
export { useSession } from './session/use-session.ts';
export { installSessionGuard, type SessionGuardPaths } from './session/session-guard.ts';
export { safeRedirect } from './session/safe-redirect.ts';
export { default as AuthPanel } from './auth/AuthPanel.vue';
export { default as ChoosePasswordForm } from './auth/ChoosePasswordForm.vue';
export { default as AccountMenu } from './layout/AccountMenu.vue';
export { default as AppHeader } from './layout/AppHeader.vue';
export { default as NotificationBell } from './notifications/NotificationBell.vue';
export { useNotifications, NOTIFICATION_POLL_MS } from './notifications/use-notifications.ts';
