// Subscriptions and their invoices: creation (from Checkout or the API), trials, renewals, failed
// renewals with retries, cancellation. Time moves for real, or with the customer's test clock:
// `runDue` plays every step whose time has come, in order, emitting the events Stripe would.
import { emit, type Ctx } from './context.ts';
import { invalidState } from './errors.ts';
import { previousAttributes } from './events.ts';
import { declineOf } from './customers.ts';
import { chargeCard, createPaymentIntent } from './payments.ts';
import { newId, type StripeObject } from './state.ts';

const DAY = 86_400;
/** Stripe sends customer.subscription.trial_will_end three days before a trial ends. */
const TRIAL_WILL_END_BEFORE = 3 * DAY;

interface Recurring {
  interval: 'day' | 'week' | 'month' | 'year';
  interval_count: number;
}

export interface ItemInput {
  price: StripeObject;
  quantity: number;
}

/** Adds whole intervals in UTC; a month from 31 January is the last day of February, as Stripe does. */
export function addInterval(t: number, recurring: Recurring, count = 1): number {
  const n = recurring.interval_count * count;
  if (recurring.interval === 'day') return t + n * DAY;
  if (recurring.interval === 'week') return t + n * 7 * DAY;
  const d = new Date(t * 1000);
  const months = recurring.interval === 'year' ? 12 * n : n;
  const target = new Date(
    Date.UTC(
      d.getUTCFullYear(),
      d.getUTCMonth() + months,
      1,
      d.getUTCHours(),
      d.getUTCMinutes(),
      d.getUTCSeconds(),
    ),
  );
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d.getUTCDate(), lastDay));
  return Math.floor(target.getTime() / 1000);
}

function items(sub: StripeObject): StripeObject[] {
  return (sub.items as { data: StripeObject[] }).data;
}

export function periodEnd(sub: StripeObject): number {
  return items(sub)[0]?.current_period_end as number;
}

function setPeriod(sub: StripeObject, start: number, end: number): void {
  for (const item of items(sub))
    Object.assign(item, { current_period_start: start, current_period_end: end });
}

function recurringOf(sub: StripeObject): Recurring {
  return (items(sub)[0]?.price as StripeObject).recurring as Recurring;
}

export function newItem(
  subId: string,
  input: ItemInput,
  at: number,
  start: number,
  end: number,
): StripeObject {
  return {
    id: newId('si', 14),
    object: 'subscription_item',
    billing_thresholds: null,
    created: at,
    current_period_end: end,
    current_period_start: start,
    discounts: [],
    metadata: {},
    price: structuredClone(input.price),
    quantity: input.quantity,
    subscription: subId,
    tax_rates: [],
  };
}

// --- invoices

function createInvoice(
  ctx: Ctx,
  sub: StripeObject,
  reason: string,
  at: number,
  trial: boolean,
): StripeObject {
  const customer = ctx.state.get(sub.customer as string, 'customer');
  const sequence = customer.next_invoice_sequence as number;
  customer.next_invoice_sequence = sequence + 1;
  return ctx.state.put(buildInvoice(ctx, sub, reason, at, trial, newId('in'), sequence));
}

