// Payments end to end through the real functions, the official SDK and the Stripe fake: the fake
// signs and sends its webhooks to stripe-webhook, whose work the database does once. Checkout
// pages are "clicked" through the fake's control API, which takes the same path as its page.
import { describe, expect, it } from 'vitest';
import { stripeControl } from '@carebook/fakes';
import { localStripe, runJob } from '@carebook/local-stack';
import {
  advance,
  config,
  createPractitionerProfile,
  expireHold,
  outboxOf,
  practitioner,
  service,
  sql,
  user,
  type Scenario,
  type TestUser,
} from '@carebook/testing';
import { paidScenario, shuffled } from './support.ts';

const stripe = localStripe(config);
const fake = stripeControl(config.fakesUrl);
/** Waits until the fake has delivered every webhook (retries included). */
const settled = () => fake.idle();

async function callFunction(name: string, who: TestUser, body: unknown, method = 'POST') {
  const res = await fetch(`${config.apiUrl}/functions/v1/${name}`, {
    method,
    headers: {
      Authorization: `Bearer ${who.accessToken}`,
      apikey: config.anonKey,
      'content-type': 'application/json',
    },
    ...(method === 'POST' && { body: JSON.stringify(body) }),
  });
  return {
    status: res.status,
    body: (await res.json()) as Record<string, unknown> & { error?: { code: string } },
  };
}

async function checkout(s: Scenario, who: TestUser, day: number, at: string) {
  const booked = await s.book(who, s.at(day, at));
  expect(booked.data?.status).toBe('held');
  const started = await callFunction('checkout', who, { appointment_id: booked.data!.id });
  expect(started.status).toBe(200);
  const [payment] = await sql<{ id: string; checkout_session_id: string }>(
    `select id, checkout_session_id from public.payments where appointment_id = $1`,
    [booked.data!.id],
  );
  return {
    appointmentId: booked.data!.id,
    url: String(started.body.url),
    paymentId: payment!.id,
    sessionId: payment!.checkout_session_id,
  };
}

async function state(appointmentId: string) {
  const [row] = await sql<{ appointment: string; payment: string | null }>(
    `select a.status as appointment, p.status as payment
       from public.appointments a left join public.payments p on p.appointment_id = a.id where a.id = $1`,
    [appointmentId],
  );
  return row!;
}

const eventsOf = async (objectId: string) =>
  (await fake.events()).filter((e) => (e.data.object as { id?: string }).id === objectId);

