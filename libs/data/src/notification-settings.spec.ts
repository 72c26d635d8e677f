// supabase-js against canned PostgREST answers: what each preference call sends and how each
// answer (rows, a preference_required refusal) becomes a Result.
import { describe, expect, it } from 'vitest';
import { createCarebookClient } from './client.ts';
import { getMyNotificationSettings, setNotificationPreference } from './notification-settings.ts';

function postgrest(status: number, body: unknown) {
  const calls: { url: URL; method: string; body: unknown }[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    calls.push({
      url: new URL(String(input)),
      method: init?.method ?? 'GET',
      body: init?.body ? JSON.parse(String(init.body)) : undefined,
    });
    return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  };
  const client = createCarebookClient('http://127.0.0.1:1', 'anon-key', {
    auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
    global: { fetch },
  });
  return { client, calls };
}

describe('getMyNotificationSettings', () => {
  it('reads every pair from my_notification_settings', async () => {
    const rows = [
      { category: 'booking', channel: 'email', enabled: true, required: true },
      { category: 'reminders', channel: 'sms', enabled: false, required: false },
    ];
    const { client, calls } = postgrest(200, rows);
    expect(await getMyNotificationSettings(client)).toEqual({ ok: true, data: rows });
    expect(calls[0]?.url.pathname).toBe('/rest/v1/rpc/my_notification_settings');
  });
});

describe('setNotificationPreference', () => {
  it('sends one pair and answers it as stored', async () => {
    const stored = { category: 'reminders', channel: 'sms', enabled: true, required: false };
    const { client, calls } = postgrest(200, [stored]);
    const result = await setNotificationPreference(client, {
      category: 'reminders',
      channel: 'sms',
      enabled: true,
    });
    expect(result).toEqual({ ok: true, data: stored });
    expect(calls[0]?.method).toBe('POST');
    expect(calls[0]?.url.pathname).toBe('/rest/v1/rpc/set_notification_preference');
    expect(calls[0]?.body).toEqual({ p_category: 'reminders', p_channel: 'sms', p_enabled: true });
  });

  it('turns the refusal of a required pair into preference_required', async () => {
    const { client } = postgrest(409, {
      code: 'P0001',
      details: 'preference_required',
      message: 'booking e-mails cannot be turned off',
      hint: null,
    });
    const result = await setNotificationPreference(client, {
      category: 'booking',
      channel: 'email',
      enabled: false,
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'preference_required', status: 409 } });
  });

  it('treats an empty answer as unexpected', async () => {
    const { client } = postgrest(200, []);
    const result = await setNotificationPreference(client, {
      category: 'account',
      channel: 'sms',
      enabled: true,
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'unexpected_data' } });
  });
});
