// Consultation payments through the fake Checkout page (plain HTTP, as a browser posts the form):
// card paid, card declined, bank debit settled later either way, expiry, refunds and receipts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type Stripe from 'stripe';
import { postForm, startStripeTestbed, type StripeTestbed } from './spec-helpers.ts';

let bed: StripeTestbed;

beforeAll(async () => {
  bed = await startStripeTestbed();
});
afterAll(() => bed.fakes.dispose());

async function consultationSession(
  extra: Partial<Stripe.Checkout.SessionCreateParams> = {},
): Promise<Stripe.Checkout.Session> {
  const appointment = crypto.randomUUID();
  return bed.stripe.checkout.sessions.create(
    {
      mode: 'payment',
      line_items: [
        {
          price_data: { currency: 'eur', unit_amount: 6000, product_data: { name: 'Video consultation' } },
          quantity: 1,
        },
      ],
      success_url: 'http://127.0.0.1:9000/booking/paid?session={CHECKOUT_SESSION_ID}',
      cancel_url: 'http://127.0.0.1:9000/booking/cancelled',
      client_reference_id: appointment,
      customer_email: 'patient@example.test',
      metadata: { appointment_id: appointment },
      payment_intent_data: { metadata: { appointment_id: appointment } },
      expires_at: Math.floor(Date.now() / 1000) + 31 * 60,
      ...extra,
    },
    { idempotencyKey: `checkout-${appointment}` },
  );
}

async function eventsFor(objectId: string): Promise<Stripe.Event[]> {
  const all = await bed.stripe.events.list({ limit: 100 });
  return all.data
    .filter((e) => {
      const o = e.data.object as { id: string; payment_intent?: string };
      return o.id === objectId || o.payment_intent === objectId;
    })
    .reverse();
}

