// The signed-in person's in-app notifications (public.notifications). Row level security returns
// only the caller's own rows, so nothing here filters by recipient; the (recipient_id,
// created_at desc) index serves both the list and the unread count, which the bell polls.
import type { Json, Tables } from '@carebook/domain';
import type { CarebookClient } from './client.ts';
import { mapPostgrestError, mapUnknownError } from './errors.ts';
import { refuse, run, runMapped } from './query.ts';
import { fail, ok, type Result } from './result.ts';

/** What the apps need to say a notification in the reader's language (names, instants, zone). */
export type NotificationData = { [key: string]: Json | undefined };

export interface AppNotification {
  id: string;
  topic: string;
  data: NotificationData;
  readAt: string | null;
  createdAt: string;
}

type NotificationRow = Pick<Tables<'notifications'>, 'id' | 'topic' | 'data' | 'read_at' | 'created_at'>;

const COLUMNS = 'id, topic, data, read_at, created_at';
/** The most a list asks for at once; the bell shows the latest ones. */
export const NOTIFICATION_LIST_MAX = 100;

const iso = (t: string) => new Date(t).toISOString();

export function toAppNotification(row: NotificationRow): AppNotification {
  const data = row.data && typeof row.data === 'object' && !Array.isArray(row.data) ? row.data : {};
  return {
    id: row.id,
    topic: row.topic,
    data,
    readAt: row.read_at === null ? null : iso(row.read_at),
    createdAt: iso(row.created_at),
  };
}

/** The caller's latest notifications, newest first. */
export async function listMyNotifications(
  client: CarebookClient,
  { limit = 30 }: { limit?: number } = {},
): Promise<Result<AppNotification[]>> {
  if (!Number.isInteger(limit) || limit < 1 || limit > NOTIFICATION_LIST_MAX) {
    return refuse('out_of_range', `limit must be 1..${NOTIFICATION_LIST_MAX}`);
  }
  return runMapped(
    client
      .from('notifications')
      .select(COLUMNS)
      .order('created_at', { ascending: false })
      .order('id', { ascending: false })
      .limit(limit),
    'notifications',
    (rows) => rows.map(toAppNotification),
  );
}

/** How many of the caller's notifications are unread: a count, no rows sent. */
export async function countMyUnread(client: CarebookClient): Promise<Result<number>> {
  try {
    const { count, error, status } = await client
      .from('notifications')
      .select('id', { count: 'exact', head: true })
      .is('read_at', null);
    if (error) return fail(mapPostgrestError(error, status));
    if (count === null) return fail({ code: 'unexpected_data', message: 'no count in the answer', status });
    return ok(count);
  } catch (error) {
    return fail(mapUnknownError(error));
  }
}

/**
 * Marks the given notifications read, or all of the caller's when `ids` is omitted
 * (`mark_notifications_read`, read time from the server's clock); those already read keep their
 * first read time. Resolves to how many changed.
 */
export async function markNotificationsRead(
  client: CarebookClient,
  ids?: readonly string[],
): Promise<Result<number>> {
  if (ids !== undefined && ids.length === 0) return ok(0);
  return run(
    client.rpc('mark_notifications_read', ids === undefined ? {} : { p_ids: [...ids] }),
    'mark_notifications_read',
  );
}
