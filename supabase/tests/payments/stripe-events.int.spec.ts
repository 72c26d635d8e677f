// Money stays consistent with slots whatever order Stripe's events arrive in and however often:
// apply_stripe_event is the database half of the stripe-webhook function (which verifies the
// signature first, see its own tests). Events here are written the way Stripe shapes them.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  advance,
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

const stamp = () => randomUUID().replace(/-/g, '').slice(0, 24);
let clock = Math.floor(Date.now() / 1000);

interface StripeEvent {
  id: string;
  type: string;
  created: number;
  data: { object: Record<string, unknown> };
}

function event(type: string, object: Record<string, unknown>, created = ++clock): StripeEvent {
  return { id: `evt_${stamp()}`, object: 'event', type, created, data: { object } } as StripeEvent;
}

async function apply(e: StripeEvent): Promise<string> {
  const { data, error } = await service().rpc('apply_stripe_event', { p_event: e as never });
  expect(error).toBeNull();
  return data as string;
}

/** A held appointment the patient started paying: its payment row and a session id. */
async function heldAndCheckingOut(s: Scenario, who: TestUser, day = 3, at = '10:00') {
  const booked = await s.book(who, s.at(day, at));
  expect(booked.data?.status).toBe('held');
  const begun = await who.client.rpc('begin_checkout', { p_appointment_id: booked.data!.id });
  expect(begun.error).toBeNull();
  const sessionId = `cs_test_${stamp()}`;
  await service().rpc('record_checkout_session', {
    p_payment_id: begun.data!.id,
    p_session_id: sessionId,
    p_url: `http://127.0.0.1/checkout/${sessionId}`,
  });
  return { appointmentId: booked.data!.id, payment: begun.data!, sessionId };
}

function session(id: string, fields: Record<string, unknown>) {
  return { id, object: 'checkout.session', mode: 'payment', ...fields };
}

async function statusOf(appointmentId: string) {
  const [row] = await sql<{ appointment: string; payment: string | null; refund_reason: string | null }>(
    `select a.status as appointment, p.status as payment, p.refund_reason
       from public.appointments a left join public.payments p on p.appointment_id = a.id where a.id = $1`,
    [appointmentId],
  );
  return row!;
}

describe('begin_checkout', () => {
  it('makes one payment per held appointment, for its patient only, and holds the slot while Stripe can take money', async () => {
    const s = await paidScenario();
    const [ann, eve] = await Promise.all([user('patient'), user('patient')]);
    const booked = await s.book(ann, s.at(3, '09:00'));
    const first = await ann.client.rpc('begin_checkout', { p_appointment_id: booked.data!.id });
    const again = await ann.client.rpc('begin_checkout', { p_appointment_id: booked.data!.id });
    expect(first.data).toMatchObject({ status: 'open', amount_cents: 6000, currency: 'EUR' });
    expect(again.data?.id).toBe(first.data?.id);
    const [hold] = await sql<{ hold_expires_at: Date }>(
      `select hold_expires_at from public.appointments where id = $1`,
      [booked.data!.id],
    );
    expect(hold!.hold_expires_at.getTime()).toBe(Date.parse(first.data!.checkout_expires_at));
    expect(hold!.hold_expires_at.getTime() - Date.now()).toBeGreaterThan(30 * 60_000);

    const stranger = await eve.client.rpc('begin_checkout', { p_appointment_id: booked.data!.id });
    expect(stranger.error?.details).toBe('not_found');
    const mine = await eve.client.from('payments').select('id');
    expect(mine.data).toEqual([]);
  });

  it('refuses an appointment that no longer waits for payment', async () => {
    const s = await paidScenario();
    const ann = await user('patient');
    const booked = await s.book(ann, s.at(3, '11:00'));
    await expireHold(booked.data!.id);
    const late = await ann.client.rpc('begin_checkout', { p_appointment_id: booked.data!.id });
    expect(late.error?.details).toBe('hold_expired');
  });
});

