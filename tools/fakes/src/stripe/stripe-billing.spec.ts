// Practitioner subscriptions on a test clock: Checkout with a trial, trial end, renewal, a failed
// renewal with its retries, and the Billing Portal page (change plan, cancel, card).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type Stripe from 'stripe';
import { postForm, startStripeTestbed, type StripeTestbed } from './spec-helpers.ts';

let bed: StripeTestbed;
let monthly: Stripe.Price;
let yearly: Stripe.Price;

const DAY = 86_400;
const T0 = Date.UTC(2027, 0, 10, 9) / 1000;

beforeAll(async () => {
  bed = await startStripeTestbed();
  const product = await bed.stripe.products.create({ name: 'Carebook Pro' });
  monthly = await bed.stripe.prices.create({
    product: product.id,
    currency: 'eur',
    unit_amount: 2900,
    recurring: { interval: 'month' },
    lookup_key: 'pro_monthly',
  });
  yearly = await bed.stripe.prices.create({
    product: product.id,
    currency: 'eur',
    unit_amount: 29000,
    recurring: { interval: 'year' },
    lookup_key: 'pro_yearly',
  });
});
afterAll(() => bed.fakes.dispose());

async function advance(clock: string, to: number): Promise<void> {
  const answer = await bed.stripe.testHelpers.testClocks.advance(clock, { frozen_time: to });
  expect(answer.status).toBe('advancing');
  const ready = await bed.stripe.testHelpers.testClocks.retrieve(clock);
  expect(ready).toMatchObject({ status: 'ready', frozen_time: to });
}

/** A practitioner on a fresh clock who subscribed through Checkout with a 14-day trial. */
async function subscribedPractitioner(
  card = '4242424242424242',
): Promise<{ clock: string; customer: string; subscription: Stripe.Subscription }> {
  const clock = await bed.stripe.testHelpers.testClocks.create({ frozen_time: T0, name: 'lifecycle' });
  const customer = await bed.stripe.customers.create({
    email: `pro-${crypto.randomUUID()}@example.test`,
    test_clock: clock.id,
  });
  const session = await bed.stripe.checkout.sessions.create({
    mode: 'subscription',
    customer: customer.id,
    line_items: [{ price: monthly.id, quantity: 1 }],
    subscription_data: { trial_period_days: 14, metadata: { practitioner_id: 'pr_1' } },
    client_reference_id: 'pr_1',
    success_url: 'http://127.0.0.1:9100/billing?session={CHECKOUT_SESSION_ID}',
    cancel_url: 'http://127.0.0.1:9100/billing',
  });
  const page = await (await fetch(session.url as string)).text();
  expect(page).toContain('14 days free, then €29.00');
  const res = await postForm(session.url as string, { payment: card });
  expect(res.status).toBe(303);
  const done = await bed.stripe.checkout.sessions.retrieve(session.id, { expand: ['subscription'] });
  expect(done).toMatchObject({
    status: 'complete',
    payment_status: 'no_payment_required',
    customer: customer.id,
  });
  return { clock: clock.id, customer: customer.id, subscription: done.subscription as Stripe.Subscription };
}

async function latestEvent(type: string, objectId: string): Promise<Stripe.Event | undefined> {
  const events = await bed.stripe.events.list({ type, limit: 100 });
  return events.data.find((e) => (e.data.object as { id: string }).id === objectId);
}

async function typesFor(customer: string, since = 0): Promise<string[]> {
  const events = await bed.stripe.events.list({ limit: 100 });
  return events.data
    .filter((e) => {
      const o = e.data.object as { object: string; id: string; customer?: string };
      return (
        e.type !== 'customer.created' &&
        e.type !== 'customer.updated' &&
        (o.customer === customer || o.id === customer)
      );
    })
    .reverse()
    .slice(since)
    .map((e) => e.type);
}

