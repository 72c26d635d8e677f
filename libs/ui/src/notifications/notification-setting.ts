// One cell of the preference grid, as my_notification_settings() describes it. The category
// and channel lists are the grid's order (the database enums' values, in reading order).
import type { DbEnum } from '@carebook/domain';

export type NotificationChannel = DbEnum<'notification_channel'>;
export type NotificationCategory = DbEnum<'notification_category'>;

export const NOTIFICATION_CATEGORIES: readonly NotificationCategory[] = ['booking', 'reminders', 'account'];
export const NOTIFICATION_CHANNELS: readonly NotificationChannel[] = ['email', 'sms', 'in_app'];

export interface NotificationSettingView {
  category: NotificationCategory;
  channel: NotificationChannel;
  enabled: boolean;
  /** The booking needs it: always on, not switchable. */
  required: boolean;
}
