// Supabase clients for functions. A user client forwards the caller's JWT, so every query runs as
// that user and Row Level Security decides what it sees; never use the service role for that.
import { createClient, type SupabaseClient } from 'npm:@supabase/supabase-js@2.119.1';

export function requireEnv(name: string): string {
  const value = Deno.env.get(name);
  if (!value) throw new Error(`${name} is not set`);
  return value;
}

// A function serves one request at a time per client: no session storage, no refresh timers.
const serverAuth = { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false };

export function userClient(jwt: string): SupabaseClient {
  return createClient(requireEnv('SUPABASE_URL'), requireEnv('SUPABASE_ANON_KEY'), {
    global: { headers: { Authorization: `Bearer ${jwt}` } },
    auth: serverAuth,
  });
}

/** The anon role: what anyone on the internet may do; for work that needs no caller. */
export function anonClient(): SupabaseClient {
  return createClient(requireEnv('SUPABASE_URL'), requireEnv('SUPABASE_ANON_KEY'), { auth: serverAuth });
}

/** Bypasses RLS: only for work no user could do, and never with data a caller chose unchecked. */
export function serviceClient(): SupabaseClient {
  return createClient(requireEnv('SUPABASE_URL'), requireEnv('SUPABASE_SERVICE_ROLE_KEY'), {
    auth: serverAuth,
  });
}