/** The invoice the subscription's items would produce (a preview when `sequence` is null). */
function buildInvoice(
  ctx: Ctx,
  sub: StripeObject,
  reason: string,
  at: number,
  trial: boolean,
  id: string,
  sequence: number | null,
): StripeObject {
  const customer = ctx.state.get(sub.customer as string, 'customer');
  const lines = items(sub).map((item) => {
    const price = item.price as StripeObject;
    const product = ctx.state.find(price.product as string, 'product');
    const quantity = item.quantity as number;
    const amount = trial ? 0 : (price.unit_amount as number) * quantity;
    return {
      id: newId('il'),
      object: 'line_item',
      amount,
      currency: price.currency,
      description: trial
        ? `Trial period for ${String(product?.name ?? 'plan')}`
        : `${quantity} × ${String(product?.name ?? 'plan')}`,
      discounts: [],
      invoice: id,
      livemode: false,
      metadata: {},
      parent: {
        type: 'subscription_item_details',
        subscription_item_details: {
          invoice_item: null,
          proration: false,
          subscription: sub.id,
          subscription_item: item.id,
        },
      },
      period: { start: item.current_period_start, end: item.current_period_end },
      pricing: {
        type: 'price_details',
        price_details: { price: price.id, product: price.product },
        unit_amount_decimal: String(trial ? 0 : price.unit_amount),
      },
      quantity,
    };
  });
  const total = lines.reduce((sum, l) => sum + l.amount, 0);
  const first = items(sub)[0] as StripeObject;
  return {
    id,
    object: 'invoice',
    account_country: 'FR',
    account_name: 'Carebook (test)',
    amount_due: total,
    amount_overpaid: 0,
    amount_paid: 0,
    amount_remaining: total,
    amount_shipping: 0,
    attempt_count: 0,
    attempted: false,
    auto_advance: true,
    automatically_finalizes_at: null,
    billing_reason: reason,
    collection_method: 'charge_automatically',
    created: at,
    currency: sub.currency,
    customer: customer.id,
    customer_email: customer.email,
    customer_name: customer.name,
    default_payment_method: null,
    description: null,
    discounts: [],
    due_date: null,
    effective_at: at,
    ending_balance: 0,
    hosted_invoice_url: `${ctx.publicUrl}/stripe/invoices/${id}`,
    invoice_pdf: `${ctx.publicUrl}/stripe/invoices/${id}/pdf`,
    last_finalization_error: null,
    lines: {
      object: 'list',
      data: lines,
      has_more: false,
      total_count: lines.length,
      url: `/v1/invoices/${id}/lines`,
    },
    livemode: false,
    metadata: {},
    next_payment_attempt: null,
    number:
      sequence === null ? null : `${String(customer.invoice_prefix)}-${String(sequence).padStart(4, '0')}`,
    parent: {
      type: 'subscription_details',
      quote_details: null,
      subscription_details: { metadata: sub.metadata, subscription: sub.id },
    },
    payments: { object: 'list', data: [], has_more: false, url: `/v1/invoice_payments?invoice=${id}` },
    period_end: first.current_period_end,
    period_start: first.current_period_start,
    receipt_number: null,
    starting_balance: 0,
    status: 'open',
    status_transitions: { finalized_at: at, marked_uncollectible_at: null, paid_at: null, voided_at: null },
    subtotal: total,
    subtotal_excluding_tax: total,
    test_clock: sub.test_clock,
    total,
    total_excluding_tax: total,
    webhooks_delivered_at: at,
  };
}

/**
 * invoices.createPreview for a subscription: the renewal invoice at its period end, as a draft
 * that is stored nowhere (Stripe answers invoice_upcoming_none when nothing will be billed).
 */
export function previewRenewal(ctx: Ctx, sub: StripeObject): StripeObject {
  const renews =
    ['trialing', 'active', 'past_due'].includes(sub.status as string) && !sub.cancel_at_period_end;
  if (!renews)
    throw invalidState(
      `No upcoming invoices for customer: ${String(sub.customer)}`,
      undefined,
      'invoice_upcoming_none',
    );
  const next = structuredClone(sub);
  const start = periodEnd(sub);
  setPeriod(next, start, addInterval(start, recurringOf(sub)));
  const preview = buildInvoice(ctx, next, 'upcoming', start, false, `upcoming_${newId('in').slice(3)}`, null);
  return {
    ...preview,
    status: 'draft',
    hosted_invoice_url: null,
    invoice_pdf: null,
    next_payment_attempt: start,
    automatically_finalizes_at: start + 3600,
    status_transitions: { finalized_at: null, marked_uncollectible_at: null, paid_at: null, voided_at: null },
    webhooks_delivered_at: null,
  };
}

