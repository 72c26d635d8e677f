// Public API of @carebook/ui: presentational components (props in, events out, no API calls),
// their helpers, and the shared texts. Nothing here imports @carebook/data or @supabase/*.
export { sharedMessages, type MessageSchema } from './i18n/shared-messages.ts';
export { useLocale, storedLocale, LOCALE_STORAGE_KEY } from './locale/use-locale.ts';
export type { AuthFormValues, AuthMode } from './auth/auth-form-values.ts';
export type { ProfileSummary } from './profile/profile-summary.ts';
export { initials } from './profile/initials.ts';
export { default as AuthForm } from './auth/AuthForm.vue';
export { default as ConfirmEmailNotice } from './auth/ConfirmEmailNotice.vue';
export { default as ProfileCard } from './profile/ProfileCard.vue';
export { default as LocaleSwitcher } from './locale/LocaleSwitcher.vue';
export { formatMoney, formatDay, formatDateTime, readerTimeZone, pluralForm } from './format/format.ts';
