// Public API of @carebook/ui: start-up, routes and shared pages, components, the session store and
// i18n for both apps.
export { provideCarebookClient, useCarebookClient } from './client.ts';
export { createCarebookI18n, sharedMessages, errorKey, type AppMessages } from './i18n/create-i18n.ts';
export type { MessageSchema } from './i18n/messages-fr.ts';
export { useLocale, storedLocale, LOCALE_STORAGE_KEY } from './locale/use-locale.ts';
export { useSession } from './session/use-session.ts';
export { installSessionGuard, type SessionGuardPaths } from './session/session-guard.ts';
export { safeRedirect } from './session/safe-redirect.ts';
export type { AuthFormValues, AuthMode } from './auth/auth-form-values.ts';
export { initials } from './profile/initials.ts';
export { default as AuthForm } from './auth/AuthForm.vue';
export { default as AuthPanel } from './auth/AuthPanel.vue';
export { default as ConfirmEmailNotice } from './auth/ConfirmEmailNotice.vue';
export { default as ProfileCard } from './profile/ProfileCard.vue';
export { default as LocaleSwitcher } from './locale/LocaleSwitcher.vue';
export { default as AccountMenu } from './layout/AccountMenu.vue';
export { default as AppHeader } from './layout/AppHeader.vue';
export { installCarebook, CAREBOOK_BRAND, type CarebookAppOptions } from './app/install-carebook.ts';
export { createCarebookRouter, type CarebookRouterOptions } from './app/create-carebook-router.ts';
export { readAppEnv, type AppEnv } from './app/read-app-env.ts';
