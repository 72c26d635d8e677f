// The signed-in person's notification preferences: one row per category x channel, defaults
// filled in by the database (my_notification_settings), changed one pair at a time
// (set_notification_preference, which refuses the pairs a booking needs: preference_required).
import type { DbEnum } from '@carebook/domain';
import type { CarebookClient } from './client.ts';
import { run, runMapped } from './query.ts';
import { fail, ok, type Result } from './result.ts';

export type NotificationCategory = DbEnum<'notification_category'>;
export type NotificationChannel = DbEnum<'notification_channel'>;

export interface NotificationSetting {
  category: NotificationCategory;
  channel: NotificationChannel;
  enabled: boolean;
  /** The booking needs it: always on, refused if turned off. */
  required: boolean;
}

export interface NotificationPreferenceChange {
  category: NotificationCategory;
  channel: NotificationChannel;
  enabled: boolean;
}

/** Every category x channel pair for the caller, as they stand now. */
export function getMyNotificationSettings(client: CarebookClient): Promise<Result<NotificationSetting[]>> {
  return runMapped(client.rpc('my_notification_settings'), 'my_notification_settings', (rows) =>
    rows.map(({ category, channel, enabled, required }) => ({ category, channel, enabled, required })),
  );
}

/** Turns one pair on or off; resolves to the pair as the database now holds it. */
export async function setNotificationPreference(
  client: CarebookClient,
  change: NotificationPreferenceChange,
): Promise<Result<NotificationSetting>> {
  const result = await run(
    client.rpc('set_notification_preference', {
      p_category: change.category,
      p_channel: change.channel,
      p_enabled: change.enabled,
    }),
    'set_notification_preference',
  );
  if (!result.ok) return result;
  const [row] = result.data;
  if (!row) return fail({ code: 'unexpected_data', message: 'set_notification_preference returned no row' });
  return ok({ category: row.category, channel: row.channel, enabled: row.enabled, required: row.required });
}
