// Wiring only: the logic and its tests are in handler.ts. The ping is a one-row anonymous read of
// professions (reference data every visitor may read), so it goes gateway -> PostgREST -> Postgres
// like any app request, without a caller and without the service role.
import { anonClient } from '../_shared/supabase.ts';
import { handler } from './handler.ts';

Deno.serve(
  handler({
    async pingDatabase(signal) {
      const { error } = await anonClient()
        .from('professions')
        .select('code', { head: true })
        .limit(1)
        .abortSignal(signal);
      if (error) throw new Error(`${error.code} ${error.message}`);
    },
  }),
);
