// Wiring only: the logic and its tests are in handler.ts.
import { syncEngine } from '../_shared/google-calendar-sync.ts';
import { googleSettings } from '../_shared/google.ts';
import { serviceClient } from '../_shared/supabase.ts';
import { importTokenKey } from '../_shared/token-crypto.ts';
import { handler } from './handler.ts';

const settings = googleSettings();
const key = await importTokenKey(settings.tokenKey);
const db = serviceClient();

Deno.serve(
  handler({
    async channel(id) {
      const { data, error } = await db.rpc('google_channel', { p_channel_id: id });
      if (error) throw new Error(`google_channel: ${error.message}`);
      const row = (
        data as { practitioner_id: string; calendar_id: string; channel_token: string | null }[]
      )[0];
      return row
        ? { practitionerId: row.practitioner_id, calendarId: row.calendar_id, token: row.channel_token }
        : null;
    },
    async pull(practitionerId, calendarId) {
      const { error } = await db.rpc('google_mark_due', {
        p_practitioner_id: practitionerId,
        p_calendar_id: calendarId,
      });
      if (error) throw new Error(`google_mark_due: ${error.message}`);
      const counts = { pushed: 0, pushFailed: 0, synced: 0, syncFailed: 0, channels: 0, broken: 0 };
      await syncEngine({ db, settings, key }).syncs(counts, { practitionerId });
    },
  }),
);
