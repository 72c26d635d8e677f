// Drives the real supabase-js client against canned GoTrue answers (shapes from GoTrue's API),
// to check what we send and how each answer becomes a Result.
import { describe, expect, it } from 'vitest';
import { createCarebookClient } from './client.ts';
import { choosePassword, resendConfirmation, signIn, signUp } from './auth.ts';

interface Call {
  url: string;
  method: string;
  body: unknown;
}

/** Answers every call with `status` and `body`; GET /user (setSession's check) with the user. */
function goTrue(status: number, body: unknown) {
  const calls: Call[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    if (String(input).endsWith('/auth/v1/user') && (init?.method ?? 'GET') === 'GET') {
      return new Response(JSON.stringify(user), {
        status: 200,
        headers: { 'content-type': 'application/json' },
      });
    }
    calls.push({
      url: String(input),
      method: init?.method ?? 'GET',
      body: init?.body ? JSON.parse(String(init.body)) : undefined,
    });
    return new Response(JSON.stringify(body), {
      status,
      headers: { 'content-type': 'application/json', 'x-supabase-api-version': '2024-01-01' },
    });
  };
  const client = createCarebookClient('http://127.0.0.1:1', 'anon-key', {
    auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
    global: { fetch },
  });
  return { client, calls };
}

const user = {
  id: '0d9c6a57-64cf-4bd4-8a59-3d7b1a0f2b11',
  aud: 'authenticated',
  role: 'authenticated',
  email: 'zoe@example.fr',
  app_metadata: { provider: 'email', providers: ['email'] },
  user_metadata: { full_name: 'Zoé', role: 'patient', locale: 'fr' },
  identities: [],
  created_at: '2025-01-01T00:00:00Z',
};

const session = {
  access_token: 'header.payload.signature',
  token_type: 'bearer',
  expires_in: 3600,
  expires_at: Math.floor(Date.now() / 1000) + 3600,
  refresh_token: 'r3fr3sh',
  user,
};

const input = {
  email: 'zoe@example.fr',
  fullName: 'Zoé',
  role: 'patient',
  locale: 'fr',
  redirectTo: 'http://127.0.0.1:9000/account',
} as const;

describe('signUp', () => {
  it('asks for a link to the address, creating the account with the profile fields, and sends no password', async () => {
    const { client, calls } = goTrue(200, {});
    const result = await signUp(client, input);
    expect(result).toEqual({ ok: true, data: { kind: 'link_sent' } });
    expect(calls).toHaveLength(1);
    const [call] = calls;
    expect(call?.method).toBe('POST');
    expect(call?.url).toBe(
      'http://127.0.0.1:1/auth/v1/otp?redirect_to=http%3A%2F%2F127.0.0.1%3A9000%2Faccount',
    );
    expect(call?.body).toMatchObject({
      email: 'zoe@example.fr',
      create_user: true,
      data: { full_name: 'Zoé', role: 'patient', locale: 'fr' },
    });
    expect(call?.body).not.toHaveProperty('password');
  });

  it('maps a refusal (too many requests) to a typed error', async () => {
    const { client } = goTrue(429, {
      code: 'over_request_rate_limit',
      message: 'Request rate limit reached',
    });
    const result = await signUp(client, input);
    expect(result).toMatchObject({ ok: false, error: { code: 'rate_limited', status: 429 } });
  });
});

describe('choosePassword', () => {
  it('sets the signed-in person’s password, and reports a weak one with its reasons', async () => {
    const { client, calls } = goTrue(422, {
      code: 'weak_password',
      message: 'Password is known to be weak and easy to guess, please choose a different one.',
      weak_password: { reasons: ['pwned'] },
    });
    const claims = { sub: user.id, role: 'authenticated', exp: Math.floor(Date.now() / 1000) + 3600 };
    const jwt = ['{"alg":"HS256","typ":"JWT"}', JSON.stringify(claims)]
      .map((part) => Buffer.from(part).toString('base64url'))
      .concat('c2lnbmF0dXJl')
      .join('.');
    expect((await client.auth.setSession({ access_token: jwt, refresh_token: 'r3fr3sh' })).error).toBeNull();
    const result = await choosePassword(client, '12345678');
    expect(calls.at(-1)?.body).toMatchObject({ password: '12345678' });
    expect(result).toMatchObject({ ok: false, error: { code: 'weak_password', reasons: ['pwned'] } });
  });
});

describe('signIn', () => {
  it('returns the session', async () => {
    const { client, calls } = goTrue(200, session);
    const result = await signIn(client, { email: 'zoe@example.fr', password: 'correct horse' });
    expect(calls[0]?.url).toBe('http://127.0.0.1:1/auth/v1/token?grant_type=password');
    expect(result).toMatchObject({ ok: true, data: { access_token: session.access_token } });
  });

  it('maps a wrong password to invalid_credentials', async () => {
    const { client } = goTrue(400, { code: 'invalid_credentials', message: 'Invalid login credentials' });
    const result = await signIn(client, { email: 'zoe@example.fr', password: 'wrong' });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_credentials', status: 400 } });
  });

  it('maps an unreachable server to network', async () => {
    const client = createCarebookClient('http://127.0.0.1:1', 'anon-key', {
      auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
      global: {
        fetch: async () => {
          throw new TypeError('fetch failed');
        },
      },
    });
    const result = await signIn(client, { email: 'zoe@example.fr', password: 'x' });
    expect(result).toMatchObject({ ok: false, error: { code: 'network' } });
  });
});

describe('resendConfirmation', () => {
  it('asks GoTrue to resend the sign-up e-mail', async () => {
    const { client, calls } = goTrue(200, {});
    const result = await resendConfirmation(client, 'zoe@example.fr');
    expect(result).toEqual({ ok: true, data: null });
    expect(calls[0]?.url).toBe('http://127.0.0.1:1/auth/v1/resend');
    expect(calls[0]?.body).toMatchObject({ type: 'signup', email: 'zoe@example.fr' });
  });
});
