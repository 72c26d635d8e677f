import { describe, expect, it } from 'vitest';
import { createCarebookClient } from './client.ts';
import { listMyPayments, startAppointmentCheckout } from './payments.ts';

// A real supabase-js client signed in from storage, whose fetch answers like PostgREST / functions.
function clientAnswering(status: number, body: unknown, seen: string[] = []) {
  const session = {
    access_token: 'header.eyJzdWIiOiJ1MSJ9.sig',
    refresh_token: 'r',
    token_type: 'bearer',
    expires_in: 3600,
    expires_at: Math.floor(Date.now() / 1000) + 3600,
    user: { id: 'u1', aud: 'authenticated', app_metadata: {}, user_metadata: {}, created_at: '' },
  };
  const store = new Map([['sb-api-auth-token', JSON.stringify(session)]]);
  return createCarebookClient('http://api.test', 'anon', {
    auth: {
      autoRefreshToken: false,
      detectSessionInUrl: false,
      storageKey: 'sb-api-auth-token',
      storage: {
        getItem: (k: string) => store.get(k) ?? null,
        setItem: (k: string, v: string) => void store.set(k, v),
        removeItem: (k: string) => void store.delete(k),
      },
    },
    global: {
      fetch: async (input: RequestInfo | URL) => {
        seen.push(decodeURIComponent(String(input)));
        return new Response(JSON.stringify(body), {
          status,
          headers: { 'content-type': 'application/json' },
        });
      },
    },
  });
}

describe('listMyPayments', () => {
  it('reads the patient own payments with the appointment and practitioner embedded', async () => {
    const seen: string[] = [];
    const row = {
      id: 'p1',
      appointment_id: 'a1',
      amount_cents: 6000,
      currency: 'EUR',
      status: 'paid',
      paid_at: '2027-01-02T10:00:00+00:00',
      refunded_at: null,
      receipt_url: 'http://fake/r',
      created_at: '2027-01-02T09:58:00+00:00',
      appointments: { starts_at: '2027-01-04T08:00:00+00:00', status: 'confirmed' },
      practitioners: { display_name: 'Dr Léa Fontaine', time_zone: 'Europe/Paris' },
    };
    const result = await listMyPayments(clientAnswering(200, [row], seen));
    expect(result).toEqual({
      ok: true,
      data: [
        {
          id: 'p1',
          appointmentId: 'a1',
          amountCents: 6000,
          currency: 'EUR',
          status: 'paid',
          paidAt: '2027-01-02T10:00:00.000Z',
          refundedAt: null,
          receiptUrl: 'http://fake/r',
          createdAt: '2027-01-02T09:58:00.000Z',
          appointment: { startsAt: '2027-01-04T08:00:00.000Z', status: 'confirmed' },
          practitioner: { displayName: 'Dr Léa Fontaine', timeZone: 'Europe/Paris' },
        },
      ],
    });
    expect(seen[0]).toContain('/rest/v1/payments?select=');
    expect(seen[0]).toContain('patient_id=eq.u1');
    expect(seen[0]).toContain('order=created_at.desc');
  });
});

describe('startAppointmentCheckout', () => {
  it('gives the Checkout url, or the refusal code', async () => {
    expect(await startAppointmentCheckout(clientAnswering(200, { url: 'http://fake/c/cs_1' }), 'a1')).toEqual(
      {
        ok: true,
        data: 'http://fake/c/cs_1',
      },
    );
    const late = await startAppointmentCheckout(
      clientAnswering(409, { error: { code: 'hold_expired', message: 'This hold has expired' } }),
      'a1',
    );
    expect(late).toMatchObject({ ok: false, error: { code: 'hold_expired', status: 409 } });
  });
});
