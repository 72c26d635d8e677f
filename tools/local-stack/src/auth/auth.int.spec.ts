// Contract tests for the auth emulator: supabase-js (and raw HTTP where supabase-js hides the
// wire) against the running test stack, asserting what GoTrue answers. Each test makes its own
// accounts with unique e-mails.
import { AuthApiError, AuthWeakPasswordError, isAuthSessionMissingError } from '@supabase/supabase-js';
import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { confirmedUser as kitConfirmedUser } from '@carebook/testing';
import {
  AUTH_URL,
  PASSWORD,
  ageSession,
  anonClient,
  claimsOf,
  codeIn,
  config,
  fragmentOf,
  lastMailTo,
  mailsTo,
  openLink,
  rawAuth,
  signedIn,
  uniqueEmail,
  verifyLinkIn,
  withDb,
} from './contract-helpers.ts';

/** A confirmed account from the test kit, with PASSWORD like every account these tests sign in to. */
const confirmedUser = (label: string, meta: Record<string, unknown> = {}) =>
  kitConfirmedUser('patient', { tag: `auth-${label}`, meta, password: PASSWORD });

const bookingUrl = `http://127.0.0.1:${config.ports.booking}`;

describe('sign-up with confirmations on', () => {
  it('creates the user without a session, mails a confirmation link and code, and fires the profile trigger', async () => {
    const email = uniqueEmail('signup');
    const { data, error } = await anonClient().auth.signUp({
      email,
      password: PASSWORD,
      options: {
        data: { full_name: 'Ana Lopez', role: 'practitioner' },
        emailRedirectTo: `${bookingUrl}/welcome`,
      },
    });
    expect(error).toBeNull();
    expect(data.session).toBeNull();
    expect(data.user).toMatchObject({
      email,
      aud: 'authenticated',
      role: 'authenticated',
      is_anonymous: false,
    });
    expect(data.user?.email_confirmed_at).toBeUndefined();
    expect(data.user?.confirmation_sent_at).toEqual(expect.any(String));
    expect(data.user?.user_metadata).toMatchObject({
      full_name: 'Ana Lopez',
      email,
      email_verified: false,
      sub: data.user?.id,
    });
    expect(data.user?.app_metadata).toEqual({ provider: 'email', providers: ['email'] });
    expect(data.user?.identities).toEqual([
      expect.objectContaining({ provider: 'email', id: data.user?.id, user_id: data.user?.id, email }),
    ]);

    const mail = await lastMailTo(email);
    expect(mail.subject).toBe('Confirm your signup');
    expect(codeIn(mail)).toMatch(/^\d{6}$/);
    const link = new URL(verifyLinkIn(mail));
    expect(link.searchParams.get('type')).toBe('signup');
    expect(link.searchParams.get('redirect_to')).toBe(`${bookingUrl}/welcome`);

    const profile = await withDb(
      async (db) =>
        (await db.query('select role, full_name from public.profiles where id = $1', [data.user?.id]))
          .rows[0],
    );
    expect(profile).toEqual({ role: 'practitioner', full_name: 'Ana Lopez' });
  });

  it('confirms through the e-mail link, redirecting with the session in the fragment; the link works once', async () => {
    const email = uniqueEmail('link');
    await anonClient().auth.signUp({
      email,
      password: PASSWORD,
      options: { emailRedirectTo: `${bookingUrl}/welcome` },
    });
    const link = verifyLinkIn(await lastMailTo(email));

    const first = await openLink(link);
    expect(first.status).toBe(303);
    expect(`${first.location.origin}${first.location.pathname}`).toBe(`${bookingUrl}/welcome`);
    const fragment = fragmentOf(first.location);
    expect(fragment.get('token_type')).toBe('bearer');
    expect(fragment.get('type')).toBe('signup');
    expect(fragment.get('expires_in')).toBe('3600');
    expect(fragment.get('refresh_token')).toEqual(expect.any(String));
    const accessToken = fragment.get('access_token') ?? '';
    const { data } = await anonClient().auth.getUser(accessToken);
    expect(data.user?.email).toBe(email);
    expect(data.user?.email_confirmed_at).toEqual(expect.any(String));
    expect(data.user?.user_metadata.email_verified).toBe(true);

    const again = await openLink(link);
    expect(again.status).toBe(303);
    expect(Object.fromEntries(fragmentOf(again.location))).toMatchObject({
      error: 'access_denied',
      error_code: 'otp_expired',
      error_description: 'Email link is invalid or has expired',
    });
  });

  it('confirms with the mailed code through verifyOtp, and refuses a wrong code', async () => {
    const email = uniqueEmail('code');
    const client = anonClient();
    await client.auth.signUp({ email, password: PASSWORD });
    const wrong = await client.auth.verifyOtp({ email, token: '000000', type: 'signup' });
    expect(wrong.error).toMatchObject({ status: 403, code: 'otp_expired' });
    const { data, error } = await client.auth.verifyOtp({
      email,
      token: codeIn(await lastMailTo(email)),
      type: 'signup',
    });
    expect(error).toBeNull();
    expect(data.session?.user.email).toBe(email);
    expect(claimsOf(data.session?.access_token ?? '').amr).toEqual([
      { method: 'otp', timestamp: expect.any(Number) },
    ]);
  });

  it('resends the confirmation with a fresh code, but not within max_frequency', async () => {
    const email = uniqueEmail('resend');
    const client = anonClient();
    const { data } = await client.auth.signUp({ email, password: PASSWORD });
    const firstCode = codeIn(await lastMailTo(email));
    expect((await client.auth.resend({ type: 'signup', email })).error).toMatchObject({
      status: 429,
      code: 'over_email_send_rate_limit',
    });
    await withDb((db) =>
      db.query(`update auth.users set confirmation_sent_at = now() - interval '1 minute' where id = $1`, [
        data.user?.id,
      ]),
    );
    expect((await client.auth.resend({ type: 'signup', email })).error).toBeNull();
    expect(await mailsTo(email)).toHaveLength(2);
    const secondCode = codeIn(await lastMailTo(email));
    // Two random 6-digit codes collide once in a million runs; only distinct codes can show revocation.
    if (secondCode !== firstCode) {
      expect((await client.auth.verifyOtp({ email, token: firstCode, type: 'signup' })).error).toMatchObject({
        code: 'otp_expired',
      });
    }
    expect((await client.auth.verifyOtp({ email, token: secondCode, type: 'signup' })).error).toBeNull();
  });

  it('sends links for a redirect_to that is not allowed to the site URL instead', async () => {
    const email = uniqueEmail('redirect');
    await anonClient().auth.signUp({
      email,
      password: PASSWORD,
      options: { emailRedirectTo: 'https://evil.example/steal' },
    });
    expect(new URL(verifyLinkIn(await lastMailTo(email))).searchParams.get('redirect_to')).toBe(
      config.siteUrl,
    );
  });

  it('refuses to sign in before confirmation, and does not reveal registered addresses on sign-up', async () => {
    const email = uniqueEmail('unconfirmed');
    const client = anonClient();
    await client.auth.signUp({ email, password: PASSWORD });
    const { error } = await client.auth.signInWithPassword({ email, password: PASSWORD });
    expect(error).toBeInstanceOf(AuthApiError);
    expect(error).toMatchObject({ status: 400, code: 'email_not_confirmed' });

    const existing = await confirmedUser('taken');
    const again = await client.auth.signUp({ email: existing.email, password: PASSWORD });
    expect(again.error).toBeNull();
    expect(again.data.user?.id).not.toBe(existing.id);
    expect(again.data.user?.identities).toEqual([]);
  });

  it('rejects a weak password with 422 weak_password and its reasons', async () => {
    const { error } = await anonClient().auth.signUp({ email: uniqueEmail('weak'), password: '12345' });
    expect(error).toBeInstanceOf(AuthWeakPasswordError);
    expect(error).toMatchObject({ status: 422, code: 'weak_password', reasons: ['length'] });
  });
});

