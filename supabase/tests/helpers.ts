// Test helpers for database tests through the API: each test makes its own users (unique e-mails)
// with the auth admin API and signs them in, so tests run in parallel and against real JWTs.
import { randomUUID } from 'node:crypto';
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import type { Database } from '@carebook/data';
import { loadConfig, type Profile } from '@carebook/local-stack';

export const config = loadConfig((process.env.CAREBOOK_PROFILE as Profile | undefined) ?? 'test');
const opts = { auth: { persistSession: false, autoRefreshToken: false } };

export const anon = (): SupabaseClient<Database> => createClient<Database>(config.apiUrl, config.anonKey, opts);
export const service = (): SupabaseClient<Database> => createClient<Database>(config.apiUrl, config.serviceRoleKey, opts);

export interface TestUser {
  id: string;
  email: string;
  client: SupabaseClient<Database>;
}

export async function signedInUser(
  role: 'patient' | 'practitioner' | 'staff',
  meta: Record<string, unknown> = {},
): Promise<TestUser> {
  const email = `${role}-${randomUUID()}@tests.carebook.test`;
  const password = `pw-${randomUUID()}`;
  const admin = service();
  const created = await admin.auth.admin.createUser({
    email,
    password,
    email_confirm: true,
    user_metadata: { role: role === 'staff' ? 'patient' : role, full_name: `Test ${role}`, ...meta },
  });
  if (created.error) throw created.error;
  const id = created.data.user.id;
  if (role === 'staff') {
    const { error } = await admin.from('staff_members').insert({ user_id: id });
    if (error) throw error;
  }
  const client = anon();
  const signIn = await client.auth.signInWithPassword({ email, password });
  if (signIn.error) throw signIn.error;
  return { id, email, client };
}
