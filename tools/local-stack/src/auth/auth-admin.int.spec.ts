// Contract tests for the admin API (supabase.auth.admin) with the service-role key, and for
// behaviour that needs its own auth server on the test stack's database: autoconfirm, and what
// happens when the mail provider is down.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { confirmedUser as kitConfirmedUser } from '@carebook/testing';
import type { RunningService } from '../service.ts';
import {
  PASSWORD,
  anonClient,
  claimsOf,
  config,
  fragmentOf,
  openLink,
  serviceClient,
  signedIn,
  uniqueEmail,
  withDb,
} from './contract-helpers.ts';
import { startAuth } from './index.ts';
import { resolveAuthSettings, type AuthSettings } from './settings.ts';

/** A confirmed account from the test kit, with PASSWORD like every account these tests sign in to. */
const confirmedUser = (label: string, meta: Record<string, unknown> = {}) =>
  kitConfirmedUser('patient', { tag: `auth-${label}`, meta, password: PASSWORD });

describe('admin API with the service-role key', () => {
  const admin = serviceClient().auth.admin;

  it('createUser with email_confirm makes an account that can sign in at once', async () => {
    const email = uniqueEmail('admin-create');
    const { data, error } = await admin.createUser({
      email,
      password: PASSWORD,
      email_confirm: true,
      user_metadata: { full_name: 'Eve' },
      app_metadata: { plan: 'pro' },
    });
    expect(error).toBeNull();
    expect(data.user).toMatchObject({
      email,
      role: 'authenticated',
      user_metadata: { full_name: 'Eve', email_verified: true },
    });
    expect(data.user?.email_confirmed_at).toEqual(expect.any(String));
    expect(data.user?.app_metadata).toEqual({ provider: 'email', providers: ['email'], plan: 'pro' });

    const { accessToken } = await signedIn(email);
    expect(claimsOf(accessToken).app_metadata).toEqual({
      provider: 'email',
      providers: ['email'],
      plan: 'pro',
    });
    const profile = await withDb(
      async (db) =>
        (await db.query('select role from public.profiles where id = $1', [data.user?.id])).rows[0],
    );
    expect(profile).toEqual({ role: 'patient' });
  });

  it('createUser refuses an address already registered (422 email_exists)', async () => {
    const existing = await confirmedUser('admin-dup');
    const { error } = await admin.createUser({ email: existing.email, password: PASSWORD });
    expect(error).toMatchObject({ status: 422, code: 'email_exists' });
  });

  it('listUsers pages newest first with the total', async () => {
    const a = await confirmedUser('list-a');
    const b = await confirmedUser('list-b');
    // Other tests create users concurrently: compare positions, not the whole page.
    const all = await admin.listUsers({ page: 1, perPage: 1000 });
    expect(all.error).toBeNull();
    const ids = all.data.users.map((u) => u.id);
    expect(ids.indexOf(b.id)).toBeGreaterThanOrEqual(0);
    expect(ids.indexOf(b.id)).toBeLessThan(ids.indexOf(a.id));
    expect(all.data.users.find((u) => u.id === b.id)?.identities?.[0]).toMatchObject({
      provider: 'email',
      user_id: b.id,
    });

    const one = await admin.listUsers({ page: 1, perPage: 1 });
    if (one.error !== null) throw one.error;
    expect(one.data.users).toHaveLength(1);
    expect(one.data.total).toBeGreaterThanOrEqual(2);
    expect(one.data.nextPage).toBe(2);

    // supabase-js reads only the first digit of page numbers back, so check GoTrue's headers raw.
    const raw = await fetch(`${config.apiUrl}/auth/v1/admin/users?page=1&per_page=1`, {
      headers: { apikey: config.serviceRoleKey },
    });
    const total = Number(raw.headers.get('x-total-count'));
    expect(total).toBeGreaterThanOrEqual(2);
    expect(raw.headers.get('link')).toBe(
      `</admin/users?page=2&per_page=1>; rel="next", </admin/users?page=${total}&per_page=1>; rel="last"`,
    );
  });

  it('getUserById, updateUserById and deleteUser work on one account', async () => {
    const user = await confirmedUser('admin-crud', { full_name: 'Finn', locale: 'fr' });
    expect((await admin.getUserById(user.id)).data.user?.email).toBe(user.email);

    const updated = await admin.updateUserById(user.id, {
      user_metadata: { locale: 'en' },
      app_metadata: { suspended: true },
      password: 'set-by-admin-1',
    });
    expect(updated.error).toBeNull();
    expect(updated.data.user?.user_metadata).toMatchObject({ full_name: 'Finn', locale: 'en' });
    expect(updated.data.user?.app_metadata).toMatchObject({ provider: 'email', suspended: true });
    expect(
      (await anonClient().auth.signInWithPassword({ email: user.email, password: 'set-by-admin-1' })).error,
    ).toBeNull();

    expect((await admin.deleteUser(user.id)).error).toBeNull();
    const gone = await admin.getUserById(user.id);
    expect(gone.error).toMatchObject({ status: 404, code: 'user_not_found' });
    const profiles = await withDb(
      async (db) => (await db.query('select 1 from public.profiles where id = $1', [user.id])).rowCount,
    );
    expect(profiles).toBe(0);
  });

  it('soft-deletes: the row stays, marked deleted, with no e-mail or way to sign in', async () => {
    const user = await confirmedUser('softdelete');
    expect((await admin.deleteUser(user.id, true)).error).toBeNull();
    const { data } = await admin.getUserById(user.id);
    expect(data.user).toMatchObject({ id: user.id, email: '', identities: [] });
    expect(data.user?.deleted_at).toEqual(expect.any(String));
    const { error } = await anonClient().auth.signInWithPassword({ email: user.email, password: PASSWORD });
    expect(error).toMatchObject({ code: 'invalid_credentials' });
  });

  it('bans with ban_duration: the user can no longer sign in', async () => {
    const user = await confirmedUser('ban');
    expect((await admin.updateUserById(user.id, { ban_duration: '24h' })).data.user?.banned_until).toEqual(
      expect.any(String),
    );
    const { error } = await anonClient().auth.signInWithPassword({ email: user.email, password: PASSWORD });
    expect(error).toMatchObject({ status: 400, code: 'user_banned' });
    await admin.updateUserById(user.id, { ban_duration: 'none' });
    expect(
      (await anonClient().auth.signInWithPassword({ email: user.email, password: PASSWORD })).error,
    ).toBeNull();
  });

  it('generateLink returns a magic link that signs in, without mailing it', async () => {
    const user = await confirmedUser('genlink');
    const { data, error } = await admin.generateLink({ type: 'magiclink', email: user.email });
    expect(error).toBeNull();
    expect(data.properties?.email_otp).toMatch(/^\d{6}$/);
    expect(data.properties?.verification_type).toBe('magiclink');
    const { location } = await openLink(data.properties?.action_link ?? '');
    expect(claimsOf(fragmentOf(location).get('access_token') ?? '').sub).toBe(user.id);
  });

  it('is refused to the anon key and to signed-in users: 403 not_admin', async () => {
    const { error } = await anonClient().auth.admin.listUsers();
    expect(error).toMatchObject({ status: 403, code: 'not_admin' });

    const user = await confirmedUser('notadmin');
    const { accessToken } = await signedIn(user.email);
    const asUser = await fetch(`${config.apiUrl}/auth/v1/admin/users`, {
      headers: {
        apikey: config.anonKey,
        authorization: `Bearer ${accessToken}`,
        'x-supabase-api-version': '2024-01-01',
      },
    });
    expect(asUser.status).toBe(403);
    expect(await asUser.json()).toMatchObject({ code: 'not_admin' });
  });
});

