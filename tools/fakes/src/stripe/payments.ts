// Payment intents, their charges, and refunds (pending, then succeeded, or failed on demand).
import { badParam, invalidState, missingParam, noSuchParam } from './errors.ts';
import { cardError, declineOf } from './customers.ts';
import type { FormObject } from './form.ts';
import { emit, paginate, type Ctx, type Route } from './context.ts';
import { previousAttributes } from './events.ts';
import { allowOnly, int, mergeMetadata, str } from './params.ts';
import { newId, nowSeconds, type StripeObject } from './state.ts';

export interface NewPayment {
  amount: number;
  currency: string;
  customer: string | null;
  metadata?: Record<string, string>;
  description?: string | null;
  receiptEmail?: string | null;
  methodTypes?: string[];
  at: number;
}

export function createPaymentIntent(ctx: Ctx, p: NewPayment): StripeObject {
  const id = newId('pi');
  return ctx.state.put({
    id,
    object: 'payment_intent',
    amount: p.amount,
    amount_capturable: 0,
    amount_details: { tip: {} },
    amount_received: 0,
    application: null,
    application_fee_amount: null,
    automatic_payment_methods: null,
    canceled_at: null,
    cancellation_reason: null,
    capture_method: 'automatic_async',
    client_secret: `${id}_secret_${newId('s', 16).slice(2)}`,
    confirmation_method: 'automatic',
    created: p.at,
    currency: p.currency,
    customer: p.customer,
    description: p.description ?? null,
    last_payment_error: null,
    latest_charge: null,
    livemode: false,
    metadata: p.metadata ?? {},
    next_action: null,
    on_behalf_of: null,
    payment_method: null,
    payment_method_types: p.methodTypes ?? ['card'],
    processing: null,
    receipt_email: p.receiptEmail ?? null,
    setup_future_usage: null,
    shipping: null,
    statement_descriptor: null,
    statement_descriptor_suffix: null,
    status: 'requires_payment_method',
    transfer_data: null,
    transfer_group: null,
  });
}

function createCharge(ctx: Ctx, pi: StripeObject, pmId: string, at: number): StripeObject {
  const pm = ctx.state.find(pmId, 'payment_method');
  const id = newId('ch');
  return ctx.state.put({
    id,
    object: 'charge',
    amount: pi.amount,
    amount_captured: pi.amount,
    amount_refunded: 0,
    balance_transaction: newId('txn'),
    billing_details: pm?.billing_details ?? { address: null, email: null, name: null, phone: null },
    calculated_statement_descriptor: 'CAREBOOK',
    captured: true,
    created: at,
    currency: pi.currency,
    customer: pi.customer,
    description: pi.description,
    disputed: false,
    failure_code: null,
    failure_message: null,
    livemode: false,
    metadata: pi.metadata,
    outcome: {
      network_status: 'approved_by_network',
      reason: null,
      risk_level: 'normal',
      seller_message: 'Payment complete.',
      type: 'authorized',
    },
    paid: true,
    payment_intent: pi.id,
    payment_method: pmId,
    payment_method_details: pm ? { type: pm.type, [pm.type as string]: pm[pm.type as string] } : null,
    receipt_email: pi.receipt_email,
    receipt_number: null,
    receipt_url: `${ctx.publicUrl}/stripe/receipts/${id}`,
    refunded: false,
    status: 'succeeded',
  });
}

function succeed(ctx: Ctx, pi: StripeObject, pmId: string, at: number, clock: string | null): void {
  const before = structuredClone(pi);
  const charge = createCharge(ctx, pi, pmId, at);
  Object.assign(pi, {
    status: 'succeeded',
    amount_received: pi.amount,
    latest_charge: charge.id,
    payment_method: pmId,
    last_payment_error: null,
    processing: null,
  });
  emit(ctx, 'payment_intent.succeeded', pi, previousAttributes(before, pi), clock);
}