describe('password sign-in', () => {
  it('returns the session shape supabase-js stores, with GoTrue claims in the access token', async () => {
    const user = await confirmedUser('signin', { full_name: 'Bea' });
    const { data, error } = await anonClient().auth.signInWithPassword({
      email: user.email,
      password: PASSWORD,
    });
    expect(error).toBeNull();
    const session = data.session;
    expect(session).toMatchObject({
      token_type: 'bearer',
      expires_in: 3600,
      refresh_token: expect.any(String),
    });
    expect(session?.expires_at).toBeGreaterThan(Date.now() / 1000 + 3500);
    expect(session?.user.id).toBe(user.id);
    expect(session?.user.last_sign_in_at).toEqual(expect.any(String));

    const claims = claimsOf(session?.access_token ?? '');
    expect(claims).toMatchObject({
      iss: AUTH_URL,
      sub: user.id,
      aud: 'authenticated',
      role: 'authenticated',
      email: user.email,
      phone: '',
      aal: 'aal1',
      amr: [{ method: 'password', timestamp: expect.any(Number) }],
      session_id: expect.any(String),
      is_anonymous: false,
      app_metadata: { provider: 'email', providers: ['email'] },
      user_metadata: expect.objectContaining({ full_name: 'Bea' }),
    });
    expect((claims.exp as number) - (claims.iat as number)).toBe(3600);
  });

  it('answers a wrong password or an unknown address with 400 invalid_credentials', async () => {
    const user = await confirmedUser('wrong');
    for (const attempt of [
      { email: user.email, password: 'not-the-password' },
      { email: uniqueEmail('nobody'), password: PASSWORD },
    ]) {
      const { data, error } = await anonClient().auth.signInWithPassword(attempt);
      expect(data.session).toBeNull();
      expect(error).toBeInstanceOf(AuthApiError);
      expect(error).toMatchObject({
        status: 400,
        code: 'invalid_credentials',
        message: 'Invalid login credentials',
      });
    }
  });

  it('uses the legacy error body without X-Supabase-Api-Version and the new one with it', async () => {
    const body = JSON.stringify({ email: uniqueEmail('legacy'), password: 'whatever' });
    const legacy = await rawAuth('/token?grant_type=password', { method: 'POST', body });
    expect(legacy.status).toBe(400);
    expect(legacy.headers.get('x-supabase-api-version')).toBeNull();
    expect(await legacy.json()).toEqual({
      code: 400,
      error_code: 'invalid_credentials',
      msg: 'Invalid login credentials',
    });

    const current = await rawAuth('/token?grant_type=password', {
      method: 'POST',
      body,
      headers: { 'x-supabase-api-version': '2024-01-01' },
    });
    expect(current.headers.get('x-supabase-api-version')).toBe('2024-01-01');
    expect(await current.json()).toEqual({
      code: 'invalid_credentials',
      message: 'Invalid login credentials',
    });
  });

  it('rate-limits failed attempts per address: after 10 failures even the right password gets 429', async () => {
    const user = await confirmedUser('ratelimit');
    const client = anonClient();
    for (let i = 0; i < 10; i += 1) {
      const { error } = await client.auth.signInWithPassword({ email: user.email, password: `wrong-${i}` });
      expect(error).toMatchObject({ status: 400, code: 'invalid_credentials' });
    }
    const blocked = await client.auth.signInWithPassword({ email: user.email, password: PASSWORD });
    expect(blocked.error).toMatchObject({ status: 429, code: 'over_request_rate_limit' });

    const other = await confirmedUser('ratelimit-other');
    expect(
      (await client.auth.signInWithPassword({ email: other.email, password: PASSWORD })).error,
    ).toBeNull();
  });
});

