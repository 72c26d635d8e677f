// Checkout Sessions (payment and subscription modes) and what happens when the buyer acts on the
// fake Checkout page: pay, have the card declined, or pay by bank debit that settles later.
import { badParam, invalidState, missingParam, noSuchParam } from './errors.ts';
import type { FormObject } from './form.ts';
import { clockOfCustomer, emit, INCLUDABLE, paginate, timeOf, type Ctx, type Route } from './context.ts';
import { previousAttributes } from './events.ts';
import { allowOnly, int, list, mergeMetadata, obj, str, strList } from './params.ts';
import { buildPrice } from './catalog.ts';
import { createCardMethod, createCustomer, testCard } from './customers.ts';
import { createSubscription } from './billing.ts';
import { chargeCard, createPaymentIntent, settleDebit, startDebit } from './payments.ts';
import { newId, nowSeconds, type StripeObject } from './state.ts';

const MIN_EXPIRY = 30 * 60;
const MAX_EXPIRY = 24 * 3600;

interface LineInput {
  price: StripeObject;
  quantity: number;
}

function readLineItems(ctx: Ctx, params: FormObject, mode: string): LineInput[] {
  const raw = list(params, 'line_items');
  if (!raw || raw.length === 0) throw missingParam('line_items');
  return raw.map((entry, i) => {
    const name = `line_items[${i}]`;
    if (typeof entry !== 'object' || Array.isArray(entry)) throw badParam(name, `Invalid object: ${name}`);
    allowOnly(entry, ['price', 'price_data', 'quantity'], name);
    const quantity = int(entry, 'quantity', `${name}[quantity]`);
    if (quantity === undefined) throw missingParam(`${name}[quantity]`);
    const priceId = str(entry, 'price', `${name}[price]`);
    const priceData = obj(entry, 'price_data', `${name}[price_data]`);
    let price: StripeObject | undefined;
    if (priceId) {
      price = ctx.state.find(priceId, 'price');
      if (!price) throw noSuchParam('price', priceId, `${name}[price]`);
    } else if (priceData) {
      allowOnly(
        priceData,
        ['currency', 'unit_amount', 'product', 'product_data', 'recurring'],
        `${name}[price_data]`,
      );
      price = ctx.state.put(buildPrice(ctx, priceData, `${name}[price_data]`, 'product'));
      price.active = false; // an inline price is not part of the catalogue
    } else throw missingParam(`${name}[price]`);
    if (mode === 'subscription' && !price.recurring)
      throw badParam(`${name}[price]`, 'In subscription mode every line item needs a recurring price.');
    if (mode === 'payment' && price.recurring)
      throw badParam(
        `${name}[price]`,
        'You specified `payment` mode but passed a recurring price. Use `subscription` mode instead.',
      );
    return { price, quantity };
  });
}

function lineItemsList(ctx: Ctx, session: StripeObject): unknown {
  const lines = (ctx.state.hidden(session.id).line_items as LineInput[] | undefined) ?? [];
  const data = lines.map((l, i) => {
    const product = ctx.state.find(l.price.product as string, 'product');
    const amount = (l.price.unit_amount as number) * l.quantity;
    return {
      id: `li_${session.id.slice(8, 30)}${i}`,
      object: 'item',
      amount_discount: 0,
      amount_subtotal: amount,
      amount_tax: 0,
      amount_total: amount,
      currency: l.price.currency,
      description: product?.name ?? null,
      price: structuredClone(ctx.state.find(l.price.id) ?? l.price),
      quantity: l.quantity,
    };
  });
  return { object: 'list', data, has_more: false, url: `/v1/checkout/sessions/${session.id}/line_items` };
}

INCLUDABLE['checkout.session'] = { line_items: lineItemsList };

