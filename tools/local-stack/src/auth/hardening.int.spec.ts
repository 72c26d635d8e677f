// The attacks of the gateway-only review (issue 8), replayed through the gateway against the test
// stack: guessing e-mail codes, resetting the password lock-out with X-Forwarded-For, taking over
// an address before its owner signs up, weak passwords, and oversized or malformed input.
// Limits are per address: tests that count them call from a loopback address of their own.
import { describe, expect, it } from 'vitest';
import { confirmedUser as kitConfirmedUser } from '@carebook/testing';
import {
  PASSWORD,
  anonClient,
  callFrom,
  codeIn,
  freshAddress,
  lastMailTo,
  openLink,
  fragmentOf,
  signedIn,
  uniqueEmail,
  verifyLinkIn,
  withDb,
} from './contract-helpers.ts';

const LOCAL = '127.0.0.1';

/** A confirmed account from the test kit, signing in with PASSWORD. */
const confirmedUser = (label: string) =>
  kitConfirmedUser('patient', { tag: `auth-${label}`, password: PASSWORD });

/** A wrong 6-digit code, never the mailed one. */
function wrongCode(right: string, i: number): string {
  const code = String((Number(right) + 1 + i) % 1_000_000).padStart(6, '0');
  return code === right ? '000000' : code;
}

describe('e-mail codes', () => {
  it('answer 429 to the 31st verification in 5 minutes from one address, whatever the codes', async () => {
    const address = freshAddress();
    const email = uniqueEmail('guess');
    await anonClient().auth.signUp({ email, password: PASSWORD });
    const right = codeIn(await lastMailTo(email));
    for (let i = 0; i < 30; i += 1) {
      const res = await callFrom(address, 'POST', '/auth/v1/verify', {
        body: { type: 'signup', email, token: wrongCode(right, i) },
      });
      expect(res.status, `attempt ${i + 1}`).toBe(403);
    }
    const blocked = await callFrom(address, 'POST', '/auth/v1/verify', {
      body: { type: 'signup', email, token: right },
    });
    expect(blocked.status).toBe(429);
    expect(blocked.body).toMatchObject({ code: 'over_request_rate_limit' });
    // A spoofed header changes nothing: the gateway's own view of the address counts.
    const spoofed = await callFrom(address, 'POST', '/auth/v1/verify', {
      body: { type: 'signup', email, token: right },
      headers: { 'x-forwarded-for': '198.51.100.23', 'x-real-ip': '198.51.100.23' },
    });
    expect(spoofed.status).toBe(429);
  });

  it('burn after 5 wrong codes: the right code no longer works, a new one does', async () => {
    const email = uniqueEmail('burn');
    const client = anonClient();
    const { data } = await client.auth.signUp({ email, password: PASSWORD });
    const right = codeIn(await lastMailTo(email));
    for (let i = 0; i < 5; i += 1) {
      const { error } = await client.auth.verifyOtp({ email, token: wrongCode(right, i), type: 'signup' });
      expect(error).toMatchObject({ status: 403, code: 'otp_expired' });
    }
    const burnt = await client.auth.verifyOtp({ email, token: right, type: 'signup' });
    expect(burnt.error).toMatchObject({ status: 403, code: 'otp_expired' });

    await withDb((db) =>
      db.query(`update auth.users set confirmation_sent_at = now() - interval '1 minute' where id = $1`, [
        data.user?.id,
      ]),
    );
    expect((await client.auth.resend({ type: 'signup', email })).error).toBeNull();
    const fresh = await client.auth.verifyOtp({
      email,
      token: codeIn(await lastMailTo(email)),
      type: 'signup',
    });
    expect(fresh.error).toBeNull();
    expect(fresh.data.session?.user.email).toBe(email);
  });

  it('expire after 10 minutes (otp_expiry = 600 in config.toml)', async () => {
    const email = uniqueEmail('expiry');
    const client = anonClient();
    const { data } = await client.auth.signUp({ email, password: PASSWORD });
    const right = codeIn(await lastMailTo(email));
    await withDb((db) =>
      db.query(`update auth.users set confirmation_sent_at = now() - interval '601 seconds' where id = $1`, [
        data.user?.id,
      ]),
    );
    expect((await client.auth.verifyOtp({ email, token: right, type: 'signup' })).error).toMatchObject({
      status: 403,
      code: 'otp_expired',
    });
  });

  it('cannot be asked for without limit: the 31st /recover or /otp from one address answers 429', async () => {
    const address = freshAddress();
    for (let i = 0; i < 15; i += 1) {
      expect(
        (await callFrom(address, 'POST', '/auth/v1/recover', { body: { email: uniqueEmail('nobody') } }))
          .status,
      ).toBe(200);
    }
    const known = await confirmedUser('otp-flood');
    for (let i = 0; i < 15; i += 1) {
      // Only the first mail goes out (max_frequency); the others are refused, and still count.
      const res = await callFrom(address, 'POST', '/auth/v1/otp', {
        body: { email: known.email, create_user: false },
      });
      expect([200, 429]).toContain(res.status);
      if (res.status === 429) expect(res.body).toMatchObject({ code: 'over_email_send_rate_limit' });
    }
    const blocked = await callFrom(address, 'POST', '/auth/v1/recover', { body: { email: known.email } });
    expect(blocked.status).toBe(429);
    expect(blocked.body).toMatchObject({ code: 'over_request_rate_limit' });
    expect(
      (await callFrom(freshAddress(), 'POST', '/auth/v1/recover', { body: { email: uniqueEmail('x') } }))
        .status,
    ).toBe(200);
  });
});

