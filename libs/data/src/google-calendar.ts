// A practitioner's Google Calendar connection: what the Integrations page reads
// (my_google_connection, which never carries a token), the choice of calendars, and the
// google-connect / google-sync functions (start the consent, disconnect, sync now).
import { parseInstantRange } from '@carebook/domain';
import type { CarebookClient } from './client.ts';
import { callFunction } from './functions.ts';
import { mapPostgrestError, mapUnknownError } from './errors.ts';
import { fail, ok, type Result } from './result.ts';

export interface GoogleCalendarChoice {
  id: string;
  summary: string;
  primary: boolean;
  /** Bookings can go only to a calendar the account may write to. */
  writable: boolean;
  blocksAvailability: boolean;
  lastSyncedAt: string | null;
}

export interface GoogleConnection {
  status: 'active' | 'broken';
  accountEmail: string | null;
  bookingCalendarId: string | null;
  lastSyncedAt: string | null;
  /** Google's reason (invalid_grant, rateLimitExceeded...) of the last failure, until a sync succeeds. */
  lastErrorCode: string | null;
  lastErrorAt: string | null;
  /** After failures, when the next try may run. */
  retryAt: string | null;
  calendars: GoogleCalendarChoice[];
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const iso = (v: unknown): string | null => (typeof v === 'string' ? new Date(v).toISOString() : null);

/** my_google_connection's JSON in the app's shape; null when it is not what the database sends. */
export function toGoogleConnection(data: unknown): GoogleConnection | null {
  if (
    !isObject(data) ||
    (data.status !== 'active' && data.status !== 'broken') ||
    !Array.isArray(data.calendars)
  )
    return null;
  return {
    status: data.status,
    accountEmail: str(data.account_email),
    bookingCalendarId: str(data.booking_calendar_id),
    lastSyncedAt: iso(data.last_synced_at),
    lastErrorCode: str(data.last_error_code),
    lastErrorAt: iso(data.last_error_at),
    retryAt: iso(data.retry_at),
    calendars: data.calendars.filter(isObject).map((c) => ({
      id: String(c.id),
      summary: str(c.summary) ?? String(c.id),
      primary: c.primary === true,
      writable: c.writable === true,
      blocksAvailability: c.blocks_availability === true,
      lastSyncedAt: iso(c.last_synced_at),
    })),
  };
}

async function rpcConnection(
  request: PromiseLike<{ data: unknown; error: { code?: string; message: string } | null; status: number }>,
): Promise<Result<GoogleConnection | null>> {
  try {
    const { data, error, status } = await request;
    if (error) return fail(mapPostgrestError(error as never, status));
    if (data === null) return ok(null);
    const connection = toGoogleConnection(data);
    return connection
      ? ok(connection)
      : fail({ code: 'unexpected_data', message: 'google connection: unexpected answer' });
  } catch (error) {
    return fail(mapUnknownError(error));
  }
}

/** The signed-in practitioner's connection; null when Google Calendar is not connected. */
export function getGoogleConnection(client: CarebookClient): Promise<Result<GoogleConnection | null>> {
  return rpcConnection(client.rpc('my_google_connection'));
}

/** Which calendars block availability and which one receives bookings; answers the connection. */
export function setGoogleCalendars(
  client: CarebookClient,
  blocking: string[],
  booking: string,
): Promise<Result<GoogleConnection | null>> {
  return rpcConnection(client.rpc('set_my_google_calendars', { p_blocking: blocking, p_booking: booking }));
}

const toUrl = (data: unknown): string | null =>
  isObject(data) && typeof data.url === 'string' && /^https?:\/\//.test(data.url) ? data.url : null;

/** Google's consent page to go to (the callback brings the practitioner back to /integrations). */
export function startGoogleConnect(client: CarebookClient): Promise<Result<string>> {
  return callFunction(client, 'google-connect', { method: 'POST', body: {} }, toUrl);
}

/** Revokes Carebook's access at Google and forgets the connection and its busy times. */
export function disconnectGoogle(client: CarebookClient): Promise<Result<true>> {
  return callFunction(client, 'google-connect/disconnect', { method: 'POST', body: {} }, (d) =>
    isObject(d) && d.disconnected === true ? true : null,
  );
}

/** Pulls the practitioner's calendars now (and pushes what is waiting). */
export function syncGoogleNow(client: CarebookClient): Promise<Result<true>> {
  return callFunction(client, 'google-sync', { method: 'POST', body: {} }, (d) =>
    isObject(d) ? true : null,
  );
}

export interface BusyTime {
  startsAt: string;
  endsAt: string;
}

/** A busy interval as PostgREST writes it, read by the domain's one range parser; null if not closed. */
export function toBusyTime(range: string): BusyTime | null {
  const parsed = parseInstantRange(range);
  return parsed ? { startsAt: parsed.from, endsAt: parsed.to } : null;
}

/** The signed-in practitioner's busy times copied from Google that end after `from`, soonest first. */
export async function listGoogleBusyTimes(
  client: CarebookClient,
  from: string,
  limit = 5,
): Promise<Result<BusyTime[]>> {
  try {
    const { data, error, status } = await client
      .from('external_busy_intervals')
      .select('during')
      .eq('source', 'google')
      .filter('during', 'nxl', `[${from},${from}]`)
      .order('during')
      .limit(limit);
    if (error) return fail(mapPostgrestError(error, status));
    return ok((data ?? []).map((r) => toBusyTime(String(r.during))).filter((r): r is BusyTime => r !== null));
  } catch (error) {
    return fail(mapUnknownError(error));
  }
}