function createSession(ctx: Ctx, params: FormObject): StripeObject {
  allowOnly(params, [
    'mode',
    'line_items',
    'success_url',
    'cancel_url',
    'customer',
    'customer_email',
    'client_reference_id',
    'metadata',
    'expires_at',
    'payment_intent_data',
    'subscription_data',
    'payment_method_types',
    'locale',
    'customer_creation',
    'allow_promotion_codes',
  ]);
  const mode = str(params, 'mode');
  if (!mode) throw missingParam('mode');
  if (mode !== 'payment' && mode !== 'subscription')
    throw badParam('mode', 'Invalid mode: this fake supports payment and subscription.');
  const successUrl = str(params, 'success_url');
  if (!successUrl) throw missingParam('success_url');
  for (const key of ['success_url', 'cancel_url']) {
    const url = str(params, key);
    if (url !== undefined && !/^https?:\/\/[^\s]+$/.test(url))
      throw badParam(key, 'Not a valid URL', 'url_invalid');
  }
  const customerId = str(params, 'customer');
  const customer = customerId ? ctx.state.find(customerId, 'customer') : undefined;
  if (customerId && !customer) throw noSuchParam('cus', customerId, 'customer');
  if (customerId && params.customer_email !== undefined)
    throw badParam(
      'customer_email',
      'You may only specify one of these parameters: customer, customer_email.',
    );
  const lines = readLineItems(ctx, params, mode);
  const currency = lines[0]?.price.currency as string;
  if (lines.some((l) => l.price.currency !== currency))
    throw badParam('line_items', 'All prices must share one currency.');
  const now = nowSeconds();
  const expiresAt = int(params, 'expires_at') ?? now + MAX_EXPIRY;
  if (expiresAt < now + MIN_EXPIRY || expiresAt > now + MAX_EXPIRY)
    throw badParam(
      'expires_at',
      'The `expires_at` timestamp must be between 30 minutes and 24 hours from Checkout Session creation.',
    );
  const subscriptionData = obj(params, 'subscription_data');
  if (subscriptionData) {
    if (mode !== 'subscription')
      throw badParam('subscription_data', 'subscription_data can only be used in subscription mode.');
    allowOnly(subscriptionData, ['trial_period_days', 'metadata', 'description'], 'subscription_data');
    const days = int(subscriptionData, 'trial_period_days', 'subscription_data[trial_period_days]');
    if (days !== undefined && (days < 1 || days > 730))
      throw badParam('subscription_data[trial_period_days]', 'trial_period_days must be between 1 and 730.');
  }
  const piData = obj(params, 'payment_intent_data');
  if (piData) {
    if (mode !== 'payment')
      throw badParam('payment_intent_data', 'payment_intent_data can only be used in payment mode.');
    allowOnly(
      piData,
      ['metadata', 'description', 'receipt_email', 'setup_future_usage'],
      'payment_intent_data',
    );
  }
  const amount = lines.reduce((sum, l) => sum + (l.price.unit_amount as number) * l.quantity, 0);
  const id = `cs_test_${newId('x', 58).slice(2)}`;
  const session = ctx.state.put({
    id,
    object: 'checkout.session',
    adaptive_pricing: null,
    after_expiration: null,
    allow_promotion_codes: null,
    amount_subtotal: amount,
    amount_total: amount,
    automatic_tax: { enabled: false, liability: null, status: null },
    billing_address_collection: null,
    cancel_url: str(params, 'cancel_url') ?? null,
    client_reference_id: str(params, 'client_reference_id') ?? null,
    client_secret: null,
    consent: null,
    consent_collection: null,
    created: now,
    currency,
    custom_fields: [],
    custom_text: {
      after_submit: null,
      shipping_address: null,
      submit: null,
      terms_of_service_acceptance: null,
    },
    customer: customer?.id ?? null,
    customer_creation: customer ? null : mode === 'subscription' ? 'always' : 'if_required',
    customer_details: customer
      ? {
          email: customer.email,
          name: customer.name,
          address: null,
          phone: null,
          tax_exempt: 'none',
          tax_ids: [],
        }
      : null,
    customer_email: str(params, 'customer_email') ?? null,
    discounts: [],
    expires_at: expiresAt,
    invoice: null,
    invoice_creation: mode === 'payment' ? { enabled: false, invoice_data: {} } : null,
    livemode: false,
    locale: str(params, 'locale') ?? null,
    metadata: mergeMetadata({}, params),
    mode,
    payment_intent: null,
    payment_link: null,
    payment_method_collection: mode === 'subscription' ? 'always' : null,
    payment_method_types:
      strList(params, 'payment_method_types').length > 0
        ? strList(params, 'payment_method_types')
        : ['card', 'sepa_debit'],
    payment_status: 'unpaid',
    recovered_from: null,
    setup_intent: null,
    shipping_address_collection: null,
    shipping_cost: null,
    shipping_options: [],
    status: 'open',
    submit_type: null,
    subscription: null,
    success_url: successUrl,
    total_details: { amount_discount: 0, amount_shipping: 0, amount_tax: 0 },
    ui_mode: 'hosted',
    url: `${ctx.publicUrl}/stripe/checkout/${id}`,
  });
  const hidden = ctx.state.hidden(id);
  hidden.line_items = lines.map((l) => ({
    price: {
      id: l.price.id,
      product: l.price.product,
      unit_amount: l.price.unit_amount,
      currency: l.price.currency,
      recurring: l.price.recurring,
    },
    quantity: l.quantity,
  }));
  hidden.subscription_data = subscriptionData ?? {};
  hidden.payment_intent_data = piData ?? {};
  return session;
}

