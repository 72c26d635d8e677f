// Customers and their cards. Test cards behave as Stripe documents them: 4242 4242 4242 4242 pays,
// 4000 0000 0000 0002 is declined, 4000 0000 0000 9995 lacks funds, and 4000 0000 0000 0341 can be
// saved but every later charge on it fails (the card that makes renewals fail).
import { badParam, noSuchParam, StripeApiError } from './errors.ts';
import type { FormObject } from './form.ts';
import { clockOfCustomer, emit, paginate, timeOf, type Ctx, type Route } from './context.ts';
import { allowOnly, mergeMetadata, obj, str, strList } from './params.ts';
import { newId, type StripeObject } from './state.ts';

export interface TestCard {
  number: string;
  /** Decline code when the card is saved (the card is refused outright). */
  attachDecline?: string;
  /** Decline code for every charge. */
  chargeDecline?: string;
}

export const TEST_CARDS: Record<string, TestCard> = {
  '4242424242424242': { number: '4242424242424242' },
  '4000000000000002': {
    number: '4000000000000002',
    attachDecline: 'generic_decline',
    chargeDecline: 'generic_decline',
  },
  '4000000000009995': {
    number: '4000000000009995',
    attachDecline: 'insufficient_funds',
    chargeDecline: 'insufficient_funds',
  },
  '4000000000000341': { number: '4000000000000341', chargeDecline: 'generic_decline' },
};

/** Stripe's test payment method tokens, each standing for one test card. */
const TEST_TOKENS: Record<string, string> = {
  pm_card_visa: '4242424242424242',
  pm_card_visa_chargeDeclined: '4000000000000002',
  pm_card_chargeDeclinedInsufficientFunds: '4000000000009995',
  pm_card_chargeCustomerFail: '4000000000000341',
};

export function cardError(declineCode: string): StripeApiError {
  const message =
    declineCode === 'insufficient_funds' ? 'Your card has insufficient funds.' : 'Your card was declined.';
  const error = new StripeApiError(402, 'card_error', message, 'card_declined');
  error.declineCode = declineCode;
  return error;
}

export function testCard(number: string): TestCard | undefined {
  return TEST_CARDS[number.replace(/\s+/g, '')];
}

/** A card payment method for a test card number; throws a card_error if the card refuses to be saved. */
export function createCardMethod(
  ctx: Ctx,
  number: string,
  customer: string | null,
  at: number,
): StripeObject {
  const card = testCard(number);
  if (!card)
    throw badParam('card[number]', 'Use one of the test cards listed on the page.', 'invalid_number');
  if (card.attachDecline && customer) throw cardError(card.attachDecline);
  const pm = ctx.state.put({
    id: newId('pm'),
    object: 'payment_method',
    allow_redisplay: 'unspecified',
    billing_details: { address: null, email: null, name: null, phone: null },
    card: {
      brand: 'visa',
      checks: { address_line1_check: null, address_postal_code_check: null, cvc_check: 'pass' },
      country: 'US',
      display_brand: 'visa',
      exp_month: 12,
      exp_year: new Date(at * 1000).getUTCFullYear() + 3,
      funding: 'credit',
      last4: card.number.slice(-4),
      networks: { available: ['visa'], preferred: null },
      wallet: null,
    },
    created: at,
    customer,
    livemode: false,
    metadata: {},
    type: 'card',
  });
  ctx.state.hidden(pm.id).card_number = card.number;
  return pm;
}

/** The decline code a charge on this payment method gets, or null when it pays. */
export function declineOf(ctx: Ctx, pmId: string | null | undefined): string | null {
  if (!pmId) return 'generic_decline';
  const number = ctx.state.hidden(pmId).card_number;
  if (typeof number !== 'string') return null; // bank debits are settled later, never here
  return testCard(number)?.chargeDecline ?? null;
}

/** Saves the card and makes it the customer's default for invoices (portal and control API). */
export function setDefaultCard(ctx: Ctx, customer: StripeObject, number: string): StripeObject {
  const before = structuredClone(customer);
  const pm = createCardMethod(ctx, number, customer.id, timeOf(ctx, customer.test_clock));
  customer.invoice_settings = { ...(customer.invoice_settings as object), default_payment_method: pm.id };
  emitCustomerUpdated(ctx, before, customer);
  return pm;
}