describe('Checkout, payment mode', () => {
  it('creates an open session with a page URL and the fields we pass', async () => {
    const session = await consultationSession();
    expect(session).toMatchObject({
      object: 'checkout.session',
      mode: 'payment',
      status: 'open',
      payment_status: 'unpaid',
      amount_total: 6000,
      currency: 'eur',
      payment_intent: null,
      livemode: false,
    });
    expect(session.url).toBe(`${bed.fakes.fakesUrl}/stripe/checkout/${session.id}`);
    expect(session.metadata?.appointment_id).toBe(session.client_reference_id);
    const withItems = await bed.stripe.checkout.sessions.retrieve(session.id, { expand: ['line_items'] });
    expect(withItems.line_items?.data[0]).toMatchObject({
      amount_total: 6000,
      description: 'Video consultation',
      quantity: 1,
    });

    const page = await fetch(session.url as string);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('<label for="email">Email</label>');
    expect(html).toContain('Card 4000 0000 0000 0002: card declined');
    expect(html).toContain('<legend>Payment method</legend>');
    expect(html).toContain('Pay €60.00');
  });

  it('keeps the session open on a declined card, then pays and redirects with the session id', async () => {
    const session = await consultationSession();
    const declined = await postForm(session.url as string, {
      payment: '4000000000000002',
      email: 'patient@example.test',
    });
    expect(declined.status).toBe(402);
    const html = await declined.text();
    expect(html).toContain('role="alert"');
    expect(html).toContain('Your card was declined.');
    expect((await bed.stripe.checkout.sessions.retrieve(session.id)).status).toBe('open');

    const paid = await postForm(session.url as string, {
      payment: '4242424242424242',
      email: 'patient@example.test',
    });
    expect(paid.status).toBe(303);
    expect(paid.headers.get('location')).toBe(`http://127.0.0.1:9000/booking/paid?session=${session.id}`);

    const done = await bed.stripe.checkout.sessions.retrieve(session.id, {
      expand: ['payment_intent.latest_charge'],
    });
    expect(done).toMatchObject({ status: 'complete', payment_status: 'paid', url: null });
    const pi = done.payment_intent as Stripe.PaymentIntent;
    expect(pi).toMatchObject({
      status: 'succeeded',
      amount_received: 6000,
      metadata: { appointment_id: session.client_reference_id },
    });
    const charge = pi.latest_charge as Stripe.Charge;
    expect((await fetch(charge.receipt_url as string)).status).toBe(200);

    const types = (await eventsFor(pi.id)).map((e) => e.type);
    expect(types).toEqual([
      'payment_intent.payment_failed',
      'payment_intent.succeeded',
      'checkout.session.completed',
    ]);
    const completed = (await eventsFor(session.id)).find((e) => e.type === 'checkout.session.completed');
    expect(completed?.data.previous_attributes).toMatchObject({ status: 'open', payment_status: 'unpaid' });

    const again = await postForm(session.url as string, { payment: '4242424242424242' });
    expect(again.status).toBe(409);
  });

  it('refuses an expires_at under 30 minutes, and expires on request with an event', async () => {
    const tooSoon = await bed.stripe.checkout.sessions
      .create({
        mode: 'payment',
        line_items: [
          { price_data: { currency: 'eur', unit_amount: 100, product_data: { name: 'x' } }, quantity: 1 },
        ],
        success_url: 'http://127.0.0.1/ok',
        expires_at: Math.floor(Date.now() / 1000) + 10 * 60,
      })
      .catch((e: unknown) => e as Stripe.errors.StripeError);
    expect(tooSoon).toMatchObject({ statusCode: 400, param: 'expires_at' });

    const session = await consultationSession();
    expect((await postForm(session.url as string, { payment: '4000000000009995' })).status).toBe(402);
    const expired = await bed.stripe.checkout.sessions.expire(session.id);
    expect(expired).toMatchObject({ status: 'expired', url: null });
    expect((await eventsFor(session.id)).map((e) => e.type)).toEqual(['checkout.session.expired']);
    const abandoned = (await bed.stripe.events.list({ type: 'payment_intent.canceled', limit: 1 })).data[0];
    expect(abandoned?.data.object).toMatchObject({ status: 'canceled', cancellation_reason: 'abandoned' });
    expect((abandoned?.data.object as Stripe.PaymentIntent).last_payment_error?.decline_code).toBe(
      'insufficient_funds',
    );
    const twice = await bed.stripe.checkout.sessions
      .expire(session.id)
      .catch((e: unknown) => e as Stripe.errors.StripeError);
    expect(twice).toMatchObject({ statusCode: 400 });
    const listed = await bed.stripe.checkout.sessions.list({ status: 'expired', limit: 100 });
    expect(listed.data.map((s) => s.id)).toContain(session.id);
  });
});

describe('delayed payment (bank debit)', () => {
  async function startDebit(): Promise<{ session: Stripe.Checkout.Session; pi: string }> {
    const session = await consultationSession();
    const res = await postForm(session.url as string, {
      payment: 'bank_debit',
      email: 'patient@example.test',
    });
    expect(res.status).toBe(303);
    const completed = await bed.stripe.checkout.sessions.retrieve(session.id);
    expect(completed).toMatchObject({ status: 'complete', payment_status: 'unpaid' });
    const pi = await bed.stripe.paymentIntents.retrieve(completed.payment_intent as string);
    expect(pi.status).toBe('processing');
    const bank = await (await fetch(`${bed.fakes.fakesUrl}/stripe/bank`)).text();
    expect(bank).toContain(pi.id);
    return { session, pi: pi.id };
  }

  it('succeeds later through the bank page: async_payment_succeeded, session paid', async () => {
    const { session, pi } = await startDebit();
    const answer = await postForm(`${bed.fakes.fakesUrl}/stripe/bank/${pi}`, { outcome: 'succeeded' });
    expect(answer.status).toBe(303);
    expect((await bed.stripe.checkout.sessions.retrieve(session.id)).payment_status).toBe('paid');
    expect((await bed.stripe.paymentIntents.retrieve(pi)).status).toBe('succeeded');
    expect((await eventsFor(session.id)).map((e) => e.type)).toEqual([
      'checkout.session.completed',
      'checkout.session.async_payment_succeeded',
    ]);
    const completed = (await eventsFor(session.id))[0]?.data.object as Stripe.Checkout.Session;
    expect(completed.payment_status).toBe('unpaid');
  });

  it('fails later through the control API: async_payment_failed, session stays unpaid', async () => {
    const { session, pi } = await startDebit();
    await bed.control.settlePayment(pi, 'failed');
    expect((await bed.stripe.checkout.sessions.retrieve(session.id)).payment_status).toBe('unpaid');
    const intent = await bed.stripe.paymentIntents.retrieve(pi);
    expect(intent.status).toBe('requires_payment_method');
    expect(intent.last_payment_error?.decline_code).toBe('insufficient_funds');
    expect((await eventsFor(pi)).map((e) => e.type)).toEqual([
      'checkout.session.completed',
      'payment_intent.payment_failed',
      'checkout.session.async_payment_failed',
    ]);
  });
});