describe('refresh tokens', () => {
  it('rotate on every use and keep the session', async () => {
    const user = await confirmedUser('rotate');
    const { client, refreshToken, accessToken } = await signedIn(user.email);
    const { data, error } = await client.auth.refreshSession({ refresh_token: refreshToken });
    expect(error).toBeNull();
    expect(data.session?.refresh_token).toEqual(expect.any(String));
    expect(data.session?.refresh_token).not.toBe(refreshToken);
    expect(claimsOf(data.session?.access_token ?? '').session_id).toBe(claimsOf(accessToken).session_id);
    expect(data.session?.user.id).toBe(user.id);
  });

  it('give back the current token when the previous one is replayed (a client that lost the answer)', async () => {
    const user = await confirmedUser('replay');
    const { client, refreshToken } = await signedIn(user.email);
    const first = await client.auth.refreshSession({ refresh_token: refreshToken });
    const replay = await anonClient().auth.refreshSession({ refresh_token: refreshToken });
    expect(replay.error).toBeNull();
    expect(replay.data.session?.refresh_token).toBe(first.data.session?.refresh_token);
  });

  it('end the whole session when an old token is reused after the reuse interval', async () => {
    const user = await confirmedUser('reuse');
    const { client, refreshToken: r0, accessToken } = await signedIn(user.email);
    const r1 = (await client.auth.refreshSession({ refresh_token: r0 })).data.session?.refresh_token ?? '';
    const r2 = (await client.auth.refreshSession({ refresh_token: r1 })).data.session?.refresh_token ?? '';
    await ageSession(String(claimsOf(accessToken).session_id), 60);

    const reuse = await anonClient().auth.refreshSession({ refresh_token: r0 });
    expect(reuse.error).toMatchObject({ status: 400, code: 'refresh_token_already_used' });
    const latest = await anonClient().auth.refreshSession({ refresh_token: r2 });
    expect(latest.error).toMatchObject({ status: 400, code: 'refresh_token_not_found' });
    const me = await rawAuth('/user', {
      headers: { authorization: `Bearer ${accessToken}`, 'x-supabase-api-version': '2024-01-01' },
    });
    expect(me.status).toBe(403);
    expect(await me.json()).toMatchObject({ code: 'session_not_found' });
  });

  it('answer an unknown token with refresh_token_not_found', async () => {
    const { error } = await anonClient().auth.refreshSession({ refresh_token: 'abcdefghijkl' });
    expect(error).toMatchObject({ status: 400, code: 'refresh_token_not_found' });
  });
});