/** One payment attempt on an open invoice with the customer's default card. */
function attemptInvoice(ctx: Ctx, invoice: StripeObject, at: number, clock: string | null): boolean {
  const before = structuredClone(invoice);
  const markPaid = () => {
    Object.assign(invoice, {
      status: 'paid',
      amount_paid: invoice.amount_due,
      amount_remaining: 0,
      attempted: true,
      next_payment_attempt: null,
      status_transitions: { ...(invoice.status_transitions as object), paid_at: at },
    });
  };
  if ((invoice.amount_due as number) === 0) {
    markPaid();
    emit(ctx, 'invoice.paid', invoice, previousAttributes(before, invoice), clock);
    return true;
  }
  const customer = ctx.state.get(invoice.customer as string, 'customer');
  const pmId = defaultCard(ctx, customer);
  const hidden = ctx.state.hidden(invoice.id);
  let pi =
    typeof hidden.payment_intent === 'string'
      ? ctx.state.find(hidden.payment_intent, 'payment_intent')
      : undefined;
  if (!pi) {
    pi = createPaymentIntent(ctx, {
      amount: invoice.amount_due as number,
      currency: invoice.currency as string,
      customer: customer.id,
      description: 'Subscription update',
      at,
    });
    hidden.payment_intent = pi.id;
    (invoice.payments as { data: unknown[] }).data.push({
      id: newId('inpay'),
      object: 'invoice_payment',
      amount_paid: null,
      amount_requested: invoice.amount_due,
      created: at,
      currency: invoice.currency,
      invoice: invoice.id,
      is_default: true,
      livemode: false,
      payment: { type: 'payment_intent', payment_intent: pi.id },
      status: 'open',
      status_transitions: { canceled_at: null, paid_at: null },
    });
  }
  invoice.attempt_count = (invoice.attempt_count as number) + 1;
  invoice.attempted = true;
  const paid = chargeCard(ctx, pi, pmId, at, clock);
  const payment = (invoice.payments as { data: Record<string, unknown>[] }).data[0];
  if (paid) {
    markPaid();
    if (payment)
      Object.assign(payment, {
        amount_paid: invoice.amount_due,
        status: 'paid',
        status_transitions: { canceled_at: null, paid_at: at },
      });
    emit(ctx, 'invoice.paid', invoice, previousAttributes(before, invoice), clock);
    return true;
  }
  const firstFailure = (hidden.first_failed_at as number | undefined) ?? at;
  hidden.first_failed_at = firstFailure;
  const retryIndex = (invoice.attempt_count as number) - 1;
  const retryDays = ctx.state.settings.retry_days[retryIndex];
  invoice.next_payment_attempt = retryDays === undefined ? null : firstFailure + retryDays * DAY;
  emit(ctx, 'invoice.payment_failed', invoice, previousAttributes(before, invoice), clock);
  return false;
}

function finalize(ctx: Ctx, invoice: StripeObject, clock: string | null): void {
  emit(ctx, 'invoice.finalized', invoice, undefined, clock);
}

// --- subscriptions

export interface NewSubscription {
  customer: StripeObject;
  items: ItemInput[];
  trialDays?: number;
  metadata?: Record<string, string>;
  defaultPaymentMethod?: string | null;
}

