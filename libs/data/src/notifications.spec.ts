// Drives the real supabase-js client against canned PostgREST answers: what each notification
// function asks for (URL, method, headers) and how each answer becomes a Result.
import { describe, expect, it } from 'vitest';
import { createCarebookClient } from './client.ts';
import {
  countMyUnread,
  listMyNotifications,
  markNotificationsRead,
  toAppNotification,
} from './notifications.ts';

interface Call {
  url: URL;
  method: string;
  headers: Headers;
  body: unknown;
}

function postgrest(status: number, body: unknown, headers: Record<string, string> = {}) {
  const calls: Call[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    calls.push({
      url: new URL(String(input)),
      method: init?.method ?? 'GET',
      headers: new Headers(init?.headers),
      body: init?.body ? JSON.parse(String(init.body)) : undefined,
    });
    const text = init?.method === 'HEAD' ? null : JSON.stringify(body);
    return new Response(text, { status, headers: { 'content-type': 'application/json', ...headers } });
  };
  const client = createCarebookClient('http://127.0.0.1:1', 'anon-key', {
    auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
    global: { fetch },
  });
  return { client, calls };
}

const row = {
  id: '7f2c2b0e-1d4a-4a55-9a0c-2d3f4e5a6b7c',
  topic: 'appointment.confirmed',
  data: {
    practitioner_name: 'Dr Camille Martin',
    starts_at: '2027-03-01T08:00:00+00:00',
    time_zone: 'Europe/Paris',
  },
  read_at: null,
  created_at: '2026-12-06T03:00:00.123456+00:00',
};

describe('toAppNotification', () => {
  it('renames the columns and writes instants as ISO strings', () => {
    expect(toAppNotification({ ...row, read_at: '2026-12-06T04:00:00+00:00' })).toEqual({
      id: row.id,
      topic: 'appointment.confirmed',
      data: row.data,
      readAt: '2026-12-06T04:00:00.000Z',
      createdAt: '2026-12-06T03:00:00.123Z',
    });
  });

  it('reads data that is not an object as empty', () => {
    expect(toAppNotification({ ...row, data: [1, 2] }).data).toEqual({});
    expect(toAppNotification({ ...row, data: 'text' }).data).toEqual({});
  });
});

describe('listMyNotifications', () => {
  it('asks for the newest first, limited, and maps the rows', async () => {
    const { client, calls } = postgrest(200, [row]);
    const result = await listMyNotifications(client, { limit: 20 });
    expect(result).toMatchObject({ ok: true, data: [{ id: row.id, readAt: null }] });
    const [call] = calls;
    expect(call?.method).toBe('GET');
    expect(call?.url.pathname).toBe('/rest/v1/notifications');
    expect(call?.url.searchParams.get('select')).toBe('id,topic,data,read_at,created_at');
    expect(call?.url.searchParams.get('order')).toBe('created_at.desc,id.desc');
    expect(call?.url.searchParams.get('limit')).toBe('20');
  });

  it('refuses a limit out of range before sending anything', async () => {
    const { client, calls } = postgrest(200, []);
    expect(await listMyNotifications(client, { limit: 0 })).toMatchObject({
      ok: false,
      error: { code: 'out_of_range' },
    });
    expect(await listMyNotifications(client, { limit: 101 })).toMatchObject({ ok: false });
    expect(calls).toHaveLength(0);
  });

  it('turns an expired session into its code', async () => {
    const { client } = postgrest(401, {
      code: 'PGRST301',
      message: 'JWT expired',
      details: null,
      hint: null,
    });
    expect(await listMyNotifications(client)).toMatchObject({
      ok: false,
      error: { code: 'session_expired' },
    });
  });
});

describe('countMyUnread', () => {
  it('counts unread rows with a HEAD request', async () => {
    const { client, calls } = postgrest(200, null, { 'content-range': '*/3' });
    expect(await countMyUnread(client)).toEqual({ ok: true, data: 3 });
    const [call] = calls;
    expect(call?.method).toBe('HEAD');
    expect(call?.url.searchParams.get('read_at')).toBe('is.null');
    expect(call?.headers.get('prefer')).toContain('count=exact');
  });

  it('turns a privilege refusal into forbidden', async () => {
    const { client } = postgrest(403, {
      code: '42501',
      message: 'permission denied',
      details: null,
      hint: null,
    });
    expect(await countMyUnread(client)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});

describe('markNotificationsRead', () => {
  it('marks the given ones through mark_notifications_read and says how many changed', async () => {
    const { client, calls } = postgrest(200, 1);
    expect(await markNotificationsRead(client, [row.id])).toEqual({ ok: true, data: 1 });
    const [call] = calls;
    expect(call?.method).toBe('POST');
    expect(call?.url.pathname).toBe('/rest/v1/rpc/mark_notifications_read');
    expect(call?.body).toEqual({ p_ids: [row.id] });
  });

  it("marks all of the caller's when no ids are given (p_ids left to its default, null)", async () => {
    const { client, calls } = postgrest(200, 7);
    expect(await markNotificationsRead(client)).toEqual({ ok: true, data: 7 });
    expect(calls[0]?.body).toEqual({});
  });

  it('sends nothing for an empty list', async () => {
    const { client, calls } = postgrest(200, 0);
    expect(await markNotificationsRead(client, [])).toEqual({ ok: true, data: 0 });
    expect(calls).toHaveLength(0);
  });

  it('turns a signed-out call into not_authenticated', async () => {
    const { client } = postgrest(401, {
      code: '42501',
      message: 'permission denied',
      details: null,
      hint: null,
    });
    expect(await markNotificationsRead(client)).toMatchObject({
      ok: false,
      error: { code: 'not_authenticated' },
    });
  });
});