describe('access tokens', () => {
  async function expiredTokenFor(userId: string, sessionId: unknown): Promise<string> {
    const past = Math.floor(Date.now() / 1000) - 7200;
    return new SignJWT({ sub: userId, aud: 'authenticated', role: 'authenticated', session_id: sessionId })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setIssuedAt(past)
      .setExpirationTime(past + 3600)
      .sign(new TextEncoder().encode(config.jwtSecret));
  }

  it('getUser returns the user behind a valid token', async () => {
    const user = await confirmedUser('getuser');
    const { accessToken } = await signedIn(user.email);
    const { data, error } = await anonClient().auth.getUser(accessToken);
    expect(error).toBeNull();
    expect(data.user).toMatchObject({ id: user.id, email: user.email, role: 'authenticated' });
  });

  it('PostgREST accepts the access token: auth.uid() is the user, so RLS shows only their profile', async () => {
    const user = await confirmedUser('rls', { full_name: 'Gus' });
    const { client } = await signedIn(user.email);
    const { data, error } = await client.from('profiles').select('id, full_name');
    expect(error).toBeNull();
    expect(data).toEqual([{ id: user.id, full_name: 'Gus' }]);
  });

  it('an expired token gets 403 bad_jwt from /auth/v1/user and 401 from /rest/v1', async () => {
    const user = await confirmedUser('expired');
    const { accessToken } = await signedIn(user.email);
    const expired = await expiredTokenFor(user.id, claimsOf(accessToken).session_id);

    const { error } = await anonClient().auth.getUser(expired);
    expect(error).toMatchObject({ status: 403, code: 'bad_jwt' });
    expect(error?.message).toContain('token is expired');

    const rest = await fetch(`${config.apiUrl}/rest/v1/profiles?select=id`, {
      headers: { apikey: config.anonKey, authorization: `Bearer ${expired}` },
    });
    expect(rest.status).toBe(401);
  });

  it('/user without a bearer token is 401 no_authorization; with only the anon key 403 bad_jwt', async () => {
    // The gateway forwards an Authorization header it is given; a non-bearer one reaches auth as is.
    const bare = await rawAuth('/user', {
      headers: { authorization: 'Basic dXNlcjpwYXNz', 'x-supabase-api-version': '2024-01-01' },
    });
    expect(bare.status).toBe(401);
    expect(await bare.json()).toMatchObject({ code: 'no_authorization' });
    const anon = await rawAuth('/user', { headers: { 'x-supabase-api-version': '2024-01-01' } });
    expect(anon.status).toBe(403);
    expect(await anon.json()).toMatchObject({ code: 'bad_jwt', message: 'invalid claim: missing sub claim' });
  });
});