describe('subscription lifecycle on a test clock', () => {
  it('walks trial -> active -> failed renewal -> past_due -> canceled, with events in order', async () => {
    const { clock, customer, subscription } = await subscribedPractitioner();
    expect(subscription).toMatchObject({
      status: 'trialing',
      trial_start: T0,
      trial_end: T0 + 14 * DAY,
      metadata: { practitioner_id: 'pr_1' },
      test_clock: clock,
    });
    expect(subscription.items.data[0]).toMatchObject({
      current_period_start: T0,
      current_period_end: T0 + 14 * DAY,
      price: { id: monthly.id },
    });
    expect(await typesFor(customer)).toEqual([
      'customer.subscription.created',
      'invoice.finalized',
      'invoice.paid',
      'checkout.session.completed',
    ]);

    await advance(clock, T0 + 12 * DAY);
    expect(await typesFor(customer, 4)).toEqual(['customer.subscription.trial_will_end']);

    await advance(clock, T0 + 15 * DAY);
    const active = await bed.stripe.subscriptions.retrieve(subscription.id, { expand: ['latest_invoice'] });
    expect(active.status).toBe('active');
    const invoice = active.latest_invoice as Stripe.Invoice;
    expect(invoice).toMatchObject({
      status: 'paid',
      amount_paid: 2900,
      billing_reason: 'subscription_cycle',
      period_start: T0 + 14 * DAY,
    });
    expect(invoice.parent?.subscription_details?.subscription).toBe(subscription.id);
    const pdf = await fetch(invoice.invoice_pdf as string);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    expect((await fetch(invoice.hosted_invoice_url as string)).status).toBe(200);
    expect(await typesFor(customer, 5)).toEqual([
      'invoice.finalized',
      'payment_intent.succeeded',
      'invoice.paid',
      'customer.subscription.updated',
    ]);

    await bed.control.setCard(customer, '4000000000000341');
    const renewal = active.items.data[0]?.current_period_end as number;
    await advance(clock, renewal + DAY);
    const pastDue = await bed.stripe.subscriptions.retrieve(subscription.id);
    expect(pastDue.status).toBe('past_due');
    const open = await bed.stripe.invoices.retrieve(pastDue.latest_invoice as string);
    expect(open).toMatchObject({ status: 'open', attempt_count: 1, next_payment_attempt: renewal + 3 * DAY });
    expect(await typesFor(customer, 9)).toEqual([
      'invoice.finalized',
      'payment_intent.payment_failed',
      'invoice.payment_failed',
      'customer.subscription.updated',
    ]);
    const updated = await latestEvent('customer.subscription.updated', subscription.id);
    expect(updated?.data.previous_attributes).toMatchObject({ status: 'active' });

    await advance(clock, renewal + 8 * DAY);
    const canceled = await bed.stripe.subscriptions.retrieve(subscription.id);
    expect(canceled).toMatchObject({
      status: 'canceled',
      ended_at: renewal + 7 * DAY,
      cancellation_details: { reason: 'payment_failed' },
    });
    expect(await typesFor(customer, 13)).toEqual([
      'payment_intent.payment_failed',
      'invoice.payment_failed',
      'payment_intent.payment_failed',
      'invoice.payment_failed',
      'payment_intent.payment_failed',
      'invoice.payment_failed',
      'customer.subscription.deleted',
    ]);
    const deleted = await latestEvent('customer.subscription.deleted', subscription.id);
    expect(deleted?.created).toBe(renewal + 7 * DAY);
    const invoices = await bed.stripe.invoices.list({ subscription: subscription.id });
    expect(invoices.data.map((i) => i.status)).toEqual(['open', 'paid', 'paid']);
  });

  it('renews a paid subscription each period, moving the item period', async () => {
    const clock = await bed.stripe.testHelpers.testClocks.create({ frozen_time: T0 });
    const customer = await bed.stripe.customers.create({
      test_clock: clock.id,
      payment_method: 'pm_card_visa',
      invoice_settings: { default_payment_method: 'pm_card_visa' },
    });
    const sub = await bed.stripe.subscriptions.create({
      customer: customer.id,
      items: [{ price: monthly.id }],
    });
    expect(sub.status).toBe('active');
    const firstEnd = Date.UTC(2027, 1, 10, 9) / 1000;
    expect(sub.items.data[0]?.current_period_end).toBe(firstEnd);
    await advance(clock.id, firstEnd + 3600);
    const renewed = await bed.stripe.subscriptions.retrieve(sub.id);
    expect(renewed.status).toBe('active');
    expect(renewed.items.data[0]).toMatchObject({
      current_period_start: firstEnd,
      current_period_end: Date.UTC(2027, 2, 10, 9) / 1000,
    });
    const invoices = await bed.stripe.invoices.list({ customer: customer.id });
    expect(invoices.data.map((i) => [i.billing_reason, i.status, i.amount_paid])).toEqual([
      ['subscription_cycle', 'paid', 2900],
      ['subscription_create', 'paid', 2900],
    ]);
    const update = (
      await bed.stripe.events.list({ type: 'customer.subscription.updated', limit: 100 })
    ).data.find((e) => (e.data.object as { id: string }).id === sub.id);
    const previous = update?.data.previous_attributes as { items: Stripe.ApiList<Stripe.SubscriptionItem> };
    expect(previous.items.data[0]?.current_period_end).toBe(firstEnd);
  });

  it('leaves the subscription unpaid after the retries when the setting says so', async () => {
    await bed.control.settings({ after_retries: 'unpaid', retry_days: [1] });
    try {
      const { clock, customer, subscription } = await subscribedPractitioner('4000000000000341');
      await advance(clock, T0 + 14 * DAY + 3600);
      expect((await bed.stripe.subscriptions.retrieve(subscription.id)).status).toBe('past_due');
      await advance(clock, T0 + 16 * DAY);
      expect((await bed.stripe.subscriptions.retrieve(subscription.id)).status).toBe('unpaid');
      expect((await typesFor(customer)).slice(-3)).toEqual([
        'payment_intent.payment_failed',
        'invoice.payment_failed',
        'customer.subscription.updated',
      ]);
    } finally {
      await bed.control.settings({ after_retries: 'cancel', retry_days: [3, 5, 7] });
    }
  });

  it('cancels at period end when asked, and a price change shows in previous_attributes', async () => {
    const { clock, subscription } = await subscribedPractitioner();
    const item = subscription.items.data[0] as Stripe.SubscriptionItem;
    const changed = await bed.stripe.subscriptions.update(subscription.id, {
      items: [{ id: item.id, price: yearly.id }],
      proration_behavior: 'none',
    });
    expect(changed.items.data[0]?.price.id).toBe(yearly.id);
    const event = await latestEvent('customer.subscription.updated', subscription.id);
    const before = event?.data.previous_attributes as { items: Stripe.ApiList<Stripe.SubscriptionItem> };
    expect(before.items.data[0]?.price.id).toBe(monthly.id);

    const next = await bed.stripe.invoices.createPreview({ subscription: subscription.id });
    expect(next).toMatchObject({
      status: 'draft',
      amount_due: 29000,
      period_start: T0 + 14 * DAY,
      next_payment_attempt: T0 + 14 * DAY,
    });
    expect(next.lines.data[0]?.period).toEqual({
      start: T0 + 14 * DAY,
      end: Date.UTC(2028, 0, 24, 9) / 1000,
    });

    const ending = await bed.stripe.subscriptions.update(subscription.id, { cancel_at_period_end: true });
    expect(ending).toMatchObject({
      cancel_at_period_end: true,
      cancel_at: T0 + 14 * DAY,
      status: 'trialing',
    });
    const none = await bed.stripe.invoices
      .createPreview({ subscription: subscription.id })
      .catch((e: unknown) => e as Stripe.errors.StripeError);
    expect(none).toMatchObject({ statusCode: 400, code: 'invoice_upcoming_none' });
    await advance(clock, T0 + 14 * DAY + 60);
    expect(await bed.stripe.subscriptions.retrieve(subscription.id)).toMatchObject({
      status: 'canceled',
      cancellation_details: { reason: 'cancellation_requested' },
    });
    const list = await bed.stripe.subscriptions.list({
      customer: subscription.customer as string,
      status: 'all',
    });
    expect(list.data.map((s) => s.id)).toEqual([subscription.id]);
  });

  it('cancels now through subscriptions.cancel', async () => {
    const { subscription } = await subscribedPractitioner();
    const canceled = await bed.stripe.subscriptions.cancel(subscription.id);
    expect(canceled.status).toBe('canceled');
    const again = await bed.stripe.subscriptions
      .cancel(subscription.id)
      .catch((e: unknown) => e as Stripe.errors.StripeError);
    expect(again).toMatchObject({ statusCode: 400 });
  });
});

