// Wiring only: the logic and its tests are in handler.ts.
import { syncEngine } from '../_shared/google-calendar-sync.ts';
import { calendarClient, googleSettings, oauthClient } from '../_shared/google.ts';
import { serviceClient } from '../_shared/supabase.ts';
import { encryptToken, importTokenKey } from '../_shared/token-crypto.ts';
import { handler } from './handler.ts';

const settings = googleSettings();
const key = await importTokenKey(settings.tokenKey);
const db = serviceClient();

Deno.serve(
  handler({
    appUrl: settings.appUrl,
    async takeState(state) {
      const { data, error } = await db.rpc('google_take_state', { p_state: state });
      if (error) throw new Error(`google_take_state: ${error.message}`);
      const row = (data as { practitioner_id: string | null; code_verifier: string }[])[0];
      return row?.practitioner_id
        ? { practitionerId: row.practitioner_id, verifier: row.code_verifier }
        : null;
    },
    async exchange(code, verifier) {
      const { tokens } = await oauthClient(settings).getToken({ code, codeVerifier: verifier });
      return { refreshToken: tokens.refresh_token ?? null, accessToken: tokens.access_token ?? '' };
    },
    async connect(practitionerId, tokens) {
      const cal = calendarClient(settings, {
        access_token: tokens.accessToken,
        refresh_token: tokens.refreshToken,
      });
      const items = (await cal.calendarList.list({ minAccessRole: 'reader' })).data.items ?? [];
      const primary = items.find((c) => c.primary);
      const { error } = await db.rpc('google_store_connection', {
        p_practitioner_id: practitionerId,
        p_account_email: primary?.id ?? null,
        p_cipher: await encryptToken(key, tokens.refreshToken, practitionerId),
        p_calendars: items.map((c) => ({
          id: c.id,
          summary: c.summaryOverride ?? c.summary,
          primary: Boolean(c.primary),
          accessRole: c.accessRole,
        })),
      });
      if (error) throw new Error(`google_store_connection: ${error.message}`);
    },
    async firstSync(practitionerId) {
      await syncEngine({ db, settings, key }).run({ practitionerId });
    },
  }),
);
