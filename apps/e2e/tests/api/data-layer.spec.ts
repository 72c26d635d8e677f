// @carebook/data against the real stack, without a browser: what the apps rely on when they
// call signUp, signIn, getMyProfile and updateMyProfile, including the refusals.
import { expect, test } from '@playwright/test';
import {
  choosePassword,
  createCarebookClient,
  getMyProfile,
  signIn,
  signOut,
  signUp,
  updateMyProfile,
} from '@carebook/data';
import { LOCAL_ANON_KEY } from '@carebook/local-stack';
import { confirmedUser, TEST_PASSWORD, uniqueEmail } from '@carebook/testing';
import { e2eEnv } from '../../support/env.ts';
import { waitForEmailLink } from '../../support/inbox.ts';

const anonKey = process.env.E2E_ANON_KEY ?? LOCAL_ANON_KEY;

function newClient() {
  return createCarebookClient(e2eEnv.apiUrl, anonKey, {
    auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
  });
}

test('sign-up by address turns the metadata into the profile; the password is chosen after the link', async () => {
  const client = newClient();
  const email = uniqueEmail('api-signup');
  const result = await signUp(client, { email, fullName: 'Léa Bernard', role: 'practitioner', locale: 'en' });
  expect(result).toEqual({ ok: true, data: { kind: 'link_sent' } });
  // Not signed in until the link is followed.
  expect(await getMyProfile(client)).toMatchObject({ ok: false, error: { code: 'not_authenticated' } });
  const link = await waitForEmailLink(email, /\/auth\/v1\/verify\?/);
  const response = await fetch(link, { redirect: 'manual' });
  const fragment = new URLSearchParams(new URL(response.headers.get('location') ?? '').hash.slice(1));
  const { error } = await client.auth.setSession({
    access_token: fragment.get('access_token') ?? '',
    refresh_token: fragment.get('refresh_token') ?? '',
  });
  expect(error).toBeNull();
  expect(await choosePassword(client, '12345678')).toMatchObject({
    ok: false,
    error: { code: 'weak_password' },
  });
  expect(await choosePassword(client, TEST_PASSWORD)).toEqual({ ok: true, data: null });
  expect((await signIn(newClient(), { email, password: TEST_PASSWORD })).ok).toBe(true);
  const profile = await getMyProfile(client);
  expect(profile).toMatchObject({
    ok: true,
    data: { email, fullName: 'Léa Bernard', role: 'practitioner', locale: 'en' },
  });
});

test('a signed-in user reads and updates their own profile, but not their role', async () => {
  const user = await confirmedUser('patient', { fullName: 'Hugo Robert', meta: { locale: 'fr' } });
  const client = newClient();
  expect((await signIn(client, user)).ok).toBe(true);

  const before = await getMyProfile(client);
  expect(before).toMatchObject({
    ok: true,
    data: { email: user.email, fullName: 'Hugo Robert', role: 'patient' },
  });

  const updated = await updateMyProfile(client, { fullName: 'Hugo R.', locale: 'en' });
  expect(updated).toMatchObject({ ok: true, data: { fullName: 'Hugo R.', locale: 'en', role: 'patient' } });

  // ProfilePatch has no role; a raw update must still be refused by the database.
  await client
    .from('profiles')
    .update({ role: 'staff' })
    .eq('id', before.ok ? before.data.id : '');
  expect(await getMyProfile(client)).toMatchObject({ ok: true, data: { role: 'patient' } });

  expect(await signOut(client)).toEqual({ ok: true, data: null });
  expect(await getMyProfile(client)).toMatchObject({ ok: false, error: { code: 'not_authenticated' } });
});

test('a wrong password maps to invalid_credentials', async () => {
  const user = await confirmedUser('patient', { fullName: 'Nina Roux', meta: { locale: 'fr' } });
  const result = await signIn(newClient(), { email: user.email, password: 'definitely-wrong' });
  expect(result).toMatchObject({ ok: false, error: { code: 'invalid_credentials', status: 400 } });
});

test('an existing address cannot sign up twice into a second account', async () => {
  const user = await confirmedUser('patient', { fullName: 'Paul Girard', meta: { locale: 'fr' } });
  const client = newClient();
  const result = await signUp(client, {
    email: user.email,
    fullName: 'Someone Else',
    role: 'patient',
    locale: 'fr',
  });
  // The same answer as for a new address (nothing reveals who has an account), no session, and
  // the e-mail that goes out signs the owner in to their existing account.
  expect(result).toEqual({ ok: true, data: { kind: 'link_sent' } });
  expect(await getMyProfile(client)).toMatchObject({ ok: false, error: { code: 'not_authenticated' } });
});
