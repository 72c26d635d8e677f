// Wiring only: the logic and its tests are in handler.ts and _shared/google-calendar-sync.ts.
import { syncEngine } from '../_shared/google-calendar-sync.ts';
import { googleSettings } from '../_shared/google.ts';
import { roleOf } from '../_shared/service-caller.ts';
import { serviceClient, userClient } from '../_shared/supabase.ts';
import { importTokenKey } from '../_shared/token-crypto.ts';
import { handler } from './handler.ts';

const settings = googleSettings();
const key = await importTokenKey(settings.tokenKey);
const db = serviceClient();

Deno.serve(
  handler({
    roleOf,
    async practitionerOf(jwt) {
      const me = userClient(jwt);
      const { data: auth } = await me.auth.getUser(jwt);
      if (!auth?.user) return null;
      const { data } = await me.from('practitioners').select('id').eq('id', auth.user.id).maybeSingle();
      return (data?.id as string | undefined) ?? null;
    },
    async markDue(practitionerId) {
      const { error } = await db.rpc('google_mark_due', { p_practitioner_id: practitionerId });
      if (error) throw new Error(`google_mark_due: ${error.message}`);
    },
    // A fresh engine per run: OAuth clients (and their access tokens) live for one run.
    run: (options) => syncEngine({ db, settings, key }).run(options),
  }),
);
