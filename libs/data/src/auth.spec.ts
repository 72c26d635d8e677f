// Drives the real supabase-js client against canned GoTrue answers (shapes from GoTrue's API),
// to check what we send and how each answer becomes a Result.
import { describe, expect, it } from 'vitest';
import { createCarebookClient } from './client.ts';
import { resendConfirmation, signIn, signUp } from './auth.ts';

interface Call {
  url: string;
  method: string;
  body: unknown;
}

function goTrue(status: number, body: unknown) {
  const calls: Call[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
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
  password: 'correct horse',
  fullName: 'Zoé',
  role: 'patient',
  locale: 'fr',
  redirectTo: 'http://127.0.0.1:9000/account',
} as const;

describe('signUp', () => {
  it('sends the profile fields as user metadata and the redirect target', async () => {
    const { client, calls } = goTrue(200, user);
    await signUp(client, input);
    expect(calls).toHaveLength(1);
    const [call] = calls;
    expect(call?.method).toBe('POST');
    expect(call?.url).toBe(
      'http://127.0.0.1:1/auth/v1/signup?redirect_to=http%3A%2F%2F127.0.0.1%3A9000%2Faccount',
    );
    expect(call?.body).toMatchObject({
      email: 'zoe@example.fr',
      password: 'correct horse',
      data: { full_name: 'Zoé', role: 'patient', locale: 'fr' },
    });
  });

  it('reports a pending confirmation when GoTrue answers a bare user', async () => {
    const { client } = goTrue(200, user);
    const result = await signUp(client, input);
    expect(result).toMatchObject({ ok: true, data: { kind: 'confirmation_sent', user: { id: user.id } } });
  });

  it('reports a session when e-mails are auto-confirmed', async () => {
    const { client } = goTrue(200, session);
    const result = await signUp(client, input);
    expect(result).toMatchObject({
      ok: true,
      data: { kind: 'signed_in', session: { refresh_token: 'r3fr3sh' } },
    });
  });

  it('maps an existing account to user_already_exists', async () => {
    const { client } = goTrue(422, { code: 'user_already_exists', message: 'User already registered' });
    const result = await signUp(client, input);
    expect(result).toEqual({
      ok: false,
      error: { code: 'user_already_exists', message: 'User already registered', status: 422 },
    });
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