describe('refunds', () => {
  async function paidIntent(): Promise<string> {
    const session = await consultationSession();
    await postForm(session.url as string, { payment: '4242424242424242' });
    return (await bed.stripe.checkout.sessions.retrieve(session.id)).payment_intent as string;
  }

  it('goes pending -> succeeded, emitting charge.refunded then refund.updated; a second refund is refused', async () => {
    const pi = await paidIntent();
    const refund = await bed.stripe.refunds.create({
      payment_intent: pi,
      reason: 'requested_by_customer',
      metadata: { appointment_id: 'a1' },
    });
    expect(refund).toMatchObject({ object: 'refund', status: 'pending', amount: 6000, payment_intent: pi });
    const charge = await bed.stripe.charges.retrieve(refund.charge as string);
    expect(charge).toMatchObject({ amount_refunded: 6000, refunded: true });

    await bed.control.settleRefund(refund.id, 'succeeded');
    expect((await bed.stripe.refunds.retrieve(refund.id)).status).toBe('succeeded');
    const types = (await bed.stripe.events.list({ limit: 100 })).data
      .filter((e) => [refund.id, charge.id].includes((e.data.object as { id: string }).id))
      .map((e) => e.type)
      .reverse();
    expect(types).toEqual(['refund.created', 'charge.refunded', 'refund.updated']);

    const again = await bed.stripe.refunds
      .create({ payment_intent: pi })
      .catch((e: unknown) => e as Stripe.errors.StripeError);
    expect(again).toMatchObject({ statusCode: 400, code: 'charge_already_refunded' });
  });

  it('fails on demand: status failed, the charge is no longer refunded', async () => {
    const pi = await paidIntent();
    const refund = await bed.stripe.refunds.create({ payment_intent: pi, amount: 2000 });
    await bed.control.settleRefund(refund.id, 'failed');
    const failed = await bed.stripe.refunds.retrieve(refund.id);
    expect(failed).toMatchObject({ status: 'failed', failure_reason: 'expired_or_canceled_card' });
    expect((await bed.stripe.charges.retrieve(failed.charge as string)).amount_refunded).toBe(0);
    const types = (
      await bed.stripe.events.list({ types: ['refund.updated', 'refund.failed'], limit: 100 })
    ).data
      .filter((e) => (e.data.object as { id: string }).id === refund.id)
      .map((e) => e.type);
    expect(types.sort()).toEqual(['refund.failed', 'refund.updated']);
  });

  it('settles pending refunds on its own after the configured delay', async () => {
    await bed.control.settings({ refund_settle_seconds: 0 });
    try {
      const pi = await paidIntent();
      const refund = await bed.stripe.refunds.create({ payment_intent: pi });
      expect(refund.status).toBe('pending');
      expect((await bed.stripe.refunds.retrieve(refund.id)).status).toBe('succeeded');
    } finally {
      await bed.control.settings({ refund_settle_seconds: 5 });
    }
  });
});