describe('Billing Portal page', () => {
  it('changes plan, cancels at period end, and updates the card (good, then refused)', async () => {
    const { customer, subscription } = await subscribedPractitioner();
    const session = await bed.stripe.billingPortal.sessions.create({
      customer,
      return_url: 'http://127.0.0.1:9100/billing',
    });
    expect(session.url).toBe(`${bed.fakes.fakesUrl}/stripe/portal/${session.id}`);
    const html = await (await fetch(session.url)).text();
    expect(html).toContain('<legend>Change plan</legend>');
    expect(html).toContain('href="http://127.0.0.1:9100/billing"');
    expect(html).toContain('Trial ends on');

    const plan = await postForm(session.url, {
      action: 'plan',
      subscription: subscription.id,
      price: yearly.id,
    });
    expect(plan.status).toBe(303);
    expect(plan.headers.get('location')).toBe(`/stripe/portal/${session.id}?notice=plan`);
    expect((await bed.stripe.subscriptions.retrieve(subscription.id)).items.data[0]?.price.id).toBe(
      yearly.id,
    );

    await postForm(session.url, { action: 'cancel', subscription: subscription.id });
    expect((await bed.stripe.subscriptions.retrieve(subscription.id)).cancel_at_period_end).toBe(true);
    await postForm(session.url, { action: 'resume', subscription: subscription.id });
    expect((await bed.stripe.subscriptions.retrieve(subscription.id)).cancel_at_period_end).toBe(false);

    await postForm(session.url, { action: 'card', card: '4000000000000341' });
    const withCard = (await bed.stripe.customers.retrieve(customer, {
      expand: ['invoice_settings.default_payment_method'],
    })) as Stripe.Customer;
    expect((withCard.invoice_settings.default_payment_method as Stripe.PaymentMethod).card?.last4).toBe(
      '0341',
    );
    const refused = await postForm(session.url, { action: 'card', card: '4000000000000002' });
    expect(refused.headers.get('location')).toContain('notice=declined');
    const page = await (await fetch(`${session.url}?notice=declined`)).text();
    expect(page).toContain('That card was declined.');
    expect(page).toContain('Card ending in 0341');
  });
});