describe('apply_stripe_event', () => {
  it('confirms once, whatever the order and however many times the events come', async () => {
    const s = await paidScenario();
    const ann = await user('patient');
    const { appointmentId, payment, sessionId } = await heldAndCheckingOut(s, ann);
    const pi = `pi_${stamp()}`;
    const events = [
      event(
        'checkout.session.completed',
        session(sessionId, {
          status: 'complete',
          payment_status: 'paid',
          payment_intent: pi,
          metadata: { payment_id: payment.id },
        }),
      ),
      event('payment_intent.succeeded', { id: pi, object: 'payment_intent', status: 'succeeded' }),
      event('charge.succeeded', { id: `ch_${stamp()}`, object: 'charge', payment_intent: pi }),
    ];
    const deliveries = shuffled([...events, ...events, ...events], 7);
    const outcomes = [];
    for (const e of deliveries) outcomes.push(await apply(e));
    expect(outcomes.filter((o) => o === 'confirmed')).toHaveLength(1);
    expect(outcomes.filter((o) => o === 'duplicate')).toHaveLength(6);
    expect(await statusOf(appointmentId)).toMatchObject({ appointment: 'confirmed', payment: 'paid' });
    const confirmations = (await outboxOf(appointmentId)).filter((m) => m.topic === 'appointment.confirmed');
    expect(confirmations).toHaveLength(1);
  });

  it('confirms nothing on a completed but unpaid session; the async outcome decides', async () => {
    const s = await paidScenario();
    const [ann, bob] = await Promise.all([user('patient'), user('patient')]);
    const good = await heldAndCheckingOut(s, ann, 3, '09:00');
    const bad = await heldAndCheckingOut(s, bob, 3, '12:00');

    expect(
      await apply(
        event(
          'checkout.session.completed',
          session(good.sessionId, { status: 'complete', payment_status: 'unpaid' }),
        ),
      ),
    ).toMatch(/no change/);
    expect(await statusOf(good.appointmentId)).toMatchObject({ appointment: 'held', payment: 'open' });
    expect(
      await apply(
        event(
          'checkout.session.async_payment_succeeded',
          session(good.sessionId, {
            status: 'complete',
            payment_status: 'paid',
            payment_intent: `pi_${stamp()}`,
          }),
        ),
      ),
    ).toBe('confirmed');

    await apply(
      event(
        'checkout.session.completed',
        session(bad.sessionId, { status: 'complete', payment_status: 'unpaid' }),
      ),
    );
    expect(
      await apply(
        event(
          'checkout.session.async_payment_failed',
          session(bad.sessionId, { status: 'complete', payment_status: 'unpaid' }),
        ),
      ),
    ).toBe('failed, slot released');
    expect(await statusOf(bad.appointmentId)).toMatchObject({ appointment: 'cancelled', payment: 'failed' });
    const told = (await outboxOf(bad.appointmentId)).map((m) => m.topic);
    expect(told).toContain('payment.failed');
    expect(told).not.toContain('appointment.hold_expired');
    // The time is free again.
    const again = await s.book(await user('patient'), s.at(3, '12:00'));
    expect(again.error).toBeNull();
  });

  it('refunds a payment that arrives after the hold ran out and the time was re-booked: no double booking', async () => {
    const s = await paidScenario();
    const [ann, bob] = await Promise.all([user('patient'), user('patient')]);
    const late = await heldAndCheckingOut(s, ann, 4, '10:00');
    await expireHold(late.appointmentId);
    const taken = await s.book(bob, s.at(4, '10:00'));
    expect(taken.error).toBeNull();
    const pi = `pi_${stamp()}`;
    expect(
      await apply(
        event(
          'checkout.session.completed',
          session(late.sessionId, { status: 'complete', payment_status: 'paid', payment_intent: pi }),
        ),
      ),
    ).toBe('refund late payment');
    expect(await statusOf(late.appointmentId)).toEqual({
      appointment: 'cancelled',
      payment: 'refund_pending',
      refund_reason: 'late_payment',
    });
    const [{ active }] = (await sql<{ active: number }>(
      `select count(*)::int as active from public.appointments
        where practitioner_id = $1 and starts_at = $2 and status in ('held', 'confirmed')`,
      [s.practitioner.id, s.at(4, '10:00')],
    )) as [{ active: number }];
    expect(active).toBe(1);

    // The payments job asks Stripe for the refund; Stripe says succeeded: the patient is told once.
    const due = await service().rpc('payments_due', { p_limit: 500 });
    const mine = due.data!.find((d) => d.payment_id === late.payment.id);
    expect(mine).toMatchObject({ action: 'refund', payment_intent_id: pi });
    const refundId = `re_${stamp()}`;
    await service().rpc('record_payment_action', {
      p_payment_id: late.payment.id,
      p_action: 'refund',
      p_refund_id: refundId,
      p_refund_status: 'pending',
    });
    const refunded = event('charge.refunded', {
      id: `ch_${stamp()}`,
      object: 'charge',
      payment_intent: pi,
      refunds: { data: [{ id: refundId, object: 'refund', status: 'succeeded', payment_intent: pi }] },
    });
    expect(await apply(refunded)).toBe('refunded');
    expect(
      await apply(
        event('refund.updated', { id: refundId, object: 'refund', status: 'succeeded', payment_intent: pi }),
      ),
    ).toMatch(/no change/);
    expect((await outboxOf(late.appointmentId)).filter((m) => m.topic === 'payment.refunded')).toHaveLength(
      1,
    );
  });

  it('refunds in full when the practitioner cancels a paid appointment, and expires an open Checkout when a hold is released', async () => {
    const s = await paidScenario();
    const [ann, bob] = await Promise.all([user('patient'), user('patient')]);
    const paid = await heldAndCheckingOut(s, ann, 5, '09:00');
    await apply(
      event(
        'checkout.session.completed',
        session(paid.sessionId, {
          status: 'complete',
          payment_status: 'paid',
          payment_intent: `pi_${stamp()}`,
        }),
      ),
    );
    const cancelled = await s.practitioner.client.rpc('cancel_appointment', {
      p_appointment_id: paid.appointmentId,
      p_reason: 'Sick',
    });
    expect(cancelled.error).toBeNull();
    expect(await statusOf(paid.appointmentId)).toMatchObject({
      payment: 'refund_pending',
      refund_reason: 'cancelled',
    });

    const open = await heldAndCheckingOut(s, bob, 5, '11:00');
    await expireHold(open.appointmentId);
    await service().rpc('release_expired_holds_tick');
    expect(await statusOf(open.appointmentId)).toMatchObject({
      appointment: 'cancelled',
      payment: 'expired',
    });
    const due = await service().rpc('payments_due', { p_limit: 500 });
    expect(
      due
        .data!.filter((d) => [paid.payment.id, open.payment.id].includes(d.payment_id))
        .map((d) => d.action)
        .sort(),
    ).toEqual(['expire', 'refund']);
    // Stripe's own expiry event afterwards changes nothing more.
    expect(
      await apply(
        event(
          'checkout.session.expired',
          session(open.sessionId, { status: 'expired', payment_status: 'unpaid' }),
        ),
      ),
    ).toMatch(/no change/);
    const left = await service().rpc('payments_due', { p_limit: 500 });
    expect(left.data!.some((d) => d.payment_id === open.payment.id)).toBe(false);
  });
});