/** Creates the subscription and its first invoice, paid now (or nothing due during a trial). */
export function createSubscription(
  ctx: Ctx,
  input: NewSubscription,
): { subscription: StripeObject; invoice: StripeObject; paid: boolean } {
  const clock = (input.customer.test_clock as string | null) ?? null;
  const clockObj = clock ? ctx.state.find(clock, 'test_helpers.test_clock') : undefined;
  const at = clockObj ? (clockObj.frozen_time as number) : Math.floor(Date.now() / 1000);
  const first = input.items[0];
  if (!first) throw invalidState('A subscription needs at least one item.', 'items');
  const recurring = first.price.recurring as Recurring;
  const trialEnd = input.trialDays ? at + input.trialDays * DAY : null;
  const end = trialEnd ?? addInterval(at, recurring);
  const id = newId('sub');
  const sub = ctx.state.put({
    id,
    object: 'subscription',
    application: null,
    application_fee_percent: null,
    automatic_tax: { disabled_reason: null, enabled: false, liability: null },
    billing_cycle_anchor: trialEnd ?? at,
    billing_cycle_anchor_config: null,
    billing_mode: { type: 'flexible' },
    billing_thresholds: null,
    cancel_at: null,
    cancel_at_period_end: false,
    canceled_at: null,
    cancellation_details: { comment: null, feedback: null, reason: null },
    collection_method: 'charge_automatically',
    created: at,
    currency: first.price.currency,
    customer: input.customer.id,
    days_until_due: null,
    default_payment_method: input.defaultPaymentMethod ?? null,
    default_source: null,
    description: null,
    discounts: [],
    ended_at: null,
    invoice_settings: { account_tax_ids: null, issuer: { type: 'self' } },
    items: {
      object: 'list',
      data: input.items.map((i) => newItem(id, i, at, at, end)),
      has_more: false,
      total_count: input.items.length,
      url: `/v1/subscription_items?subscription=${id}`,
    },
    latest_invoice: null,
    livemode: false,
    metadata: input.metadata ?? {},
    next_pending_invoice_item_invoice: null,
    on_behalf_of: null,
    pause_collection: null,
    payment_settings: {
      payment_method_options: null,
      payment_method_types: null,
      save_default_payment_method: 'off',
    },
    pending_invoice_item_interval: null,
    pending_setup_intent: null,
    pending_update: null,
    schedule: null,
    start_date: at,
    status: trialEnd ? 'trialing' : 'incomplete',
    test_clock: clock,
    transfer_data: null,
    trial_end: trialEnd,
    trial_settings: { end_behavior: { missing_payment_method: 'create_invoice' } },
    trial_start: trialEnd ? at : null,
  });
  const invoice = createInvoice(ctx, sub, 'subscription_create', at, trialEnd !== null);
  sub.latest_invoice = invoice.id;
  // Stripe's events list the subscription (already `active` when its first payment goes through),
  // then the invoice, then the payment: the outcome is known before the charge is made.
  if (!trialEnd)
    sub.status =
      invoice.amount_due === 0 || declineOf(ctx, defaultCard(ctx, input.customer)) === null
        ? 'active'
        : 'incomplete';
  emit(ctx, 'customer.subscription.created', sub, undefined, clock);
  finalize(ctx, invoice, clock);
  const paid = attemptInvoice(ctx, invoice, at, clock);
  return { subscription: sub, invoice, paid };
}

function defaultCard(ctx: Ctx, customer: StripeObject): string | null {
  return (customer.invoice_settings as { default_payment_method: string | null }).default_payment_method;
}

function updateWithEvent(ctx: Ctx, sub: StripeObject, change: () => void): void {
  const before = structuredClone(sub);
  change();
  const previous = previousAttributes(before, sub);
  if (Object.keys(previous).length > 0)
    emit(ctx, 'customer.subscription.updated', sub, previous, sub.test_clock as string | null);
}

export function cancelNow(ctx: Ctx, sub: StripeObject, at: number, reason: string): void {
  if (sub.status === 'canceled')
    throw invalidState(`This subscription is already canceled.`, undefined, 'resource_missing');
  Object.assign(sub, {
    status: 'canceled',
    canceled_at: (sub.canceled_at as number | null) ?? at,
    ended_at: at,
    cancellation_details: { ...(sub.cancellation_details as object), reason },
  });
  emit(ctx, 'customer.subscription.deleted', sub, undefined, sub.test_clock as string | null);
}