describe('consultation payments through Stripe', () => {
  it('confirms a paid appointment by the webhook only, once, even with every event replayed three times', async () => {
    const s = await paidScenario();
    const ann = await user('patient');
    const c = await checkout(s, ann, 3, '09:00');
    const again = await callFunction('checkout', ann, { appointment_id: c.appointmentId });
    expect(again.body.url).toBe(c.url); // one session per payment
    const session = await stripe.checkout.sessions.retrieve(c.sessionId);
    expect(session).toMatchObject({ mode: 'payment', amount_total: 6000, currency: 'eur', status: 'open' });
    expect(await state(c.appointmentId)).toEqual({ appointment: 'held', payment: 'open' });

    await fake.pay(c.sessionId, '4242424242424242');
    await settled();
    expect(await state(c.appointmentId)).toEqual({ appointment: 'confirmed', payment: 'paid' });
    const receipt = await ann.client.from('payments').select('amount_cents, currency, paid_at, receipt_url');
    expect(receipt.data).toEqual([
      {
        amount_cents: 6000,
        currency: 'EUR',
        paid_at: expect.any(String),
        receipt_url: expect.stringMatching(/^http/),
      },
    ]);

    const events = await eventsOf(c.sessionId);
    expect(events.map((e) => e.type)).toContain('checkout.session.completed');
    for (const e of [...events, ...events, ...events].reverse()) {
      const results = await fake.deliver(e.id);
      expect(results.every((r) => r.status === 200)).toBe(true);
    }
    expect((await outboxOf(c.appointmentId)).filter((m) => m.topic === 'appointment.confirmed')).toHaveLength(
      1,
    );
  });

  it('refuses forged deliveries with 400 and writes nothing', async () => {
    const s = await paidScenario();
    const ann = await user('patient');
    const c = await checkout(s, ann, 3, '11:00');
    await fake.pause();
    try {
      await fake.pay(c.sessionId, '4242424242424242');
      const [completed] = (await eventsOf(c.sessionId)).filter(
        (e) => e.type === 'checkout.session.completed',
      );
      const forged = [
        { tamper: true },
        { secret: 'whsec_someone_else' },
        { timestamp: Math.floor(Date.now() / 1000) - 301 },
      ];
      for (const options of forged) {
        const results = await fake.deliver(completed!.id, options);
        expect(results.map((r) => r.status)).toEqual([400]);
      }
      const recorded = await sql(`select 1 from private.stripe_events where id = $1`, [completed!.id]);
      expect(recorded).toEqual([]);
      expect(await state(c.appointmentId)).toEqual({ appointment: 'held', payment: 'open' });
    } finally {
      await fake.resume();
      await settled();
    }
    expect(await state(c.appointmentId)).toEqual({ appointment: 'confirmed', payment: 'paid' });
  });

  it('leaves the slot held after a declined card, and frees it when the hold runs out, expiring the session', async () => {
    const s = await paidScenario();
    const ann = await user('patient');
    const c = await checkout(s, ann, 4, '09:00');
    await fake.pay(c.sessionId, '4000000000000002');
    await settled();
    expect(await state(c.appointmentId)).toEqual({ appointment: 'held', payment: 'open' });

    await expireHold(c.appointmentId);
    await service().rpc('release_expired_holds_tick');
    const job = await runJob(config, { function_path: 'payments', body: {} });
    expect(job.status).toBe(200);
    await settled();
    expect((await stripe.checkout.sessions.retrieve(c.sessionId)).status).toBe('expired');
    expect(await state(c.appointmentId)).toEqual({ appointment: 'cancelled', payment: 'expired' });
    const rebooked = await s.book(await user('patient'), s.at(4, '09:00'));
    expect(rebooked.error).toBeNull();
  });

  it('waits for a delayed payment: confirmed when it succeeds, the slot released when it fails', async () => {
    const s = await paidScenario();
    const [ann, bob] = await Promise.all([user('patient'), user('patient')]);
    const good = await checkout(s, ann, 5, '09:00');
    const bad = await checkout(s, bob, 5, '10:00');
    const intents: string[] = [];
    for (const c of [good, bad]) {
      await fake.pay(c.sessionId, 'bank_debit');
      intents.push((await stripe.checkout.sessions.retrieve(c.sessionId)).payment_intent as string);
    }
    await settled();
    expect(await state(good.appointmentId)).toEqual({ appointment: 'held', payment: 'open' });

    await fake.settlePayment(intents[0]!, 'succeeded');
    await fake.settlePayment(intents[1]!, 'failed');
    await settled();
    expect(await state(good.appointmentId)).toEqual({ appointment: 'confirmed', payment: 'paid' });
    expect(await state(bad.appointmentId)).toEqual({ appointment: 'cancelled', payment: 'failed' });
    expect((await outboxOf(bad.appointmentId)).map((m) => m.topic)).toContain('payment.failed');
  });

  it('refunds a payment made after the hold ran out and the time was re-booked, and tells the patient', async () => {
    const s = await paidScenario();
    const [ann, bob] = await Promise.all([user('patient'), user('patient')]);
    await fake.settings({ refund_settle_seconds: 0 });
    const late = await checkout(s, ann, 6, '09:00');
    await expireHold(late.appointmentId);
    const taken = await s.book(bob, s.at(6, '09:00')); // releases the expired hold first
    expect(taken.error).toBeNull();
    await fake.pay(late.sessionId, '4242424242424242');
    await settled();
    expect(await state(late.appointmentId)).toEqual({ appointment: 'cancelled', payment: 'refund_pending' });

    await runJob(config, { function_path: 'payments', body: {} });
    await settled();
    expect(await state(late.appointmentId)).toEqual({ appointment: 'cancelled', payment: 'refunded' });
    const intent = (await stripe.checkout.sessions.retrieve(late.sessionId)).payment_intent as string;
    const refunds = await stripe.refunds.list({ payment_intent: intent });
    expect(refunds.data.map((r) => [r.amount, r.status])).toEqual([[6000, 'succeeded']]);
    expect((await outboxOf(late.appointmentId)).filter((m) => m.topic === 'payment.refunded')).toHaveLength(
      1,
    );
    // A second run of the job asks nothing more of Stripe.
    await runJob(config, { function_path: 'payments', body: {} });
    expect((await stripe.refunds.list({ payment_intent: intent })).data).toHaveLength(1);
    const [{ n }] = (await sql<{ n: number }>(
      `select count(*)::int as n from public.appointments where practitioner_id = $1 and starts_at = $2 and status in ('held', 'confirmed')`,
      [s.practitioner.id, s.at(6, '09:00')],
    )) as [{ n: number }];
    expect(n).toBe(1);
  });

  it('refunds in full when the practitioner cancels a paid appointment', async () => {
    const s = await paidScenario();
    const ann = await user('patient');
    await fake.settings({ refund_settle_seconds: 0 });
    const c = await checkout(s, ann, 7, '09:00');
    await fake.pay(c.sessionId, '4242424242424242');
    await settled();
    const cancelled = await s.practitioner.client.rpc('cancel_appointment', {
      p_appointment_id: c.appointmentId,
      p_reason: 'Unwell',
    });
    expect(cancelled.error).toBeNull();
    await runJob(config, { function_path: 'payments', body: {} });
    await settled();
    expect(await state(c.appointmentId)).toEqual({ appointment: 'cancelled', payment: 'refunded' });
  });
});