function fail(
  ctx: Ctx,
  pi: StripeObject,
  pmId: string | null,
  declineCode: string,
  clock: string | null,
): void {
  const before = structuredClone(pi);
  const error = cardError(declineCode);
  const pm = pmId ? ctx.state.find(pmId, 'payment_method') : undefined;
  Object.assign(pi, {
    status: 'requires_payment_method',
    payment_method: null,
    processing: null,
    last_payment_error: {
      type: pm?.type === 'sepa_debit' ? 'invalid_request_error' : 'card_error',
      code: pm?.type === 'sepa_debit' ? 'payment_method_provider_decline' : 'card_declined',
      decline_code: declineCode,
      message: pm?.type === 'sepa_debit' ? 'The bank refused the debit.' : error.message,
      doc_url: 'https://stripe.com/docs/error-codes/card-declined',
      payment_method: pm ?? null,
    },
  });
  emit(ctx, 'payment_intent.payment_failed', pi, previousAttributes(before, pi), clock);
}

/** Charges the payment method now; answers whether it paid (events are emitted either way). */
export function chargeCard(
  ctx: Ctx,
  pi: StripeObject,
  pmId: string | null,
  at: number,
  clock: string | null = null,
): boolean {
  const decline = declineOf(ctx, pmId);
  if (decline || !pmId) {
    fail(ctx, pi, pmId, decline ?? 'generic_decline', clock);
    return false;
  }
  succeed(ctx, pi, pmId, at, clock);
  return true;
}

/** A bank debit: accepted now, settled later by the bank page or the control API. */
export function startDebit(ctx: Ctx, pi: StripeObject, email: string | null, at: number): void {
  const pm = ctx.state.put({
    id: newId('pm'),
    object: 'payment_method',
    billing_details: { address: null, email, name: null, phone: null },
    created: at,
    customer: pi.customer,
    livemode: false,
    metadata: {},
    sepa_debit: {
      bank_code: '37040044',
      branch_code: '',
      country: 'DE',
      fingerprint: newId('fp', 16).slice(3),
      last4: '3000',
    },
    type: 'sepa_debit',
  });
  Object.assign(pi, {
    status: 'processing',
    payment_method: pm.id,
    payment_method_types: ['card', 'sepa_debit'],
    last_payment_error: null,
  });
}

export function settleDebit(ctx: Ctx, pi: StripeObject, outcome: 'succeeded' | 'failed'): void {
  if (pi.status !== 'processing')
    throw invalidState(`This PaymentIntent is ${String(pi.status)}, not processing.`);
  const at = nowSeconds();
  if (outcome === 'succeeded') succeed(ctx, pi, pi.payment_method as string, at, null);
  else fail(ctx, pi, pi.payment_method as string, 'insufficient_funds', null);
}

// --- refunds

export function createRefund(ctx: Ctx, params: FormObject): StripeObject {
  allowOnly(params, ['payment_intent', 'charge', 'amount', 'reason', 'metadata', 'instructions_email']);
  const piId = str(params, 'payment_intent');
  const chargeId = str(params, 'charge');
  if (!piId && !chargeId) throw missingParam('charge');
  let charge: StripeObject | undefined;
  if (piId) {
    const pi = ctx.state.find(piId, 'payment_intent');
    if (!pi) throw noSuchParam('pi', piId, 'payment_intent');
    if (pi.status !== 'succeeded' || !pi.latest_charge)
      throw invalidState(
        `This PaymentIntent (${piId}) does not have a successful charge to refund.`,
        'payment_intent',
        'charge_not_refundable',
      );
    charge = ctx.state.find(pi.latest_charge as string, 'charge');
  } else {
    charge = ctx.state.find(chargeId as string, 'charge');
    if (!charge) throw noSuchParam('ch', chargeId as string, 'charge');
  }
  if (!charge) throw invalidState('Nothing to refund.');
  const remaining = (charge.amount as number) - (charge.amount_refunded as number);
  if (remaining <= 0)
    throw invalidState(
      `Charge ${charge.id} has already been refunded.`,
      undefined,
      'charge_already_refunded',
    );
  const amount = int(params, 'amount') ?? remaining;
  if (amount <= 0) throw badParam('amount', 'Refund amount must be positive.', 'parameter_invalid_integer');
  if (amount > remaining)
    throw invalidState(
      `Refund amount (${amount}) is greater than unrefunded amount on charge (${remaining})`,
      'amount',
      'amount_too_large',
    );
  const reason = str(params, 'reason');
  if (reason && !['duplicate', 'fraudulent', 'requested_by_customer'].includes(reason))
    throw badParam(
      'reason',
      'Invalid reason: must be one of duplicate, fraudulent, or requested_by_customer',
    );
  const at = nowSeconds();
  const refund = ctx.state.put({
    id: newId('re'),
    object: 'refund',
    amount,
    balance_transaction: null,
    charge: charge.id,
    created: at,
    currency: charge.currency,
    destination_details: {
      card: { reference_status: 'pending', reference_type: 'acquirer_reference_number', type: 'refund' },
      type: 'card',
    },
    metadata: mergeMetadata({}, params),
    payment_intent: charge.payment_intent,
    reason: reason ?? null,
    receipt_number: null,
    source_transfer_reversal: null,
    status: 'pending',
    transfer_reversal: null,
  });
  const chargeBefore = structuredClone(charge);
  charge.amount_refunded = (charge.amount_refunded as number) + amount;
  charge.refunded = charge.amount_refunded === charge.amount;
  emit(ctx, 'refund.created', refund);
  emit(ctx, 'charge.refunded', charge, previousAttributes(chargeBefore, charge));
  return refund;
}