describe('updateUser', () => {
  it('changes the password, keeps this session and ends the others', async () => {
    const user = await confirmedUser('newpass');
    const here = await signedIn(user.email);
    const elsewhere = await signedIn(user.email);
    const { error } = await here.client.auth.updateUser({ password: 'brand-new-secret' });
    expect(error).toBeNull();

    expect(
      (await anonClient().auth.signInWithPassword({ email: user.email, password: PASSWORD })).error,
    ).toMatchObject({
      code: 'invalid_credentials',
    });
    expect(
      (await anonClient().auth.signInWithPassword({ email: user.email, password: 'brand-new-secret' })).error,
    ).toBeNull();
    expect((await anonClient().auth.getUser(here.accessToken)).error).toBeNull();
    const other = await anonClient().auth.getUser(elsewhere.accessToken);
    expect(isAuthSessionMissingError(other.error)).toBe(true);
  });

  it('refuses the same password (422 same_password) and a weak one (422 weak_password)', async () => {
    const user = await confirmedUser('samepass');
    const { client } = await signedIn(user.email);
    expect((await client.auth.updateUser({ password: PASSWORD })).error).toMatchObject({
      status: 422,
      code: 'same_password',
    });
    expect((await client.auth.updateUser({ password: 'abc' })).error).toMatchObject({
      status: 422,
      code: 'weak_password',
    });
  });

  it('merges user metadata (null removes a key) and refuses app_metadata', async () => {
    const user = await confirmedUser('metadata', { full_name: 'Cleo', locale: 'fr' });
    const { client, accessToken } = await signedIn(user.email);
    const { data, error } = await client.auth.updateUser({
      data: { locale: 'en', nickname: 'C', full_name: null },
    });
    expect(error).toBeNull();
    expect(data.user?.user_metadata).toMatchObject({ locale: 'en', nickname: 'C' });
    expect(data.user?.user_metadata).not.toHaveProperty('full_name');

    const forbidden = await rawAuth('/user', {
      method: 'PUT',
      body: JSON.stringify({ app_metadata: { role: 'staff' } }),
      headers: { authorization: `Bearer ${accessToken}`, 'x-supabase-api-version': '2024-01-01' },
    });
    expect(forbidden.status).toBe(403);
    expect(await forbidden.json()).toMatchObject({ code: 'not_admin' });
  });

  it('changes the e-mail only after both the new and the current address confirm', async () => {
    const user = await confirmedUser('oldmail');
    const newEmail = uniqueEmail('newmail');
    const { client } = await signedIn(user.email);
    const { data, error } = await client.auth.updateUser(
      { email: newEmail },
      { emailRedirectTo: `${bookingUrl}/account` },
    );
    expect(error).toBeNull();
    expect(data.user).toMatchObject({ email: user.email, new_email: newEmail });

    const toNew = await lastMailTo(newEmail);
    const toCurrent = await lastMailTo(user.email);
    expect(toNew.subject).toBe('Confirm your new e-mail address');
    expect(toCurrent.subject).toBe('Confirm the change of your e-mail address');

    const half = await openLink(verifyLinkIn(toNew));
    expect(fragmentOf(half.location).get('message')).toMatch(/^Confirmation link accepted/);
    expect(
      (await anonClient().auth.signInWithPassword({ email: newEmail, password: PASSWORD })).error,
    ).toMatchObject({
      code: 'invalid_credentials',
    });

    const done = await openLink(verifyLinkIn(toCurrent));
    expect(fragmentOf(done.location).get('type')).toBe('email_change');
    const after = await anonClient().auth.signInWithPassword({ email: newEmail, password: PASSWORD });
    expect(after.error).toBeNull();
    expect(after.data.user?.new_email).toBeUndefined();
    const profileEmail = await withDb(
      async (db) =>
        (await db.query('select email from public.profiles where id = $1', [user.id])).rows[0]?.email,
    );
    expect(profileEmail).toBe(newEmail);
  });

  it('refuses an e-mail another account uses (422 email_exists)', async () => {
    const taken = await confirmedUser('emailtaken');
    const user = await confirmedUser('wantsit');
    const { client } = await signedIn(user.email);
    expect((await client.auth.updateUser({ email: taken.email })).error).toMatchObject({
      status: 422,
      code: 'email_exists',
    });
  });
});

