// Where the kit finds the stack: the profile the runner names (CAREBOOK_PROFILE, `test` by
// default, with CAREBOOK_TEST_PORT_OFFSET honoured by loadConfig), as every suite did before.
import pg from 'pg';
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import type { Database } from '@carebook/data';
import { loadConfig, type Profile } from '@carebook/local-stack';

export const config = loadConfig((process.env.CAREBOOK_PROFILE as Profile | undefined) ?? 'test');

export type Client = SupabaseClient<Database>;

// No session kept anywhere: each client is one person, and tests run side by side.
const opts = { auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false } };

/** A client with the anon key, as a browser before sign-in. */
export const anon = (): Client => createClient<Database>(config.apiUrl, config.anonKey, opts);

/** A client with the service-role key, for what only the platform itself may do. */
export const service = (): Client => createClient<Database>(config.apiUrl, config.serviceRoleKey, opts);

type DbRole = 'postgres' | 'supabase_auth_admin';
const pools = new Map<DbRole, pg.Pool>();

/**
 * Runs SQL as `postgres` (the role migrations run as), or as the auth server's role to write
 * auth.users the way GoTrue or a bulk load does. Not for behaviour under test: use the API.
 */
export async function sql<T extends pg.QueryResultRow = Record<string, unknown>>(
  text: string,
  params: unknown[] = [],
  options: { as?: DbRole } = {},
): Promise<T[]> {
  const role = options.as ?? 'postgres';
  let pool = pools.get(role);
  if (!pool) {
    pool = new pg.Pool({ connectionString: config.dbUrl(role), max: 2, allowExitOnIdle: true });
    pools.set(role, pool);
  }
  const result = await pool.query<T>(text, params);
  return result.rows;
}
