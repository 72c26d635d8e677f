// supabase-js against canned PostgREST answers: the calendar's one request for a range, its JSON
// turned into the app's shape, and the windows refused before any request.
import { describe, expect, it } from 'vitest';
import { createCarebookClient } from './client.ts';
import { getPractitionerCalendar, toPractitionerCalendar } from './calendar.ts';

function postgrest(status: number, body: unknown) {
  const calls: { url: URL; body: unknown }[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    calls.push({ url: new URL(String(input)), body: init?.body ? JSON.parse(String(init.body)) : undefined });
    return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  };
  const client = createCarebookClient('http://127.0.0.1:1', 'anon-key', {
    auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
    global: { fetch },
  });
  return { client, calls };
}

const answer = {
  time_zone: 'Europe/Paris',
  types: [
    {
      id: 't1',
      name_fr: 'Séance',
      name_en: null,
      duration_minutes: 30,
      mode: 'video',
      active: true,
      ordinal: 0,
    },
  ],
  appointments: [
    {
      id: 'a1',
      starts_at: '2027-03-29T09:00:00+02:00',
      ends_at: '2027-03-29T09:30:00+02:00',
      status: 'held',
      hold_expires_at: '2027-03-20T10:15:00+00:00',
      mode: 'video',
      price_cents: 6000,
      currency: 'EUR',
      consultation_type_id: 't1',
      booked_at: '2027-03-20T10:00:00+00:00',
      sponsored: false,
      payment_status: 'open',
      video_url: 'https://meet.jit.si/carebook-abc',
      needs_attention: 'moved_in_google',
      patient: { id: 'p1', full_name: 'Ana Martin', email: 'ana@example.test', phone: null },
    },
  ],
  exceptions: [
    {
      id: 'x1',
      kind: 'time_off',
      starts_at: '2027-03-30T08:00:00+00:00',
      ends_at: '2027-03-30T09:00:00+00:00',
      note: null,
    },
  ],
  busy: [
    {
      id: 'b1',
      source: 'google',
      starts_at: '2027-03-31T08:00:00+00:00',
      ends_at: '2027-03-31T09:00:00+00:00',
    },
  ],
};

describe('getPractitionerCalendar', () => {
  it('asks practitioner_calendar once for the range and reads instants as UTC ISO strings', async () => {
    const { client, calls } = postgrest(200, answer);
    const result = await getPractitionerCalendar(client, {
      from: '2027-03-29T00:00:00Z',
      to: '2027-04-05T00:00:00Z',
    });
    expect(calls).toHaveLength(1);
    expect(calls[0]!.url.pathname).toBe('/rest/v1/rpc/practitioner_calendar');
    expect(calls[0]!.body).toEqual({ p_from: '2027-03-29T00:00:00Z', p_to: '2027-04-05T00:00:00Z' });
    expect(result.ok && result.data.appointments[0]).toMatchObject({
      startsAt: '2027-03-29T07:00:00.000Z',
      endsAt: '2027-03-29T07:30:00.000Z',
      status: 'held',
      paymentStatus: 'open',
      videoUrl: 'https://meet.jit.si/carebook-abc',
      needsAttention: 'moved_in_google',
      patient: { fullName: 'Ana Martin', phone: null },
    });
    expect(result.ok && result.data.exceptions[0]).toEqual({
      id: 'x1',
      kind: 'time_off',
      from: '2027-03-30T08:00:00.000Z',
      to: '2027-03-30T09:00:00.000Z',
      note: null,
    });
    expect(result.ok && result.data.busy[0]?.from).toBe('2027-03-31T08:00:00.000Z');
  });

  it('refuses backwards and over-wide windows without a request', async () => {
    const { client, calls } = postgrest(200, answer);
    expect(
      await getPractitionerCalendar(client, { from: '2027-04-05T00:00:00Z', to: '2027-03-29T00:00:00Z' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'invalid_window' },
    });
    expect(
      await getPractitionerCalendar(client, { from: '2027-01-01T00:00:00Z', to: '2027-03-05T00:00:00Z' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'window_too_wide' },
    });
    expect(calls).toHaveLength(0);
  });

  it('turns a refusal into its code and an unexpected body into unexpected_data', async () => {
    const refused = postgrest(404, {
      code: 'PT404',
      details: 'not_found',
      message: 'No practitioner profile',
      hint: null,
    });
    expect(
      await getPractitionerCalendar(refused.client, {
        from: '2027-03-29T00:00:00Z',
        to: '2027-04-05T00:00:00Z',
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    const odd = postgrest(200, { nope: true });
    expect(
      await getPractitionerCalendar(odd.client, { from: '2027-03-29T00:00:00Z', to: '2027-04-05T00:00:00Z' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'unexpected_data' },
    });
    expect(toPractitionerCalendar(null)).toBeNull();
  });
});