/** A second auth server on the test stack's database, with settings of the test's choosing. */
async function privateAuth(change: (s: AuthSettings) => AuthSettings): Promise<RunningService> {
  const own = { ...config, ports: { ...config.ports, auth: 0 } };
  return startAuth(own, () => undefined, { settings: change(resolveAuthSettings(own)) });
}

describe('with autoconfirm', () => {
  let server: RunningService;
  beforeAll(async () => {
    server = await privateAuth((s) => ({ ...s, autoconfirm: true }));
  });
  afterAll(() => server.stop());

  it('sign-up returns a session at once, and a second sign-up is 422 user_already_exists', async () => {
    const email = uniqueEmail('autoconfirm');
    const client = anonClient('implicit', server.url);
    const { data, error } = await client.auth.signUp({
      email,
      password: PASSWORD,
      options: { data: { role: 'practitioner' } },
    });
    expect(error).toBeNull();
    expect(data.session).toMatchObject({ token_type: 'bearer', expires_in: 3600 });
    expect(data.user?.email_confirmed_at).toEqual(expect.any(String));
    expect(claimsOf(data.session?.access_token ?? '').amr).toEqual([
      { method: 'password', timestamp: expect.any(Number) },
    ]);

    const again = await anonClient('implicit', server.url).auth.signUp({ email, password: PASSWORD });
    expect(again.error).toMatchObject({ status: 422, code: 'user_already_exists' });
  });
});

describe('when the mail provider is unreachable', () => {
  let server: RunningService;
  beforeAll(async () => {
    // Port 9 (discard) on loopback: nothing listens, the connection is refused at once.
    server = await privateAuth((s) => ({
      ...s,
      mail: { ...s.mail, endpoint: 'http://127.0.0.1:9/v3/smtp/email' },
    }));
  });
  afterAll(() => server.stop());

  it('sign-up fails with a retryable 500 and leaves no half-created account behind', async () => {
    const email = uniqueEmail('nomail');
    const { error } = await anonClient('implicit', server.url).auth.signUp({ email, password: PASSWORD });
    expect(error).toMatchObject({
      status: 500,
      name: 'AuthRetryableFetchError',
      message: 'Error sending confirmation email',
    });
    const rows = await withDb(
      async (db) => (await db.query('select 1 from auth.users where email = $1', [email])).rowCount,
    );
    expect(rows).toBe(0);
  });
});
