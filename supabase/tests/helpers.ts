// Test helpers for database tests through the API: each test makes its own users (unique e-mails)
// with the auth admin API and signs them in, so tests run in parallel and against real JWTs.
import { randomInt, randomUUID } from 'node:crypto';
import pg from 'pg';
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import type { Database } from '@carebook/data';
import { loadConfig, type Profile } from '@carebook/local-stack';
import type { Role } from '@carebook/domain';

export const config = loadConfig((process.env.CAREBOOK_PROFILE as Profile | undefined) ?? 'test');
const opts = { auth: { persistSession: false, autoRefreshToken: false } };

export const anon = (): SupabaseClient<Database> =>
  createClient<Database>(config.apiUrl, config.anonKey, opts);
export const service = (): SupabaseClient<Database> =>
  createClient<Database>(config.apiUrl, config.serviceRoleKey, opts);

export interface TestUser {
  id: string;
  email: string;
  client: SupabaseClient<Database>;
}

export async function signedInUser(
  role: Role,
  meta: Record<string, unknown> = {},
  options: { email?: string } = {},
): Promise<TestUser> {
  const email = options.email ?? `${role}-${randomUUID()}@tests.carebook.test`;
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

// --- Direct SQL, for what the API deliberately cannot do (catalog queries, checks as the owner).

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

// --- Data builders.

/** A slug no other test uses (practitioners and content pages need unique ones). */
export const uniqueSlug = (prefix: string): string => `${prefix}-${randomUUID().slice(0, 13)}`;

/** Lower-case letters only, for codes whose check allows no digits (professions). */
export const uniqueLetters = (length = 12): string =>
  Array.from({ length }, () => String.fromCharCode(97 + randomInt(26))).join('');

/** The Luhn check digit that completes `digits` (computed here, independently of the database). */
export function luhnCheckDigit(digits: string): number {
  let total = 0;
  // From the right, the digit next to the future check digit is doubled, then every other one.
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    total += d;
  }
  return (10 - (total % 10)) % 10;
}

/** A random RPPS number: 11 digits, the last one the Luhn check digit of the first ten. */
export function validRpps(): string {
  const firstTen = `1${String(randomInt(1_000_000_000)).padStart(9, '0')}`;
  return `${firstTen}${luhnCheckDigit(firstTen)}`;
}

/** The same number with a wrong check digit. */
export function invalidRpps(): string {
  const valid = validRpps();
  return `${valid.slice(0, 10)}${(Number(valid[10]) + 1) % 10}`;
}

/** A random ADELI number (9 digits). */
export const validAdeli = (): string => String(randomInt(100_000_000, 1_000_000_000));

export type PractitionerInsert = Database['public']['Tables']['practitioners']['Insert'];
export type PractitionerRow = Database['public']['Tables']['practitioners']['Row'];

/** The practitioner creates their own profile through the API (a draft), as the app does. */
export async function createPractitionerProfile(
  user: TestUser,
  fields: Partial<PractitionerInsert> = {},
): Promise<PractitionerRow> {
  const { data, error } = await user.client
    .from('practitioners')
    .insert({
      id: user.id,
      slug: uniqueSlug('dr'),
      display_name: 'Dr Test Practitioner',
      profession_code: 'psychologist',
      registration_number: validAdeli(),
      modes: ['video'],
      ...fields,
    })
    .select()
    .single();
  if (error) throw error;
  return data;
}

/**
 * Moves a practitioner through legal verification states with the service role (as a system
 * process would), e.g. `advance(id, 'submitted', 'verified')`.
 */
export async function advance(
  practitionerId: string,
  ...steps: Array<'submitted' | 'verified' | { status: 'rejected' | 'suspended'; reason: string }>
): Promise<PractitionerRow> {
  let row: PractitionerRow | null = null;
  for (const step of steps) {
    const patch =
      typeof step === 'string'
        ? { verification_status: step }
        : { verification_status: step.status, status_reason: step.reason };
    const { data, error } = await service()
      .from('practitioners')
      .update(patch)
      .eq('id', practitionerId)
      .select()
      .single();
    if (error) throw error;
    row = data;
  }
  if (!row) throw new Error('advance needs at least one step');
  return row;
}

export type SubscriptionStatus = Database['public']['Tables']['subscriptions']['Row']['status'];

/** Records a subscription as the Stripe webhook would (service role only). */
export async function subscribe(
  practitionerId: string,
  status: SubscriptionStatus = 'active',
): Promise<string> {
  const { data, error } = await service()
    .from('subscriptions')
    .insert({
      practitioner_id: practitionerId,
      plan: 'standard',
      status,
      current_period_end: new Date(Date.now() + 30 * 86_400_000).toISOString(),
    })
    .select('id')
    .single();
  if (error) throw error;
  return data.id;
}

/** A practitioner who is verified and subscribed, so published: what anybody may see. */
export async function publishedPractitioner(
  fields: Partial<PractitionerInsert> = {},
): Promise<TestUser & { profile: PractitionerRow }> {
  const user = await signedInUser('practitioner');
  await createPractitionerProfile(user, fields);
  await advance(user.id, 'submitted', 'verified');
  await subscribe(user.id, 'active');
  const { data, error } = await service().from('practitioners').select().eq('id', user.id).single();
  if (error) throw error;
  return { ...user, profile: data };
}