/** The next thing due for a subscription, if any. */
function nextStep(ctx: Ctx, sub: StripeObject): { at: number; run: (at: number) => void } | null {
  const hidden = ctx.state.hidden(sub.id);
  const clock = (sub.test_clock as string | null) ?? null;
  if (sub.status === 'trialing') {
    const trialEnd = sub.trial_end as number;
    const warnAt = trialEnd - TRIAL_WILL_END_BEFORE;
    if (!hidden.trial_will_end_sent && warnAt > (sub.trial_start as number))
      return {
        at: warnAt,
        run: () => {
          hidden.trial_will_end_sent = true;
          emit(ctx, 'customer.subscription.trial_will_end', sub, undefined, clock);
        },
      };
    return { at: trialEnd, run: (at) => renew(ctx, sub, at) };
  }
  if (sub.status === 'active') return { at: periodEnd(sub), run: (at) => renew(ctx, sub, at) };
  if (sub.status === 'past_due') {
    const invoice = ctx.state.find(sub.latest_invoice as string, 'invoice');
    const retryAt = invoice?.status === 'open' ? (invoice.next_payment_attempt as number | null) : null;
    const end = periodEnd(sub);
    if (sub.cancel_at_period_end && (retryAt === null || end <= retryAt))
      return { at: end, run: (at) => cancelNow(ctx, sub, at, 'cancellation_requested') };
    if (invoice && retryAt !== null) return { at: retryAt, run: (at) => retry(ctx, sub, invoice, at) };
  }
  return null;
}

function renew(ctx: Ctx, sub: StripeObject, at: number): void {
  if (sub.cancel_at_period_end) {
    cancelNow(ctx, sub, at, 'cancellation_requested');
    return;
  }
  const clock = (sub.test_clock as string | null) ?? null;
  const before = structuredClone(sub);
  const start = periodEnd(sub);
  setPeriod(sub, start, addInterval(start, recurringOf(sub)));
  const invoice = createInvoice(ctx, sub, 'subscription_cycle', at, false);
  sub.latest_invoice = invoice.id;
  finalize(ctx, invoice, clock);
  const paid = attemptInvoice(ctx, invoice, at, clock);
  sub.status = paid ? 'active' : 'past_due';
  emit(ctx, 'customer.subscription.updated', sub, previousAttributes(before, sub), clock);
}

function retry(ctx: Ctx, sub: StripeObject, invoice: StripeObject, at: number): void {
  const clock = (sub.test_clock as string | null) ?? null;
  if (attemptInvoice(ctx, invoice, at, clock)) {
    updateWithEvent(ctx, sub, () => (sub.status = 'active'));
    return;
  }
  if (invoice.next_payment_attempt !== null) return;
  if (ctx.state.settings.after_retries === 'cancel') cancelNow(ctx, sub, at, 'payment_failed');
  else updateWithEvent(ctx, sub, () => (sub.status = 'unpaid'));
}

/**
 * Plays every due step of the subscriptions on `clock` (null: those on real time) up to `until`,
 * earliest first; on a clock, its frozen time follows each step so objects get that time.
 */
export function runDue(ctx: Ctx, clock: string | null, until: number): boolean {
  const clockObj = clock ? ctx.state.get(clock, 'test_helpers.test_clock') : null;
  let changed = false;
  for (let guard = 0; guard < 10_000; guard += 1) {
    let earliest: { at: number; run: (at: number) => void } | null = null;
    for (const sub of ctx.state.all('subscription')) {
      if (((sub.test_clock as string | null) ?? null) !== clock) continue;
      const step = nextStep(ctx, sub);
      if (step && step.at <= until && (!earliest || step.at < earliest.at)) earliest = step;
    }
    if (!earliest) break;
    if (clockObj) clockObj.frozen_time = Math.max(clockObj.frozen_time as number, earliest.at);
    earliest.run(earliest.at);
    changed = true;
  }
  if (clockObj) clockObj.frozen_time = until;
  return changed;
}
