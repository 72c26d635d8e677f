import { describe, expect, it } from 'vitest';
import { createCarebookClient } from './client.ts';
import { getBilling, openBillingPortal, startSubscription, toBillingSummary } from './billing.ts';

// A real supabase-js client whose fetch answers like the `billing` function would.
function clientAnswering(
  status: number,
  body: unknown,
  seen: { url?: string; method?: string; body?: string }[] = [],
) {
  return createCarebookClient('http://api.test', 'anon', {
    auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
    global: {
      fetch: async (input: RequestInfo | URL, init?: RequestInit) => {
        seen.push({ url: String(input), method: init?.method, body: init?.body as string | undefined });
        return new Response(JSON.stringify(body), {
          status,
          headers: { 'content-type': 'application/json' },
        });
      },
    },
  });
}

const summary = {
  subscription: {
    plan: 'essential_monthly',
    status: 'trialing',
    current_period_end: '2027-01-15T10:00:00+00:00',
    trial_end: '2027-01-15T10:00:00+00:00',
    cancel_at_period_end: false,
    past_due_since: null,
    stripe_customer_id: 'cus_1',
    stripe_subscription_id: 'sub_1',
  },
  plan: {
    code: 'essential_monthly',
    name_fr: 'Essentiel mensuel',
    name_en: 'Essential monthly',
    billing_interval: 'month',
    amount_cents: 4900,
    currency: 'EUR',
  },
  invoices: [
    {
      id: 'in_1',
      number: 'A-0001',
      status: 'paid',
      total: 0,
      currency: 'eur',
      created: '2027-01-01T10:00:00.000Z',
      hosted_url: 'http://fake/invoice',
      pdf_url: 'http://fake/invoice.pdf',
    },
  ],
  upcoming: { at: '2027-01-15T10:00:00+00:00', amount_cents: 4900, currency: 'EUR' },
};

describe('toBillingSummary', () => {
  it('reads the function answer into the app shape', () => {
    expect(toBillingSummary(summary)).toEqual({
      subscription: {
        plan: 'essential_monthly',
        status: 'trialing',
        currentPeriodEnd: '2027-01-15T10:00:00.000Z',
        trialEnd: '2027-01-15T10:00:00.000Z',
        cancelAtPeriodEnd: false,
        pastDueSince: null,
      },
      plan: {
        code: 'essential_monthly',
        name: { fr: 'Essentiel mensuel', en: 'Essential monthly' },
        interval: 'month',
        amountCents: 4900,
        currency: 'EUR',
      },
      invoices: [
        {
          id: 'in_1',
          number: 'A-0001',
          status: 'paid',
          totalCents: 0,
          currency: 'EUR',
          created: '2027-01-01T10:00:00.000Z',
          hostedUrl: 'http://fake/invoice',
          pdfUrl: 'http://fake/invoice.pdf',
        },
      ],
      upcoming: { at: '2027-01-15T10:00:00.000Z', amountCents: 4900, currency: 'EUR' },
    });
  });

  it('reads "no subscription yet"', () => {
    expect(toBillingSummary({ subscription: null, plan: null, invoices: [], upcoming: null })).toEqual({
      subscription: null,
      plan: null,
      invoices: [],
      upcoming: null,
    });
  });

  it('refuses what the function never sends', () => {
    expect(toBillingSummary(null)).toBeNull();
    expect(toBillingSummary({ subscription: null })).toBeNull();
    expect(toBillingSummary({ subscription: {}, invoices: [] })).toBeNull();
  });
});

describe('billing calls', () => {
  it('GETs the summary', async () => {
    const seen: { url?: string; method?: string }[] = [];
    const result = await getBilling(clientAnswering(200, summary, seen));
    expect(result.ok && result.data.subscription?.status).toBe('trialing');
    expect(seen[0]).toMatchObject({ url: 'http://api.test/functions/v1/billing', method: 'GET' });
  });

  it('posts the plan and returns the Checkout url', async () => {
    const seen: { url?: string; method?: string; body?: string }[] = [];
    const result = await startSubscription(
      clientAnswering(200, { url: 'http://fake/c/cs_1' }, seen),
      'essential_yearly',
    );
    expect(result).toEqual({ ok: true, data: 'http://fake/c/cs_1' });
    expect(seen[0]).toMatchObject({ url: 'http://api.test/functions/v1/billing/subscribe', method: 'POST' });
    expect(JSON.parse(seen[0]!.body!)).toEqual({ plan: 'essential_yearly' });
  });

  it('gives the refusal code of the function, never its message', async () => {
    const refused = await startSubscription(
      clientAnswering(409, { error: { code: 'already_subscribed', message: 'You already have…' } }),
      'essential_monthly',
    );
    expect(refused).toMatchObject({ ok: false, error: { code: 'already_subscribed', status: 409 } });
    const missing = await openBillingPortal(
      clientAnswering(404, { error: { code: 'not_found', message: 'Subscribe first.' } }),
    );
    expect(missing).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('reads an internal error as "try again" and a strange answer as unexpected_data', async () => {
    const broken = await getBilling(
      clientAnswering(500, { error: { code: 'internal_error', message: 'Something went wrong' } }),
    );
    expect(broken).toMatchObject({ ok: false, error: { code: 'network', status: 500 } });
    const odd = await openBillingPortal(clientAnswering(200, { url: 'javascript:alert(1)' }));
    expect(odd).toMatchObject({ ok: false, error: { code: 'unexpected_data' } });
  });
});