export function expireSession(ctx: Ctx, session: StripeObject): void {
  if (session.status !== 'open')
    throw invalidState(
      `Only Checkout Sessions with a status in ["open"] can be expired. This session has a status of "${String(session.status)}".`,
    );
  const before = structuredClone(session);
  Object.assign(session, { status: 'expired', url: null });
  // A payment intent left after declined attempts is canceled with its session.
  const piId = ctx.state.hidden(session.id).payment_intent;
  const pi = typeof piId === 'string' ? ctx.state.find(piId, 'payment_intent') : undefined;
  if (pi?.status === 'requires_payment_method') {
    const piBefore = structuredClone(pi);
    Object.assign(pi, { status: 'canceled', canceled_at: nowSeconds(), cancellation_reason: 'abandoned' });
    emit(ctx, 'payment_intent.canceled', pi, previousAttributes(piBefore, pi));
  }
  emit(ctx, 'checkout.session.expired', session, previousAttributes(before, session));
}

/** Expires the open sessions whose expires_at has passed. */
export function expireDueSessions(ctx: Ctx): boolean {
  const due = ctx.state
    .all('checkout.session')
    .filter((s) => s.status === 'open' && (s.expires_at as number) <= nowSeconds());
  for (const session of due) expireSession(ctx, session);
  return due.length > 0;
}

export type PayChoice =
  | { method: 'card'; number: string; email?: string; name?: string }
  | { method: 'bank_debit'; email?: string; name?: string };

export type PayOutcome = { status: 'complete'; redirect: string } | { status: 'declined'; message: string };

function successRedirect(session: StripeObject): string {
  return (session.success_url as string).replace(/\{CHECKOUT_SESSION_ID\}/g, session.id);
}

function complete(
  ctx: Ctx,
  session: StripeObject,
  before: StripeObject,
  fields: Record<string, unknown>,
): PayOutcome {
  Object.assign(session, { status: 'complete', url: null, ...fields });
  emit(
    ctx,
    'checkout.session.completed',
    session,
    previousAttributes(before, session),
    clockOfCustomer(ctx, session.customer),
  );
  return { status: 'complete', redirect: successRedirect(session) };
}

