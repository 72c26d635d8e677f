// The one place a Supabase client is made, so every app talks to the API with the same settings
// and the generated Database types.
import { createClient, type SupabaseClient, type SupabaseClientOptions } from '@supabase/supabase-js';
import type { Database } from '@carebook/domain';

export type CarebookClient = SupabaseClient<Database>;
export type CarebookClientOptions = SupabaseClientOptions<'public'>;

export function createCarebookClient(
  url: string,
  anonKey: string,
  options: CarebookClientOptions = {},
): CarebookClient {
  return createClient<Database>(url, anonKey, {
    ...options,
    auth: {
      // Confirmation and magic links come back with the session in the URL fragment (implicit
      // flow), which works whichever browser tab opens the link; PKCE would need the same tab.
      flowType: 'implicit',
      detectSessionInUrl: true,
      persistSession: true,
      autoRefreshToken: true,
      ...options.auth,
    },
  });
}