describe('subscriptions from events', () => {
  async function verifiedPractitioner(): Promise<TestUser> {
    const pro = await practitioner();
    await createPractitionerProfile(pro);
    await advance(pro.id, 'submitted', 'verified');
    return pro;
  }
  const published = async (id: string) =>
    (await sql<{ published: boolean }>(`select published from public.practitioners where id = $1`, [id]))[0]!
      .published;

  function subscription(id: string, customer: string, status: string, extra: Record<string, unknown> = {}) {
    return {
      id,
      object: 'subscription',
      customer,
      status,
      cancel_at_period_end: false,
      trial_end: null,
      items: {
        data: [
          { price: { lookup_key: 'carebook_essential_monthly' }, current_period_end: clock + 30 * 86400 },
        ],
      },
      ...extra,
    };
  }

  it('follows the lifecycle in any order, never letting an older event win, and publishing follows', async () => {
    const pro = await verifiedPractitioner();
    const customer = `cus_${stamp()}`;
    await sql(`insert into public.billing_customers (profile_id, stripe_customer_id) values ($1, $2)`, [
      pro.id,
      customer,
    ]);
    const sub = `sub_${stamp()}`;
    const created = event(
      'customer.subscription.created',
      subscription(sub, customer, 'trialing', { trial_end: clock + 14 * 86400 }),
    );
    expect(await apply(created)).toBe('subscription trialing');
    expect(await published(pro.id)).toBe(true);
    const active = event('customer.subscription.updated', subscription(sub, customer, 'active'));
    const pastDue = event('customer.subscription.updated', subscription(sub, customer, 'past_due'));
    // Delivered newest first, then the older one, each three times.
    for (const e of [pastDue, active, pastDue, active, pastDue, active]) await apply(e);
    const [row] = await sql<{ status: string; plan: string }>(
      `select status, plan from public.subscriptions where stripe_subscription_id = $1`,
      [sub],
    );
    expect(row).toEqual({ status: 'past_due', plan: 'essential_monthly' });
    expect(await published(pro.id)).toBe(true); // within the 7 days of grace

    await sql(
      `update public.subscriptions set past_due_since = now() - interval '8 days' where stripe_subscription_id = $1`,
      [sub],
    );
    await service().rpc('refresh_publication_tick');
    expect(await published(pro.id)).toBe(false);

    await apply(event('customer.subscription.deleted', subscription(sub, customer, 'canceled')));
    expect(await published(pro.id)).toBe(false);
    const failed = event('invoice.payment_failed', {
      id: `in_${stamp()}`,
      object: 'invoice',
      customer,
      amount_due: 4900,
      currency: 'eur',
      attempt_count: 1,
    });
    expect(await apply(failed)).toBe('practitioner told of the failed renewal');
    expect(await apply(failed)).toBe('duplicate');
    const [{ n }] = (await sql<{ n: number }>(
      `select count(*)::int as n from public.outbox where topic = 'subscription.payment_failed' and payload ->> 'practitioner_id' = $1`,
      [pro.id],
    )) as [{ n: number }];
    expect(n).toBe(1);
  });

  it('ignores subscriptions of nobody it knows and refuses what is not an event', async () => {
    expect(
      await apply(
        event('customer.subscription.created', subscription(`sub_${stamp()}`, `cus_${stamp()}`, 'active')),
      ),
    ).toBe('subscription of nobody we know');
    const { error } = await service().rpc('apply_stripe_event', { p_event: { hello: 'world' } });
    expect(error?.details).toBe('invalid_input');
  });
});