describe('signOut', () => {
  it('scope local ends only this session', async () => {
    const user = await confirmedUser('local');
    const a = await signedIn(user.email);
    const b = await signedIn(user.email);
    expect((await a.client.auth.signOut({ scope: 'local' })).error).toBeNull();
    expect(isAuthSessionMissingError((await anonClient().auth.getUser(a.accessToken)).error)).toBe(true);
    expect((await anonClient().auth.getUser(b.accessToken)).error).toBeNull();
    expect((await anonClient().auth.refreshSession({ refresh_token: a.refreshToken })).error).toMatchObject({
      code: 'refresh_token_not_found',
    });
  });

  it('scope others ends every other session', async () => {
    const user = await confirmedUser('others');
    const a = await signedIn(user.email);
    const b = await signedIn(user.email);
    expect((await b.client.auth.signOut({ scope: 'others' })).error).toBeNull();
    expect(isAuthSessionMissingError((await anonClient().auth.getUser(a.accessToken)).error)).toBe(true);
    expect((await anonClient().auth.getUser(b.accessToken)).error).toBeNull();
  });

  it('scope global (the default) ends them all, with 204', async () => {
    const user = await confirmedUser('global');
    const a = await signedIn(user.email);
    const b = await signedIn(user.email);
    const res = await rawAuth('/logout', {
      method: 'POST',
      headers: { authorization: `Bearer ${b.accessToken}` },
    });
    expect(res.status).toBe(204);
    for (const s of [a, b])
      expect(isAuthSessionMissingError((await anonClient().auth.getUser(s.accessToken)).error)).toBe(true);
  });
});

describe('password recovery', () => {
  it('mails a code that verifyOtp turns into a session able to set a new password', async () => {
    const user = await confirmedUser('recover');
    const client = anonClient();
    expect(
      (await client.auth.resetPasswordForEmail(user.email, { redirectTo: `${bookingUrl}/reset` })).error,
    ).toBeNull();
    const mail = await lastMailTo(user.email);
    expect(mail.subject).toBe('Reset your password');
    expect(new URL(verifyLinkIn(mail)).searchParams.get('type')).toBe('recovery');

    const { data, error } = await client.auth.verifyOtp({
      email: user.email,
      token: codeIn(mail),
      type: 'recovery',
    });
    expect(error).toBeNull();
    expect(data.session?.user.id).toBe(user.id);
    expect((await client.auth.updateUser({ password: 'recovered-secret' })).error).toBeNull();
    expect(
      (await anonClient().auth.signInWithPassword({ email: user.email, password: 'recovered-secret' })).error,
    ).toBeNull();
  });

  it('accepts the link token as token_hash once, and answers unknown addresses without mailing', async () => {
    const user = await confirmedUser('recoverhash');
    const client = anonClient();
    await client.auth.resetPasswordForEmail(user.email);
    const tokenHash = new URL(verifyLinkIn(await lastMailTo(user.email))).searchParams.get('token') ?? '';
    expect((await client.auth.verifyOtp({ token_hash: tokenHash, type: 'recovery' })).error).toBeNull();
    expect((await client.auth.verifyOtp({ token_hash: tokenHash, type: 'recovery' })).error).toMatchObject({
      status: 403,
      code: 'otp_expired',
    });

    const nobody = uniqueEmail('nobody');
    expect((await client.auth.resetPasswordForEmail(nobody)).error).toBeNull();
    expect(await mailsTo(nobody)).toEqual([]);
  });
});

