// Wiring only: the logic and its tests are in handler.ts.
import { CALENDAR_SCOPE, calendarClient, CodeChallengeMethod, googleSettings, oauthClient } from '../_shared/google.ts';
import { serviceClient, userClient } from '../_shared/supabase.ts';
import { decryptToken, importTokenKey } from '../_shared/token-crypto.ts';
import { handler } from './handler.ts';

const settings = googleSettings();
const key = await importTokenKey(settings.tokenKey);
const db = serviceClient();

Deno.serve(
  handler({
    async practitionerOf(jwt) {
      const me = userClient(jwt);
      const { data: auth } = await me.auth.getUser(jwt);
      if (!auth?.user) return null;
      const { data } = await me.from('practitioners').select('id').eq('id', auth.user.id).maybeSingle();
      return (data?.id as string | undefined) ?? null;
    },
    async saveState(practitionerId, state, verifier) {
      const { error } = await db.rpc('google_create_state', {
        p_practitioner_id: practitionerId,
        p_state: state,
        p_code_verifier: verifier,
      });
      if (error) throw new Error(`google_create_state: ${error.message}`);
    },
    authUrl(state, challenge) {
      return oauthClient(settings).generateAuthUrl({
        access_type: 'offline',
        prompt: 'consent',
        scope: [CALENDAR_SCOPE],
        include_granted_scopes: true,
        state,
        code_challenge: challenge,
        code_challenge_method: CodeChallengeMethod.S256,
      });
    },
    async forget(practitionerId) {
      const { data, error } = await db.rpc('google_forget', { p_practitioner_id: practitionerId });
      if (error) throw new Error(`google_forget: ${error.message}`);
      const row = (
        data as { refresh_token_cipher: string; channels: { id: string; resource_id: string }[] }[]
      )[0];
      if (!row) return null;
      let refreshToken: string | null = null;
      try {
        refreshToken = await decryptToken(key, row.refresh_token_cipher, practitionerId);
      } catch {
        refreshToken = null; // a key rotated away: nothing to revoke with
      }
      return { refreshToken, channels: row.channels };
    },
    async revoke(refreshToken) {
      await oauthClient(settings).revokeToken(refreshToken);
    },
    async stopChannel(refreshToken, channel) {
      await calendarClient(settings, { refresh_token: refreshToken }).channels.stop({
        requestBody: { id: channel.id, resourceId: channel.resource_id },
      });
    },
  }),
);
