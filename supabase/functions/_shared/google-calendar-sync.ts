// The Google Calendar work google-sync, google-webhook and google-callback share: push queued
// appointments to the booking calendar, pull busy times with sync tokens, keep push channels
// alive. All state is in the database (the google_* functions of 20261206170200); Google is
// reached only through the official clients (google.ts). One OAuth client per practitioner per
// run, so a run refreshes each access token once.
import type { SupabaseClient } from 'npm:@supabase/supabase-js@2.119.1';
import {
  calendarClient,
  classify,
  DEFAULT_RETRY,
  withRetry,
  type calendar_v3,
  type GoogleFailure,
  type GoogleSettings,
  type RetryOptions,
} from './google.ts';
import { decryptToken } from './token-crypto.ts';

type Calendar = calendar_v3.Calendar;
type GEvent = calendar_v3.Schema$Event;

export interface PushRow {
  outbox_id: number;
  attempts: number;
  appointment_id: string;
  practitioner_id: string;
  status: string;
  mode: string;
  starts_at: string;
  ends_at: string;
  video_url: string | null;
  consultation: string;
  patient_name: string;
  time_zone: string;
  booking_calendar_id: string | null;
  refresh_token_cipher: string;
  linked_calendar_id: string | null;
  linked_event_id: string | null;
  linked_active: boolean | null;
}

export interface SyncRow {
  practitioner_id: string;
  calendar_id: string;
  sync_token: string | null;
  blocks_availability: boolean;
  is_booking_calendar: boolean;
  refresh_token_cipher: string;
  time_zone: string;
}

export interface SyncCounts {
  pushed: number;
  pushFailed: number;
  synced: number;
  syncFailed: number;
  channels: number;
  broken: number;
}

/** Calendars leased per claim. */
const SYNC_BATCH = 20;
/** A run stops claiming after this long; the next one starts with what it left (oldest first). */
const CLAIM_BUDGET_MS = 45_000;

/** The event id of an appointment, as private.google_event_id computes it. */
export const eventIdOf = (appointmentId: string): string => `cb${appointmentId.replace(/-/g, '')}`;

/** Whether an event takes the time: not cancelled, not "free", not declined by the calendar's owner. */
export function isBusy(e: GEvent): boolean {
  if (e.status === 'cancelled' || e.transparency === 'transparent') return false;
  return !(e.attendees ?? []).some((a) => a.self && a.responseStatus === 'declined');
}

/** An event as google_save_sync takes it. */
export function changeOf(e: GEvent): Record<string, unknown> {
  const base = { id: e.id, cancelled: e.status === 'cancelled', busy: isBusy(e) };
  if (e.start?.dateTime && e.end?.dateTime) return { ...base, start: e.start.dateTime, end: e.end.dateTime };
  if (e.start?.date && e.end?.date) return { ...base, start_date: e.start.date, end_date: e.end.date };
  return base;
}

export function meetUrlOf(e: GEvent): string | null {
  return (
    e.hangoutLink ?? e.conferenceData?.entryPoints?.find((p) => p.entryPointType === 'video')?.uri ?? null
  );
}

/** Our own database failed: no judgement on the Google connection, the lease brings the work back. */
export class DatabaseError extends Error {}

export interface EngineDeps {
  db: SupabaseClient;
  settings: GoogleSettings;
  key: CryptoKey;
  retry?: RetryOptions;
  log?: (line: string) => void;
}