describe('password lock-out', () => {
  it('does not reset when the client changes X-Forwarded-For, nor from another address', async () => {
    const user = await confirmedUser('xff');
    for (let i = 0; i < 10; i += 1) {
      const res = await callFrom(LOCAL, 'POST', '/auth/v1/token?grant_type=password', {
        body: { email: user.email, password: `wrong-${i}` },
        headers: { 'x-forwarded-for': `203.0.113.${i}` },
      });
      expect(res.status).toBe(400);
    }
    for (const [address, forwarded] of [
      [LOCAL, '203.0.113.200'],
      [freshAddress(), '203.0.113.201'],
    ] as const) {
      const res = await callFrom(address, 'POST', '/auth/v1/token?grant_type=password', {
        body: { email: user.email, password: PASSWORD },
        headers: { 'x-forwarded-for': forwarded },
      });
      expect(res.status).toBe(429);
      expect(res.body).toMatchObject({ code: 'over_request_rate_limit' });
    }
  });

  it('limits one address across accounts (password spraying): the 31st sign-in in 5 minutes answers 429', async () => {
    const address = freshAddress();
    for (let i = 0; i < 30; i += 1) {
      const res = await callFrom(address, 'POST', '/auth/v1/token?grant_type=password', {
        body: { email: uniqueEmail(`spray${i}`), password: 'Spring2026!' },
      });
      expect(res.status).toBe(400);
    }
    const user = await confirmedUser('spray-victim');
    const blocked = await callFrom(address, 'POST', '/auth/v1/token?grant_type=password', {
      body: { email: user.email, password: PASSWORD },
    });
    expect(blocked.status).toBe(429);
    // The account itself is not locked: its owner, elsewhere, signs in.
    await expect(signedIn(user.email)).resolves.toBeTruthy();
  });
});