function emitCustomerUpdated(ctx: Ctx, before: StripeObject, after: StripeObject): void {
  const previous: Record<string, unknown> = {};
  for (const key of Object.keys(after))
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) previous[key] = before[key] ?? null;
  if (Object.keys(previous).length > 0)
    emit(ctx, 'customer.updated', after, previous, clockOfCustomer(ctx, after.id));
}

export function createCustomer(ctx: Ctx, params: FormObject): StripeObject {
  const clock = str(params, 'test_clock');
  if (clock && !ctx.state.find(clock, 'test_helpers.test_clock'))
    throw noSuchParam('clock', clock, 'test_clock');
  const at = timeOf(ctx, clock);
  const customer = ctx.state.put({
    id: newId('cus', 14),
    object: 'customer',
    address: null,
    balance: 0,
    created: at,
    currency: null,
    default_source: null,
    delinquent: false,
    description: str(params, 'description') || null,
    discount: null,
    email: str(params, 'email') || null,
    invoice_prefix: newId('x', 8).slice(2).toUpperCase(),
    invoice_settings: {
      custom_fields: null,
      default_payment_method: null,
      footer: null,
      rendering_options: null,
    },
    livemode: false,
    metadata: mergeMetadata({}, params),
    name: str(params, 'name') || null,
    next_invoice_sequence: 1,
    phone: str(params, 'phone') || null,
    preferred_locales: strList(params, 'preferred_locales'),
    shipping: null,
    tax_exempt: 'none',
    test_clock: clock ?? null,
  });
  const token = str(params, 'payment_method');
  if (token) {
    const number = TEST_TOKENS[token];
    if (!number) throw noSuchParam('pm', token, 'payment_method');
    const pm = createCardMethod(ctx, number, customer.id, at);
    const settings = obj(params, 'invoice_settings');
    if (settings && str(settings, 'default_payment_method') === token)
      customer.invoice_settings = { ...(customer.invoice_settings as object), default_payment_method: pm.id };
  }
  emit(ctx, 'customer.created', customer, undefined, clock);
  return customer;
}

const CUSTOMER_PARAMS = [
  'email',
  'name',
  'description',
  'phone',
  'metadata',
  'preferred_locales',
  'invoice_settings',
];

export const customerRoutes: Route[] = [
  {
    method: 'POST',
    path: /^\/customers$/,
    handle: (ctx, params) => {
      allowOnly(params, [...CUSTOMER_PARAMS, 'test_clock', 'payment_method']);
      return createCustomer(ctx, params);
    },
  },
  {
    method: 'GET',
    path: /^\/customers\/([^/]+)$/,
    handle: (ctx, _p, [id]) => ctx.state.get(id as string, 'customer'),
  },
  {
    method: 'POST',
    path: /^\/customers\/([^/]+)$/,
    handle: (ctx, params, [id]) => {
      allowOnly(params, CUSTOMER_PARAMS);
      const customer = ctx.state.get(id as string, 'customer');
      const before = structuredClone(customer);
      for (const key of ['email', 'name', 'description', 'phone'])
        if (params[key] !== undefined) customer[key] = str(params, key) || null;
      if (params.preferred_locales !== undefined)
        customer.preferred_locales = strList(params, 'preferred_locales');
      const settings = obj(params, 'invoice_settings');
      if (settings) {
        allowOnly(settings, ['default_payment_method'], 'invoice_settings');
        const pm = str(settings, 'default_payment_method');
        if (pm && ctx.state.find(pm, 'payment_method')?.customer !== customer.id)
          throw noSuchParam('pm', pm, 'invoice_settings[default_payment_method]');
        customer.invoice_settings = {
          ...(customer.invoice_settings as object),
          default_payment_method: pm || null,
        };
      }
      customer.metadata = mergeMetadata(customer.metadata as Record<string, string>, params);
      emitCustomerUpdated(ctx, before, customer);
      return customer;
    },
  },
  {
    method: 'GET',
    path: /^\/customers$/,
    handle: (ctx, params) => {
      const email = str(params, 'email');
      const clock = str(params, 'test_clock');
      const items = ctx.state
        .all('customer')
        .filter((c) => (!email || c.email === email) && (!clock || c.test_clock === clock));
      return paginate(items, params, '/v1/customers');
    },
  },
  {
    method: 'GET',
    path: /^\/payment_methods\/([^/]+)$/,
    handle: (ctx, _p, [id]) => ctx.state.get(id as string, 'payment_method'),
  },
];