export function syncEngine(deps: EngineDeps) {
  const { db, settings, key } = deps;
  const log = deps.log ?? console.error;
  const retry = deps.retry ?? DEFAULT_RETRY;
  const clients = new Map<string, Calendar>();
  /** Practitioners found broken in this run: nothing more is tried for them. */
  const broken = new Set<string>();

  async function clientFor(practitionerId: string, cipher: string): Promise<Calendar> {
    let client = clients.get(practitionerId);
    if (!client) {
      const refreshToken = await decryptToken(key, cipher, practitionerId);
      client = calendarClient(settings, { refresh_token: refreshToken });
      clients.set(practitionerId, client);
    }
    return client;
  }

  async function rpc<T>(name: string, args: Record<string, unknown>): Promise<T> {
    const { data, error } = await db.rpc(name, args);
    if (error) throw new DatabaseError(`${name}: ${error.message}`);
    return data as T;
  }

  async function recordFailure(practitionerId: string, calendarId: string | null, f: GoogleFailure) {
    const kind = f.kind === 'broken' ? 'broken' : f.kind === 'transient' ? 'transient' : 'permanent';
    if (kind === 'broken') broken.add(practitionerId);
    await rpc('google_record_failure', {
      p_practitioner_id: practitionerId,
      p_calendar_id: calendarId,
      p_kind: kind,
      p_code: f.code,
      p_message: f.message,
      p_retry_seconds: f.retryAfter,
    });
  }

  function eventBody(row: PushRow, withMeet: boolean): GEvent {
    const practitionerLink = `${settings.appUrl.replace(/\/+$/, '')}/calendar`;
    const lines = [`Carebook: ${row.consultation} with ${row.patient_name}`];
    if (row.video_url) lines.push(`Video: ${row.video_url}`);
    lines.push(practitionerLink);
    return {
      summary: `${row.patient_name} (${row.consultation})`,
      description: lines.join('\n'),
      status: 'confirmed',
      start: { dateTime: row.starts_at, timeZone: row.time_zone },
      end: { dateTime: row.ends_at, timeZone: row.time_zone },
      ...(row.video_url && row.mode === 'video' && { location: row.video_url }),
      extendedProperties: { private: { carebookAppointmentId: row.appointment_id } },
      ...(withMeet && {
        conferenceData: {
          createRequest: { requestId: row.appointment_id, conferenceSolutionKey: { type: 'hangoutsMeet' } },
        },
      }),
    };
  }

  /** Makes Google show the appointment as it is now; answers what google_finish_push records. */
  async function pushOne(row: PushRow, cal: Calendar): Promise<Record<string, unknown> | null> {
    const eventId = row.linked_event_id ?? eventIdOf(row.appointment_id);
    if (row.status !== 'confirmed') {
      if (!row.linked_active || !row.linked_calendar_id) return null;
      try {
        await withRetry(() => cal.events.delete({ calendarId: row.linked_calendar_id!, eventId }), retry);
      } catch (error) {
        if (classify(error).kind !== 'gone') throw error; // deleted already: what we wanted
      }
      return {
        calendar_id: row.linked_calendar_id,
        event_id: eventId,
        starts_at: row.starts_at,
        ends_at: row.ends_at,
        active: false,
      };
    }
    const calendarId = row.linked_calendar_id ?? row.booking_calendar_id!;
    const withMeet = row.mode === 'video' && !row.video_url;
    let event: GEvent;
    const patch = async () =>
      (
        await withRetry(
          () =>
            cal.events.patch({
              calendarId,
              eventId,
              conferenceDataVersion: 1,
              requestBody: eventBody(row, false),
            }),
          retry,
        )
      ).data;
    if (row.linked_event_id) {
      event = await patch();
    } else {
      try {
        event = (
          await withRetry(
            () =>
              cal.events.insert({
                calendarId,
                conferenceDataVersion: 1,
                requestBody: { id: eventId, ...eventBody(row, withMeet) },
              }),
            retry,
          )
        ).data;
      } catch (error) {
        // The id exists: an earlier try reached Google and its answer was lost (a timeout).
        if (classify(error).kind !== 'duplicate') throw error;
        event = await patch();
      }
    }
    return {
      calendar_id: calendarId,
      event_id: eventId,
      starts_at: row.starts_at,
      ends_at: row.ends_at,
      active: true,
      ...(row.mode === 'video' && meetUrlOf(event) && { meet_url: meetUrlOf(event) }),
    };
  }

  async function pushes(counts: SyncCounts, practitionerId?: string, limit = 50): Promise<void> {
    const rows = await rpc<PushRow[]>('google_claim_pushes', {
      p_limit: limit,
      p_practitioner_id: practitionerId ?? null,
    });
    for (const row of rows) {
      if (broken.has(row.practitioner_id)) {
        await rpc('google_finish_push', {
          p_outbox_id: row.outbox_id,
          p_outcome: 'retry',
          p_error: 'connection broken',
        });
        continue;
      }
      try {
        const cal = await clientFor(row.practitioner_id, row.refresh_token_cipher);
        const event = await pushOne(row, cal);
        await rpc('google_finish_push', { p_outbox_id: row.outbox_id, p_outcome: 'done', p_event: event });
        counts.pushed++;
      } catch (error) {
        counts.pushFailed++;
        if (error instanceof DatabaseError) {
          log(`google-sync: push of ${row.appointment_id}: ${error.message}`);
          continue;
        }
        const f = classify(error);
        log(`google-sync: push of ${row.appointment_id} failed (${f.code}): ${f.message}`);
        if (f.kind === 'broken') counts.broken++;
        await recordFailure(row.practitioner_id, null, f);
        await rpc('google_finish_push', {
          p_outbox_id: row.outbox_id,
          p_outcome: f.kind === 'permanent' ? 'failed' : 'retry',
          p_error: `${f.code}: ${f.message}`,
          p_retry_seconds: f.retryAfter,
        });
      }
    }
  }

  /** Reads a calendar's changes (all events when it has no sync token) and saves them. */
  async function syncOne(row: SyncRow, cal: Calendar): Promise<{ busy: number; requests: number }> {
    let token = row.sync_token;
    let requests = 0;
    for (let restart = 0; ; restart++) {
      const events: Record<string, unknown>[] = [];
      let pageToken: string | undefined;
      let nextSyncToken: string | null | undefined;
      let timeZone = row.time_zone;
      try {
        do {
          requests++;
          const page = (
            await withRetry(
              () =>
                cal.events.list({
                  calendarId: row.calendar_id,
                  singleEvents: true,
                  maxResults: 2500,
                  ...(token ? { syncToken: token } : { showDeleted: false }),
                  ...(pageToken && { pageToken }),
                }),
              retry,
            )
          ).data;
          for (const item of page.items ?? []) events.push(changeOf(item));
          timeZone = page.timeZone ?? timeZone;
          pageToken = page.nextPageToken ?? undefined;
          nextSyncToken = page.nextSyncToken;
        } while (pageToken);
      } catch (error) {
        if (classify(error).kind === 'stale' && token && restart === 0) {
          // 410: the token is too old. List everything again; the saved set is replaced.
          await rpc('google_reset_sync', {
            p_practitioner_id: row.practitioner_id,
            p_calendar_id: row.calendar_id,
          });
          token = null;
          continue;
        }
        throw error;
      }
      const saved = await rpc<{ busy: number; flagged: number }[]>('google_save_sync', {
        p_practitioner_id: row.practitioner_id,
        p_calendar_id: row.calendar_id,
        p_full: !token,
        p_events: events,
        p_sync_token: nextSyncToken ?? null,
        p_time_zone: timeZone,
      });
      return { busy: saved[0]?.busy ?? 0, requests };
    }
  }

  async function syncs(
    counts: SyncCounts,
    options: { all?: boolean; practitionerId?: string } = {},
  ): Promise<void> {
    // Batch after batch until none is left (each calendar taken is then pulled, or stays leased,
    // or has its failure recorded, so it is not taken again), within a time budget.
    const started = Date.now();
    for (;;) {
      const rows = await rpc<SyncRow[]>('google_claim_syncs', {
        p_limit: SYNC_BATCH,
        p_all: options.all ?? false,
        p_practitioner_id: options.practitionerId ?? null,
      });
      await pull(counts, rows);
      if (rows.length < SYNC_BATCH || Date.now() - started > CLAIM_BUDGET_MS) return;
    }
  }

  async function pull(counts: SyncCounts, rows: SyncRow[]): Promise<void> {
    for (const row of rows) {
      if (broken.has(row.practitioner_id)) continue;
      try {
        const cal = await clientFor(row.practitioner_id, row.refresh_token_cipher);
        await syncOne(row, cal);
        counts.synced++;
      } catch (error) {
        counts.syncFailed++;
        if (error instanceof DatabaseError) {
          log(`google-sync: pull of ${row.calendar_id}: ${error.message}`);
          continue;
        }
        const f = classify(error);
        log(`google-sync: pull of ${row.calendar_id} failed (${f.code}): ${f.message}`);
        if (f.kind === 'broken') counts.broken++;
        await recordFailure(row.practitioner_id, row.calendar_id, f);
      }
    }
  }

  /** Opens push channels where none is open, or where one expires within a day (then stops it). */
  async function channels(counts: SyncCounts, practitionerId?: string): Promise<void> {
    const rows = await rpc<
      {
        practitioner_id: string;
        calendar_id: string;
        channel_id: string | null;
        channel_resource_id: string | null;
        refresh_token_cipher: string;
      }[]
    >('google_channels_due', { p_practitioner_id: practitionerId ?? null });
    for (const row of rows) {
      if (broken.has(row.practitioner_id)) continue;
      try {
        const cal = await clientFor(row.practitioner_id, row.refresh_token_cipher);
        const token = crypto.randomUUID();
        const opened = (
          await withRetry(
            () =>
              cal.events.watch({
                calendarId: row.calendar_id,
                requestBody: {
                  id: crypto.randomUUID(),
                  type: 'web_hook',
                  address: settings.webhookUrl,
                  token,
                  params: { ttl: '604800' },
                },
              }),
            retry,
          )
        ).data;
        await rpc('google_save_channel', {
          p_practitioner_id: row.practitioner_id,
          p_calendar_id: row.calendar_id,
          p_channel_id: opened.id,
          p_token: token,
          p_resource_id: opened.resourceId,
          p_expires_at: new Date(Number(opened.expiration ?? Date.now() + 604_800_000)).toISOString(),
        });
        counts.channels++;
        if (row.channel_id && row.channel_resource_id) {
          await cal.channels
            .stop({ requestBody: { id: row.channel_id, resourceId: row.channel_resource_id } })
            .catch((e: unknown) =>
              log(`google-sync: stopping channel ${row.channel_id}: ${classify(e).message}`),
            );
        }
      } catch (error) {
        if (error instanceof DatabaseError) {
          log(`google-sync: watch of ${row.calendar_id}: ${error.message}`);
          continue;
        }
        const f = classify(error);
        log(`google-sync: watch of ${row.calendar_id} failed (${f.code}): ${f.message}`);
        if (f.kind === 'broken') counts.broken++;
        // A calendar that cannot be watched is still pulled by the periodic sync.
        if (f.kind === 'broken' || f.kind === 'transient')
          await recordFailure(row.practitioner_id, row.calendar_id, f);
      }
    }
  }

  return {
    pushes,
    syncs,
    channels,
    syncOne,
    /** Everything due, in the order that matters: our events first, then channels, then pulls. */
    async run(options: { all?: boolean; practitionerId?: string } = {}): Promise<SyncCounts> {
      const counts: SyncCounts = {
        pushed: 0,
        pushFailed: 0,
        synced: 0,
        syncFailed: 0,
        channels: 0,
        broken: 0,
      };
      await pushes(counts, options.practitionerId);
      await channels(counts, options.practitionerId);
      await syncs(counts, options);
      return counts;
    },
  };
}

export type SyncEngine = ReturnType<typeof syncEngine>;
