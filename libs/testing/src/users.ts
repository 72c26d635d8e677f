// People, made through the auth admin API with unique e-mails and signed in through the auth API,
// so every test holds real JWTs and no two tests share an account.
//
// Speed: a password sent to the admin API costs a bcrypt hash at cost 10 in the auth server, and
// each sign-in another (~0.4 s each on this machine; the concurrency suite needs 200 patients).
// Unless a test brings its own password, the kit sends one ready-made hash of its shared password
// at bcrypt's lowest cost (`password_hash`, which GoTrue accepts for imports): still a real user,
// a real password sign-in and a real JWT, about 20 times faster.
import { randomUUID } from 'node:crypto';
import bcrypt from 'bcryptjs';
import { anon, service, type Client } from './connection.ts';
import type { UserRole } from './types.ts';
import { uniqueEmail } from './unique.ts';

/** A confirmed account that has not signed in (for tests that sign in through a form). */
export interface Account {
  id: string;
  email: string;
  password: string;
}

/** A confirmed account with a client signed in as it. */
export interface TestUser extends Account {
  client: Client;
  /** The session's JWT, for calls made without supabase-js (fetch to a function, a raw route). */
  accessToken: string;
}

export interface UserOptions {
  /** Sets user_metadata.full_name; `Test <role>` when left out. */
  fullName?: string;
  /** More user_metadata (locale...). It may even claim another role: the database must not care. */
  meta?: Record<string, unknown>;
  /** A whole address, e.g. on a company's domain; otherwise `<tag>-<uuid>@tests.carebook.test`. */
  email?: string;
  /** The address's first word when `email` is left out; the role by default. */
  tag?: string;
  /** A password of the test's own, hashed by the auth server as at sign-up; else the kit's. */
  password?: string;
}

/** A password every sign-up form and the auth server accept, for tests that sign up by themselves. */
export const TEST_PASSWORD = 'kit-correct-horse';

const sharedPassword = `pw-${randomUUID()}`;
let sharedHash: string | undefined;
function sharedPasswordHash(): string {
  // $2a$ is what GoTrue writes; cost 4 is the lowest bcrypt allows.
  sharedHash ??= bcrypt.hashSync(sharedPassword, 4).replace(/^\$2b\$/, '$2a$');
  return sharedHash;
}

/** A confirmed account; staff also get their staff_members row (only the service role may write it). */
export function confirmedUser(role: UserRole, options: UserOptions = {}): Promise<Account> {
  return createAccount(role, options, true);
}

/** An account whose address is not confirmed yet (as after sign-up, before the e-mail link). */
export function unconfirmedUser(role: UserRole, options: UserOptions = {}): Promise<Account> {
  return createAccount(role, options, false);
}

async function createAccount(role: UserRole, options: UserOptions, confirmed: boolean): Promise<Account> {
  const email = options.email ?? uniqueEmail(options.tag ?? role);
  const password = options.password ?? sharedPassword;
  const admin = service();
  const created = await admin.auth.admin.createUser({
    email,
    ...(options.password ? { password } : { password_hash: sharedPasswordHash() }),
    email_confirm: confirmed,
    // Staff sign up like anybody else; the staff_members row is what makes them staff.
    user_metadata: {
      role: role === 'staff' ? 'patient' : role,
      full_name: options.fullName ?? `Test ${role}`,
      ...options.meta,
    },
  });
  if (created.error) throw new Error(`creating ${email}: ${created.error.message}`);
  const id = created.data.user.id;
  if (role === 'staff') {
    const { error } = await admin.from('staff_members').insert({ user_id: id });
    if (error) throw new Error(`making ${email} staff: ${error.message}`);
  }
  return { id, email, password };
}

/** Signs an account in through the auth API, as an app would. */
export async function signIn(account: Account): Promise<TestUser> {
  const client = anon();
  const { data, error } = await client.auth.signInWithPassword({
    email: account.email,
    password: account.password,
  });
  if (error) throw new Error(`signing in ${account.email}: ${error.message}`);
  return { ...account, client, accessToken: data.session.access_token };
}

/** A signed-in user of this role (see UserOptions). */
export async function user(role: UserRole, options: UserOptions = {}): Promise<TestUser> {
  return signIn(await confirmedUser(role, options));
}

/** A signed-in patient. */
export const patient = (options: UserOptions = {}): Promise<TestUser> => user('patient', options);

/** A signed-in practitioner account, without a practitioner profile yet (see practitioners.ts). */
export const practitioner = (options: UserOptions = {}): Promise<TestUser> => user('practitioner', options);

/** A signed-in member of staff. */
export const staff = (options: UserOptions = {}): Promise<TestUser> => user('staff', options);

/** n signed-in users named `Test <role> 1..n`, made `parallel` at a time so the auth server is busy but not flooded. */
export async function users(n: number, role: UserRole = 'patient', parallel = 20): Promise<TestUser[]> {
  const made: TestUser[] = [];
  for (let i = 0; i < n; i += parallel) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(parallel, n - i) }, (_, j) =>
        user(role, { fullName: `Test ${role} ${i + j + 1}` }),
      ),
    );
    made.push(...batch);
  }
  return made;
}
