// The subscriptions and invoices API: create / retrieve / update (price change, cancel at period
// end) / cancel / list, and invoices list / retrieve.
import { badParam, invalidState, missingParam, noSuchParam } from './errors.ts';
import type { FormObject } from './form.ts';
import { paginate, timeOf, type Ctx, type Route } from './context.ts';
import { previousAttributes } from './events.ts';
import { emit } from './context.ts';
import { allowOnly, bool, int, list, mergeMetadata, str } from './params.ts';
import {
  cancelNow,
  createSubscription,
  newItem,
  periodEnd,
  previewRenewal,
  type ItemInput,
} from './billing.ts';
import type { StripeObject } from './state.ts';

function recurringPrice(ctx: Ctx, id: string, param: string): StripeObject {
  const price = ctx.state.find(id, 'price');
  if (!price) throw noSuchParam('price', id, param);
  if (!price.recurring)
    throw badParam(
      param,
      `The price specified (${id}) is not recurring; subscriptions need a recurring price.`,
    );
  if (!price.active) throw badParam(param, `The price specified (${id}) is inactive.`);
  return price;
}

function readItems(
  ctx: Ctx,
  params: FormObject,
): { id?: string; price?: StripeObject; quantity?: number; deleted: boolean }[] {
  return (list(params, 'items') ?? []).map((raw, i) => {
    const name = `items[${i}]`;
    if (typeof raw !== 'object' || Array.isArray(raw)) throw badParam(name, `Invalid object: ${name}`);
    allowOnly(raw, ['id', 'price', 'quantity', 'deleted', 'metadata'], name);
    const priceId = str(raw, 'price', `${name}[price]`);
    return {
      id: str(raw, 'id', `${name}[id]`),
      price: priceId ? recurringPrice(ctx, priceId, `${name}[price]`) : undefined,
      quantity: int(raw, 'quantity', `${name}[quantity]`),
      deleted: bool(raw, 'deleted', `${name}[deleted]`) ?? false,
    };
  });
}

const UPDATE_PARAMS = [
  'items',
  'cancel_at_period_end',
  'metadata',
  'proration_behavior',
  'payment_behavior',
  'default_payment_method',
  'description',
];

function update(ctx: Ctx, sub: StripeObject, params: FormObject): StripeObject {
  allowOnly(params, UPDATE_PARAMS);
  if (sub.status === 'canceled' || sub.status === 'incomplete_expired')
    throw invalidState(`A canceled subscription can only update its cancellation_details and metadata.`);
  const proration = str(params, 'proration_behavior');
  if (proration && !['none', 'create_prorations', 'always_invoice'].includes(proration))
    throw badParam(
      'proration_behavior',
      'Invalid proration_behavior: must be one of create_prorations, none, or always_invoice',
    );
  const before = structuredClone(sub);
  const at = timeOf(ctx, sub.test_clock);
  const current = (sub.items as { data: StripeObject[] }).data;
  for (const change of readItems(ctx, params)) {
    const existing = change.id ? current.find((i) => i.id === change.id) : undefined;
    if (change.id && !existing) throw noSuchParam('si', change.id, 'items');
    if (existing && change.deleted) current.splice(current.indexOf(existing), 1);
    else if (existing) {
      if (change.price) existing.price = structuredClone(change.price);
      if (change.quantity !== undefined) existing.quantity = change.quantity;
    } else {
      if (!change.price) throw missingParam('items[0][price]');
      const input: ItemInput = { price: change.price, quantity: change.quantity ?? 1 };
      const first = current[0];
      current.push(
        newItem(
          sub.id,
          input,
          at,
          (first?.current_period_start as number) ?? at,
          (first?.current_period_end as number) ?? at,
        ),
      );
    }
  }
  if (current.length === 0) throw badParam('items', 'A subscription must keep at least one item.');
  (sub.items as { total_count: number }).total_count = current.length;
  const cancel = bool(params, 'cancel_at_period_end');
  if (cancel !== undefined) {
    sub.cancel_at_period_end = cancel;
    sub.cancel_at = cancel ? periodEnd(sub) : null;
    sub.canceled_at = cancel ? at : null;
    sub.cancellation_details = {
      comment: null,
      feedback: null,
      reason: cancel ? 'cancellation_requested' : null,
    };
  }
  if (params.default_payment_method !== undefined)
    sub.default_payment_method = str(params, 'default_payment_method') || null;
  if (params.description !== undefined) sub.description = str(params, 'description') || null;
  sub.metadata = mergeMetadata(sub.metadata as Record<string, string>, params);
  const previous = previousAttributes(before, sub);
  if (Object.keys(previous).length > 0)
    emit(ctx, 'customer.subscription.updated', sub, previous, sub.test_clock as string | null);
  return sub;
}