describe('magic link (signInWithOtp)', () => {
  it('mails a sign-in link to a known address that signs in through the redirect', async () => {
    const user = await confirmedUser('magic');
    const { error } = await anonClient().auth.signInWithOtp({
      email: user.email,
      options: { emailRedirectTo: `${bookingUrl}/home` },
    });
    expect(error).toBeNull();
    const mail = await lastMailTo(user.email);
    expect(mail.subject).toBe('Your sign-in link');
    const { location } = await openLink(verifyLinkIn(mail));
    expect(location.pathname).toBe('/home');
    const fragment = fragmentOf(location);
    expect(fragment.get('type')).toBe('magiclink');
    expect(claimsOf(fragment.get('access_token') ?? '').sub).toBe(user.id);
  });

  it('accepts the code as an "email" OTP, and refuses a second mail within max_frequency', async () => {
    const user = await confirmedUser('magiccode');
    const client = anonClient();
    await client.auth.signInWithOtp({ email: user.email });
    const tooSoon = await client.auth.signInWithOtp({ email: user.email });
    expect(tooSoon.error).toMatchObject({ status: 429, code: 'over_email_send_rate_limit' });
    const { data, error } = await client.auth.verifyOtp({
      email: user.email,
      token: codeIn(await lastMailTo(user.email)),
      type: 'email',
    });
    expect(error).toBeNull();
    expect(data.user?.id).toBe(user.id);
  });

  it('signs up an unknown address (confirmation mail) unless shouldCreateUser is false', async () => {
    const refused = uniqueEmail('nocreate');
    const { error } = await anonClient().auth.signInWithOtp({
      email: refused,
      options: { shouldCreateUser: false },
    });
    expect(error).toMatchObject({ status: 422, code: 'otp_disabled' });
    expect(await mailsTo(refused)).toEqual([]);

    const fresh = uniqueEmail('otpsignup');
    expect(
      (await anonClient().auth.signInWithOtp({ email: fresh, options: { data: { full_name: 'Dee' } } }))
        .error,
    ).toBeNull();
    const mail = await lastMailTo(fresh);
    expect(mail.subject).toBe('Confirm your signup');
    const fragment = fragmentOf((await openLink(verifyLinkIn(mail))).location);
    const { data } = await anonClient().auth.getUser(fragment.get('access_token') ?? '');
    expect(data.user?.user_metadata).toMatchObject({ full_name: 'Dee', email_verified: true });
  });
});

describe('PKCE flow', () => {
  it('links carry ?code= which exchangeCodeForSession trades for a session', async () => {
    const email = uniqueEmail('pkce');
    const client = anonClient('pkce');
    await client.auth.signUp({
      email,
      password: PASSWORD,
      options: { emailRedirectTo: `${bookingUrl}/callback` },
    });
    const link = new URL(verifyLinkIn(await lastMailTo(email)));
    expect(link.searchParams.get('token')).toMatch(/^pkce_/);

    const { location } = await openLink(link.toString());
    const code = location.searchParams.get('code') ?? '';
    expect(code).not.toBe('');
    expect(location.hash).toBe('');
    const { data, error } = await client.auth.exchangeCodeForSession(code);
    expect(error).toBeNull();
    expect(data.session?.user.email).toBe(email);
    // The code is single-use.
    const replay = await rawAuth('/token?grant_type=pkce', {
      method: 'POST',
      body: JSON.stringify({ auth_code: code, code_verifier: 'x'.repeat(43) }),
      headers: { 'x-supabase-api-version': '2024-01-01' },
    });
    expect(replay.status).toBe(404);
    expect(await replay.json()).toMatchObject({ code: 'flow_state_not_found' });
  });
});

describe('settings and health', () => {
  it('report e-mail sign-in with confirmations on', async () => {
    const settings = await (await rawAuth('/settings')).json();
    expect(settings).toMatchObject({
      external: { email: true, phone: false, google: false },
      mailer_autoconfirm: false,
      disable_signup: false,
    });
    const health = await fetch(`${AUTH_URL}/health`);
    expect(health.status).toBe(200);
  });
});