describe('pre-registration takeover', () => {
  it('leaves the attacker without access once the owner confirms the address and chooses a password', async () => {
    const victim = uniqueEmail('victim');
    const attackerPassword = 'attacker-chose-this-9';
    expect((await anonClient().auth.signUp({ email: victim, password: attackerPassword })).error).toBeNull();
    // The owner comes later (max_frequency would refuse a second mail within a second).
    await withDb((db) =>
      db.query(`update auth.users set confirmation_sent_at = now() - interval '1 minute' where email = $1`, [
        victim,
      ]),
    );

    // The owner signs up the new way: address only, then the code from the mail.
    const owner = anonClient();
    expect(
      (await owner.auth.signInWithOtp({ email: victim, options: { shouldCreateUser: true } })).error,
    ).toBeNull();
    const { data, error } = await owner.auth.verifyOtp({
      email: victim,
      token: codeIn(await lastMailTo(victim)),
      type: 'email',
    });
    expect(error).toBeNull();
    expect(data.session?.user.email_confirmed_at).toEqual(expect.any(String));

    const attacker = await anonClient().auth.signInWithPassword({
      email: victim,
      password: attackerPassword,
    });
    expect(attacker.error).toMatchObject({ status: 400, code: 'invalid_credentials' });

    const ownerPassword = 'owner-chose-this-7';
    expect((await owner.auth.updateUser({ password: ownerPassword })).error).toBeNull();
    await expect(signedIn(victim, ownerPassword)).resolves.toBeTruthy();
    expect(
      (await anonClient().auth.signInWithPassword({ email: victim, password: attackerPassword })).error,
    ).toMatchObject({
      code: 'invalid_credentials',
    });
  });

  it('also when the owner follows the confirmation link of the attacker’s sign-up', async () => {
    const victim = uniqueEmail('victim-link');
    const attackerPassword = 'attacker-chose-this-9';
    await anonClient().auth.signUp({ email: victim, password: attackerPassword });
    const { location } = await openLink(verifyLinkIn(await lastMailTo(victim)));
    expect(fragmentOf(location).get('access_token')).toEqual(expect.any(String));
    expect(
      (await anonClient().auth.signInWithPassword({ email: victim, password: attackerPassword })).error,
    ).toMatchObject({ code: 'invalid_credentials' });
  });

  it('keeps the password of accounts an admin creates confirmed', async () => {
    const user = await confirmedUser('admin-made');
    await expect(signedIn(user.email)).resolves.toBeTruthy();
  });
});

describe('weak passwords', () => {
  it('are refused with 422 weak_password and a reason: too short, or common', async () => {
    const short = await anonClient().auth.signUp({ email: uniqueEmail('short'), password: 'abc123' });
    expect(short.error).toMatchObject({ status: 422, code: 'weak_password', reasons: ['length'] });
    expect(short.error?.message).toBe('Password should be at least 8 characters.');

    const common = await callFrom(LOCAL, 'POST', '/auth/v1/signup', {
      body: { email: uniqueEmail('common'), password: '12345678' },
    });
    expect(common.status).toBe(422);
    expect(common.body).toMatchObject({
      code: 'weak_password',
      message: 'Password is known to be weak and easy to guess, please choose a different one.',
      weak_password: { reasons: ['pwned'] },
    });

    const user = await confirmedUser('weak-update');
    const { client } = await signedIn(user.email);
    expect((await client.auth.updateUser({ password: 'azertyuiop' })).error).toMatchObject({
      status: 422,
      code: 'weak_password',
    });
  });
});

describe('malformed and oversized input', () => {
  it('answers 400 for 5,000 levels of nested metadata (no stack overflow, no hang)', async () => {
    const user = await confirmedUser('nested');
    const { accessToken } = await signedIn(user.email);
    const nested = `{"data":${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}}`;
    const res = await callFrom(LOCAL, 'PUT', '/auth/v1/user', {
      body: nested,
      headers: { authorization: `Bearer ${accessToken}` },
    });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'validation_failed' });
  });

  it('answers 400 for a full name longer than the domain allows', async () => {
    const res = await callFrom(LOCAL, 'POST', '/auth/v1/signup', {
      body: { email: uniqueEmail('longname'), password: PASSWORD, data: { full_name: 'x'.repeat(121) } },
    });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({
      code: 'validation_failed',
      message: 'data.full_name must be at most 120 characters',
    });
  });
});