/** What the Checkout page's Pay button does. Declines leave the session open, as Stripe does. */
export function paySession(ctx: Ctx, session: StripeObject, choice: PayChoice): PayOutcome {
  if (session.status !== 'open') throw invalidState(`This Checkout Session is ${String(session.status)}.`);
  const before = structuredClone(session);
  const email =
    choice.email ||
    (session.customer_email as string | null) ||
    (session.customer_details as { email?: string } | null)?.email ||
    null;
  const details = {
    email,
    name: choice.name || null,
    address: null,
    phone: null,
    tax_exempt: 'none',
    tax_ids: [],
  };
  const hidden = ctx.state.hidden(session.id);

  if (session.mode === 'subscription') {
    if (choice.method !== 'card')
      return { status: 'declined', message: 'Subscriptions are paid by card on this page.' };
    const card = testCard(choice.number);
    if (!card) return { status: 'declined', message: 'Use one of the test cards listed on the page.' };
    const lines = hidden.line_items as LineInput[];
    const trialDays = int(hidden.subscription_data as FormObject, 'trial_period_days');
    const dueNow = trialDays
      ? 0
      : lines.reduce((s, l) => s + (l.price.unit_amount as number) * l.quantity, 0);
    if (card.attachDecline || (dueNow > 0 && card.chargeDecline))
      return {
        status: 'declined',
        message:
          card.attachDecline === 'insufficient_funds' || card.chargeDecline === 'insufficient_funds'
            ? 'Your card has insufficient funds.'
            : 'Your card was declined.',
      };
    let customer = session.customer ? ctx.state.get(session.customer as string, 'customer') : undefined;
    customer ??= createCustomer(ctx, {
      ...(email ? { email } : {}),
      ...(choice.name ? { name: choice.name } : {}),
    });
    const pm = createCardMethod(ctx, card.number, customer.id, timeOf(ctx, customer.test_clock));
    customer.invoice_settings = { ...(customer.invoice_settings as object), default_payment_method: pm.id };
    const subscriptionData = hidden.subscription_data as FormObject;
    const prices = lines.map((l) => ({ price: ctx.state.get(l.price.id, 'price'), quantity: l.quantity }));
    const { subscription, invoice } = createSubscription(ctx, {
      customer,
      items: prices,
      trialDays,
      metadata: mergeMetadata({}, subscriptionData),
      defaultPaymentMethod: pm.id,
    });
    return complete(ctx, session, before, {
      customer: customer.id,
      customer_details: { ...details, email: email ?? customer.email },
      subscription: subscription.id,
      invoice: invoice.id,
      payment_status: trialDays ? 'no_payment_required' : 'paid',
    });
  }

  // payment mode: one payment intent per session, reused across attempts
  const piData = hidden.payment_intent_data as FormObject;
  let pi =
    typeof hidden.payment_intent === 'string'
      ? ctx.state.find(hidden.payment_intent, 'payment_intent')
      : undefined;
  if (!pi) {
    pi = createPaymentIntent(ctx, {
      amount: session.amount_total as number,
      currency: session.currency as string,
      customer: (session.customer as string | null) ?? null,
      metadata: mergeMetadata({}, piData),
      description: str(piData, 'description') ?? null,
      receiptEmail: str(piData, 'receipt_email') ?? email,
      at: nowSeconds(),
    });
    hidden.payment_intent = pi.id;
  }
  if (choice.method === 'bank_debit') {
    startDebit(ctx, pi, email, nowSeconds());
    return complete(ctx, session, before, {
      customer_details: details,
      payment_intent: pi.id,
      payment_status: 'unpaid',
    });
  }
  const card = testCard(choice.number);
  if (!card) return { status: 'declined', message: 'Use one of the test cards listed on the page.' };
  const pm = createCardMethod(ctx, card.number, null, nowSeconds());
  if (!chargeCard(ctx, pi, pm.id, nowSeconds())) {
    return { status: 'declined', message: (pi.last_payment_error as { message: string }).message };
  }
  return complete(ctx, session, before, {
    customer_details: details,
    payment_intent: pi.id,
    payment_status: 'paid',
  });
}

/** The bank's answer to a debit started on the Checkout page. */
export function settleDelayedPayment(
  ctx: Ctx,
  pi: StripeObject,
  outcome: 'succeeded' | 'failed',
): StripeObject | undefined {
  settleDebit(ctx, pi, outcome);
  const session = ctx.state.all('checkout.session').find((s) => s.payment_intent === pi.id);
  if (!session) return undefined;
  const before = structuredClone(session);
  if (outcome === 'succeeded') session.payment_status = 'paid';
  emit(
    ctx,
    outcome === 'succeeded'
      ? 'checkout.session.async_payment_succeeded'
      : 'checkout.session.async_payment_failed',
    session,
    previousAttributes(before, session),
  );
  return session;
}

export const checkoutRoutes: Route[] = [
  { method: 'POST', path: /^\/checkout\/sessions$/, handle: (ctx, params) => createSession(ctx, params) },
  {
    method: 'GET',
    path: /^\/checkout\/sessions\/([^/]+)$/,
    handle: (ctx, _p, [id]) => ctx.state.get(id as string, 'checkout.session', 'checkout.session'),
  },
  {
    method: 'GET',
    path: /^\/checkout\/sessions\/([^/]+)\/line_items$/,
    handle: (ctx, _p, [id]) =>
      lineItemsList(ctx, ctx.state.get(id as string, 'checkout.session', 'checkout.session')),
  },
  {
    method: 'POST',
    path: /^\/checkout\/sessions\/([^/]+)\/expire$/,
    handle: (ctx, params, [id]) => {
      allowOnly(params, []);
      const session = ctx.state.get(id as string, 'checkout.session', 'checkout.session');
      expireSession(ctx, session);
      return session;
    },
  },
  {
    method: 'GET',
    path: /^\/checkout\/sessions$/,
    handle: (ctx, params) => {
      const pi = str(params, 'payment_intent');
      const sub = str(params, 'subscription');
      const customer = str(params, 'customer');
      const status = str(params, 'status');
      const items = ctx.state
        .all('checkout.session')
        .filter(
          (s) =>
            (!pi || s.payment_intent === pi) &&
            (!sub || s.subscription === sub) &&
            (!customer || s.customer === customer) &&
            (!status || s.status === status),
        );
      return paginate(items, params, '/v1/checkout/sessions');
    },
  },
];
