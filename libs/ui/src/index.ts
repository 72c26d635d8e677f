// Public API of @carebook/ui: presentational components (props in, events out, no API calls),
// their helpers, and the shared texts. Nothing here imports @carebook/data or @supabase/*.
export { sharedMessages, type MessageSchema } from './i18n/shared-messages.ts';
export { pluralRules } from './i18n/plural-rules.ts';
export {
  describeNotification,
  audienceOf,
  formatStamp,
  type NotificationAudience,
  type NotificationLike,
  type NotificationText,
  type Translator,
} from './notifications/describe-notification.ts';
export { useLocale, storedLocale, LOCALE_STORAGE_KEY } from './locale/use-locale.ts';
export type { AuthFormValues, AuthMode } from './auth/auth-form-values.ts';
export type { ProfileSummary } from './profile/profile-summary.ts';
export { initials } from './profile/initials.ts';
export { default as AuthForm } from './auth/AuthForm.vue';
export { default as ConfirmEmailNotice } from './auth/ConfirmEmailNotice.vue';
export { default as ProfileCard } from './profile/ProfileCard.vue';
export { default as LocaleSwitcher } from './locale/LocaleSwitcher.vue';
export { default as NotificationList, type NotificationListItem } from './notifications/NotificationList.vue';
export { notificationLink } from './notifications/notification-link.ts';
export { default as NotificationPreferenceGrid } from './notifications/NotificationPreferenceGrid.vue';
export {
  NOTIFICATION_CATEGORIES,
  NOTIFICATION_CHANNELS,
  type NotificationCategory,
  type NotificationChannel,
  type NotificationSettingView,
} from './notifications/notification-setting.ts';
export { checkPhone, type PhoneCheck, type PhoneIssue } from './notifications/phone-number.ts';
export { default as TimeZoneField } from './time-zone/TimeZoneField.vue';
export { FRENCH_TIME_ZONES, timeZoneGroups, type TimeZoneGroup } from './time-zone/time-zone-groups.ts';
export { formatMoney, formatDay, formatDateTime, readerTimeZone, pluralForm } from './format/format.ts';
export { default as WeekSlotGrid } from './booking/WeekSlotGrid.vue';
export {
  groupSlotsByDay,
  weekStartOf,
  weekStartAt,
  weekWindow,
  type GridDay,
  type GridSlot,
} from './booking/week-grid.ts';
export { formatDayHead, formatLongDate, formatTime, formatZoneName } from './booking/format.ts';
// The search page's card and the helpers only it needs (the booking/ helpers above format the rest).
export { formatPriceRange, formatDistance } from './format/format-price.ts';
export type { PractitionerCardView } from './practitioner/practitioner-card-view.ts';
export { default as PractitionerCard } from './practitioner/PractitionerCard.vue';
// Content pages: Markdown rendered with raw HTML off, then sanitised (decision 0026); the renderer
// loads with the view, never with the barrel.
export { default as MarkdownView } from './markdown/MarkdownView.vue';