describe('practitioner subscriptions through Stripe', () => {
  it('walks trial -> active -> failed renewal -> past_due -> canceled on a test clock, publishing following each step', async () => {
    const pro = await practitioner();
    await createPractitionerProfile(pro);
    await advance(pro.id, 'submitted', 'verified');
    const published = async () =>
      (
        await sql<{ published: boolean }>(`select published from public.practitioners where id = $1`, [
          pro.id,
        ])
      )[0]!.published;
    const status = async () =>
      (
        await sql<{ status: string }>(
          `select status::text from public.subscriptions where practitioner_id = $1`,
          [pro.id],
        )
      )[0]?.status;
    expect(await published()).toBe(false);

    // The customer lives on a test clock, so the test can move Stripe's time.
    const clock = await stripe.testHelpers.testClocks.create({ frozen_time: Math.floor(Date.now() / 1000) });
    const customer = await stripe.customers.create({ email: 'clock@example.test', test_clock: clock.id });
    await service().from('billing_customers').insert({ profile_id: pro.id, stripe_customer_id: customer.id });

    const started = await callFunction('billing/subscribe', pro, { plan: 'essential_monthly' });
    expect(started.status).toBe(200);
    const sessionId = new URL(String(started.body.url)).pathname.split('/').pop()!;
    await fake.pay(sessionId, '4242424242424242');
    await settled();
    expect(await status()).toBe('trialing');
    expect(await published()).toBe(true);
    const again = await callFunction('billing/subscribe', pro, { plan: 'essential_yearly' });
    expect(again.body.error?.code).toBe('already_subscribed');

    const day = 86_400;
    await stripe.testHelpers.testClocks.advance(clock.id, { frozen_time: clock.frozen_time + 15 * day });
    await settled();
    expect(await status()).toBe('active'); // the trial ended and the first invoice was paid
    expect(await published()).toBe(true);

    // The card starts declining: the next renewal fails.
    await fake.setCard(customer.id, '4000000000000341');
    await stripe.testHelpers.testClocks.advance(clock.id, { frozen_time: clock.frozen_time + 46 * day });
    await settled();
    expect(await status()).toBe('past_due');
    expect(await published()).toBe(true); // 7 days of grace
    expect(
      (
        await sql(
          `select 1 from public.outbox where topic = 'subscription.payment_failed' and payload ->> 'practitioner_id' = $1`,
          [pro.id],
        )
      ).length,
    ).toBeGreaterThanOrEqual(1);
    // Grace is counted in our time, which the test clock does not move: pretend 8 days went by.
    await sql(
      `update public.subscriptions set past_due_since = now() - interval '8 days' where practitioner_id = $1`,
      [pro.id],
    );
    await service().rpc('refresh_publication_tick');
    expect(await published()).toBe(false);

    await stripe.testHelpers.testClocks.advance(clock.id, { frozen_time: clock.frozen_time + 80 * day });
    await settled();
    expect(await status()).toBe('canceled');
    expect(await published()).toBe(false);

    // Replay chaos: the whole lifecycle's events three times, shuffled (older updates arriving after
    // newer ones): the state stays what Stripe reports, and no side effect happens twice.
    const [{ stripe_subscription_id: subscriptionId }] = (await sql<{ stripe_subscription_id: string }>(
      `select stripe_subscription_id from public.subscriptions where practitioner_id = $1`,
      [pro.id],
    )) as [{ stripe_subscription_id: string }];
    const failedBefore = await sql(
      `select 1 from public.outbox where topic = 'subscription.payment_failed' and payload ->> 'practitioner_id' = $1`,
      [pro.id],
    );
    const lifecycle = (await fake.events()).filter((e) => {
      const object = e.data.object as { id?: string; customer?: string };
      return object.id === subscriptionId || object.customer === customer.id;
    });
    expect(lifecycle.length).toBeGreaterThanOrEqual(5);
    const deliveries = shuffled([...lifecycle, ...lifecycle, ...lifecycle], 11);
    for (const e of deliveries) {
      const results = await fake.deliver(e.id);
      expect(results.every((r) => r.status === 200)).toBe(true);
    }
    expect(await status()).toBe((await stripe.subscriptions.retrieve(subscriptionId)).status);
    expect(
      await sql(
        `select 1 from public.outbox where topic = 'subscription.payment_failed' and payload ->> 'practitioner_id' = $1`,
        [pro.id],
      ),
    ).toHaveLength(failedBefore.length);

    const summary = await callFunction('billing', pro, undefined, 'GET');
    expect(summary.status).toBe(200);
    expect((summary.body.invoices as unknown[]).length).toBeGreaterThanOrEqual(1);
    const portal = await callFunction('billing/portal', pro, {});
    expect(String(portal.body.url)).toMatch(/^http/);
  });
});
