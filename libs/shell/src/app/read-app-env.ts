// Where an app finds the API. Defaults are the local stack's (the Supabase CLI's local URL and
// anon key), so `npm start` needs no .env; a deployment sets VITE_SUPABASE_URL and
// VITE_SUPABASE_ANON_KEY at build time. Each app passes its own import.meta.env, so this stays
// testable without Vite.
const LOCAL_SUPABASE_URL = 'http://127.0.0.1:54321';
const LOCAL_SUPABASE_ANON_KEY =
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZS1kZW1vIiwicm9sZSI6ImFub24iLCJleHAiOjE5ODM4MTI5OTZ9.CRXP1A7WOeoJeXxjNni43kdQwgnWNReilDMblYTn_I0';
const LOCAL_INBOX_URL = 'http://127.0.0.1:54324';

export interface AppEnv {
  supabaseUrl: string;
  supabaseAnonKey: string;
  /** The local stack's inbox, linked from "check your e-mail" in development builds only. */
  inboxUrl: string | null;
}

export function readAppEnv(source: Record<string, string | boolean | undefined>): AppEnv {
  const text = (name: string) => {
    const value = source[name];
    return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
  };
  return {
    supabaseUrl: text('VITE_SUPABASE_URL') ?? LOCAL_SUPABASE_URL,
    supabaseAnonKey: text('VITE_SUPABASE_ANON_KEY') ?? LOCAL_SUPABASE_ANON_KEY,
    inboxUrl: source.DEV === true ? (text('VITE_INBOX_URL') ?? LOCAL_INBOX_URL) : null,
  };
}