export function settleRefund(ctx: Ctx, refund: StripeObject, outcome: 'succeeded' | 'failed'): void {
  if (refund.status !== 'pending')
    throw invalidState(`This refund is ${String(refund.status)}, not pending.`);
  const before = structuredClone(refund);
  refund.status = outcome;
  if (outcome === 'failed') {
    refund.failure_reason = 'expired_or_canceled_card';
    refund.failure_balance_transaction = newId('txn');
    const charge = ctx.state.find(refund.charge as string, 'charge');
    if (charge) {
      charge.amount_refunded = (charge.amount_refunded as number) - (refund.amount as number);
      charge.refunded = false;
    }
  } else {
    refund.balance_transaction = newId('txn');
  }
  emit(ctx, 'refund.updated', refund, previousAttributes(before, refund));
  if (outcome === 'failed') emit(ctx, 'refund.failed', refund, previousAttributes(before, refund));
}

/** Pending refunds older than the setting settle with the configured outcome. */
export function settleDueRefunds(ctx: Ctx): boolean {
  const { refund_settle_seconds: wait, refund_outcome: outcome } = ctx.state.settings;
  const due = ctx.state
    .all('refund')
    .filter((r) => r.status === 'pending' && (r.created as number) + wait <= nowSeconds());
  for (const refund of due) settleRefund(ctx, refund, outcome);
  return due.length > 0;
}

export const paymentRoutes: Route[] = [
  {
    method: 'GET',
    path: /^\/payment_intents\/([^/]+)$/,
    handle: (ctx, _p, [id]) => ctx.state.get(id as string, 'payment_intent'),
  },
  {
    method: 'GET',
    path: /^\/payment_intents$/,
    handle: (ctx, params) => {
      const customer = str(params, 'customer');
      return paginate(
        ctx.state.all('payment_intent').filter((p) => !customer || p.customer === customer),
        params,
        '/v1/payment_intents',
      );
    },
  },
  {
    method: 'GET',
    path: /^\/charges\/([^/]+)$/,
    handle: (ctx, _p, [id]) => ctx.state.get(id as string, 'charge'),
  },
  { method: 'POST', path: /^\/refunds$/, handle: (ctx, params) => createRefund(ctx, params) },
  {
    method: 'GET',
    path: /^\/refunds\/([^/]+)$/,
    handle: (ctx, _p, [id]) => ctx.state.get(id as string, 'refund'),
  },
  {
    method: 'POST',
    path: /^\/refunds\/([^/]+)$/,
    handle: (ctx, params, [id]) => {
      allowOnly(params, ['metadata']);
      const refund = ctx.state.get(id as string, 'refund');
      refund.metadata = mergeMetadata(refund.metadata as Record<string, string>, params);
      return refund;
    },
  },
  {
    method: 'GET',
    path: /^\/refunds$/,
    handle: (ctx, params) => {
      const pi = str(params, 'payment_intent');
      const charge = str(params, 'charge');
      const items = ctx.state
        .all('refund')
        .filter((r) => (!pi || r.payment_intent === pi) && (!charge || r.charge === charge));
      return paginate(items, params, '/v1/refunds');
    },
  },
];