/** Updates a subscription the way the Billing Portal does (its page calls this too). */
export function updateSubscription(ctx: Ctx, sub: StripeObject, params: FormObject): StripeObject {
  return update(ctx, sub, params);
}

export const subscriptionRoutes: Route[] = [
  {
    method: 'POST',
    path: /^\/subscriptions$/,
    handle: (ctx, params) => {
      allowOnly(params, [
        'customer',
        'items',
        'trial_period_days',
        'metadata',
        'default_payment_method',
        'payment_behavior',
        'proration_behavior',
      ]);
      const customerId = str(params, 'customer');
      if (!customerId) throw missingParam('customer');
      const customer = ctx.state.find(customerId, 'customer');
      if (!customer) throw noSuchParam('cus', customerId, 'customer');
      const inputs = readItems(ctx, params);
      if (inputs.length === 0) throw missingParam('items');
      const items = inputs.map((i, n) => {
        if (!i.price) throw missingParam(`items[${n}][price]`);
        return { price: i.price, quantity: i.quantity ?? 1 };
      });
      return createSubscription(ctx, {
        customer,
        items,
        trialDays: int(params, 'trial_period_days'),
        metadata: mergeMetadata({}, params),
        defaultPaymentMethod: str(params, 'default_payment_method') ?? null,
      }).subscription;
    },
  },
  {
    method: 'GET',
    path: /^\/subscriptions\/([^/]+)$/,
    handle: (ctx, _p, [id]) => ctx.state.get(id as string, 'subscription'),
  },
  {
    method: 'POST',
    path: /^\/subscriptions\/([^/]+)$/,
    handle: (ctx, params, [id]) => update(ctx, ctx.state.get(id as string, 'subscription'), params),
  },
  {
    method: 'DELETE',
    path: /^\/subscriptions\/([^/]+)$/,
    handle: (ctx, params, [id]) => {
      allowOnly(params, ['invoice_now', 'prorate', 'cancellation_details']);
      const sub = ctx.state.get(id as string, 'subscription');
      cancelNow(ctx, sub, timeOf(ctx, sub.test_clock), 'cancellation_requested');
      return sub;
    },
  },
  {
    method: 'GET',
    path: /^\/subscriptions$/,
    handle: (ctx, params) => {
      const customer = str(params, 'customer');
      const price = str(params, 'price');
      const status = str(params, 'status');
      const items = ctx.state
        .all('subscription')
        .filter(
          (s) =>
            (!customer || s.customer === customer) &&
            (!price ||
              (s.items as { data: StripeObject[] }).data.some(
                (i) => (i.price as StripeObject).id === price,
              )) &&
            (status === 'all' || (status ? s.status === status : s.status !== 'canceled')),
        );
      return paginate(items, params, '/v1/subscriptions');
    },
  },
  {
    method: 'POST',
    path: /^\/invoices\/create_preview$/,
    handle: (ctx, params) => {
      allowOnly(params, ['customer', 'subscription']);
      const subId = str(params, 'subscription');
      const customer = str(params, 'customer');
      if (!subId) {
        if (!customer) throw missingParam('subscription');
        const current = ctx.state
          .all('subscription')
          .find(
            (s) => s.customer === customer && ['trialing', 'active', 'past_due'].includes(s.status as string),
          );
        if (!current)
          throw invalidState(
            `No upcoming invoices for customer: ${customer}`,
            undefined,
            'invoice_upcoming_none',
          );
        return previewRenewal(ctx, current);
      }
      const sub = ctx.state.find(subId, 'subscription');
      if (!sub) throw noSuchParam('sub', subId, 'subscription');
      if (customer && sub.customer !== customer)
        throw badParam('customer', 'The subscription belongs to another customer.');
      return previewRenewal(ctx, sub);
    },
  },
  {
    method: 'GET',
    path: /^\/invoices\/([^/]+)$/,
    handle: (ctx, _p, [id]) => ctx.state.get(id as string, 'invoice'),
  },
  {
    method: 'GET',
    path: /^\/invoices$/,
    handle: (ctx, params) => {
      const customer = str(params, 'customer');
      const subscription = str(params, 'subscription');
      const status = str(params, 'status');
      const items = ctx.state
        .all('invoice')
        .filter(
          (i) =>
            (!customer || i.customer === customer) &&
            (!status || i.status === status) &&
            (!subscription ||
              (i.parent as { subscription_details: { subscription: string } | null }).subscription_details
                ?.subscription === subscription),
        );
      return paginate(items, params, '/v1/invoices');
    },
  },
];
