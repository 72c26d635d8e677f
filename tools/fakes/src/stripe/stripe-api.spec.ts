// The Stripe fake's REST API through the official SDK: idempotency, error shapes, catalogue,
// customers, and state kept across a restart.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Stripe from 'stripe';
import { startStripeTestbed, type StripeTestbed } from './spec-helpers.ts';

let bed: StripeTestbed;

beforeAll(async () => {
  bed = await startStripeTestbed();
});
afterAll(() => bed.fakes.dispose());

const email = (name: string) => `${name}-${crypto.randomUUID()}@example.test`;

async function rejection(promise: Promise<unknown>): Promise<Stripe.errors.StripeError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(Stripe.errors.StripeError);
  return error as Stripe.errors.StripeError;
}

describe('idempotency keys', () => {
  it('answers a replay with the stored answer and Idempotent-Replayed: true', async () => {
    const key = crypto.randomUUID();
    const address = email('idem');
    const first = await bed.stripe.customers.create({ email: address }, { idempotencyKey: key });
    const again = await bed.stripe.customers.create({ email: address }, { idempotencyKey: key });
    expect(again.id).toBe(first.id);
    expect(again.lastResponse.headers['idempotent-replayed']).toBe('true');
    expect(first.lastResponse.headers['idempotent-replayed']).toBeUndefined();
    const all = await bed.stripe.customers.list({ email: address });
    expect(all.data).toHaveLength(1);
  });

  it('refuses the same key with other parameters (400 idempotency_error)', async () => {
    const key = crypto.randomUUID();
    await bed.stripe.customers.create({ email: email('a') }, { idempotencyKey: key });
    const error = await rejection(
      bed.stripe.customers.create({ email: email('b') }, { idempotencyKey: key }),
    );
    expect(error).toBeInstanceOf(Stripe.errors.StripeIdempotencyError);
    expect(error.statusCode).toBe(400);
    expect(error.type).toBe('StripeIdempotencyError');
    expect(error.message).toContain('same parameters');
  });

  it('does not store a validation error, so a corrected retry is not refused', async () => {
    const key = crypto.randomUUID();
    const bad = await rejection(
      bed.stripe.prices.create({ currency: 'eur', unit_amount: 100 } as never, { idempotencyKey: key }),
    );
    expect(bad.code).toBe('parameter_missing');
    const again = await rejection(
      bed.stripe.prices.create({ currency: 'eur', unit_amount: 100 } as never, { idempotencyKey: key }),
    );
    expect(again.code).toBe('parameter_missing');
  });
});

describe('errors', () => {
  it("answers 404 resource_missing for an unknown id, with Stripe's body", async () => {
    const error = await rejection(bed.stripe.customers.retrieve('cus_doesnotexist'));
    expect(error).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(error).toMatchObject({ statusCode: 404, code: 'resource_missing', param: 'id' });
    expect((error.raw as { message: string }).message).toBe("No such customer: 'cus_doesnotexist'");

    const res = await fetch(`${bed.fakes.fakesUrl}/v1/subscriptions/sub_nope`, {
      headers: { authorization: 'Bearer sk_test_x' },
    });
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({
      error: {
        type: 'invalid_request_error',
        code: 'resource_missing',
        param: 'id',
        message: "No such subscription: 'sub_nope'",
        doc_url: 'https://stripe.com/docs/error-codes/resource-missing',
      },
    });
  });

  it('answers 400 for a missing, unknown or malformed parameter, naming it', async () => {
    const missing = await rejection(
      bed.stripe.checkout.sessions.create({ mode: 'payment', success_url: 'http://127.0.0.1/ok' }),
    );
    expect(missing).toMatchObject({ statusCode: 400, code: 'parameter_missing', param: 'line_items' });
    const unknown = await rejection(bed.stripe.customers.create({ emial: 'x@example.test' } as never));
    expect(unknown).toMatchObject({ statusCode: 400, code: 'parameter_unknown', param: 'emial' });
    const product = await bed.stripe.products.create({ name: 'Visit' });
    const malformed = await rejection(
      bed.stripe.prices.create({ product: product.id, currency: 'eur', unit_amount: 'ten' as never }),
    );
    expect(malformed).toMatchObject({
      statusCode: 400,
      code: 'parameter_invalid_integer',
      param: 'unit_amount',
    });
    const noPrice = await rejection(
      bed.stripe.checkout.sessions.create({
        mode: 'payment',
        success_url: 'http://127.0.0.1/ok',
        line_items: [{ price: 'price_nope', quantity: 1 }],
      }),
    );
    expect(noPrice).toMatchObject({
      statusCode: 400,
      code: 'resource_missing',
      param: 'line_items[0][price]',
    });
  });

  it('answers 401 without a test secret key', async () => {
    const res = await fetch(`${bed.fakes.fakesUrl}/v1/customers`);
    expect(res.status).toBe(401);
    const live = new Stripe('sk_live_nope', {
      host: '127.0.0.1',
      port: bed.port,
      protocol: 'http',
      maxNetworkRetries: 0,
    });
    const error = await rejection(live.customers.list());
    expect(error).toBeInstanceOf(Stripe.errors.StripeAuthenticationError);
  });
});

describe('catalogue and customers', () => {
  it('finds prices by lookup key and moves a key with transfer_lookup_key', async () => {
    const key = `plan_${crypto.randomUUID()}`;
    const product = await bed.stripe.products.create({ name: 'Practice plan' });
    const monthly = await bed.stripe.prices.create({
      product: product.id,
      currency: 'eur',
      unit_amount: 2900,
      recurring: { interval: 'month' },
      lookup_key: key,
    });
    expect(monthly).toMatchObject({
      object: 'price',
      type: 'recurring',
      unit_amount: 2900,
      lookup_key: key,
      recurring: { interval: 'month', interval_count: 1 },
    });
    const clash = await rejection(
      bed.stripe.prices.create({ product: product.id, currency: 'eur', unit_amount: 3100, lookup_key: key }),
    );
    expect(clash.statusCode).toBe(400);
    const moved = await bed.stripe.prices.create({
      product: product.id,
      currency: 'eur',
      unit_amount: 3100,
      lookup_key: key,
      transfer_lookup_key: true,
    });
    const found = await bed.stripe.prices.list({ lookup_keys: [key], expand: ['data.product'] });
    expect(found.data.map((p) => p.id)).toEqual([moved.id]);
    expect((found.data[0]?.product as Stripe.Product).name).toBe('Practice plan');
    expect((await bed.stripe.prices.retrieve(monthly.id)).lookup_key).toBeNull();
  });

  it('creates, updates and retrieves a customer, merging metadata', async () => {
    const customer = await bed.stripe.customers.create({
      email: email('c'),
      name: 'Pat',
      metadata: { practitioner_id: 'p1', keep: 'yes' },
    });
    expect(customer).toMatchObject({
      object: 'customer',
      livemode: false,
      name: 'Pat',
      metadata: { practitioner_id: 'p1', keep: 'yes' },
    });
    const updated = await bed.stripe.customers.update(customer.id, {
      name: 'Pat B',
      metadata: { keep: '', extra: '1' },
    });
    expect(updated.metadata).toEqual({ practitioner_id: 'p1', extra: '1' });
    expect((await bed.stripe.customers.retrieve(customer.id)) as Stripe.Customer).toMatchObject({
      name: 'Pat B',
    });
  });

  it('lists newest first with limit and starting_after', async () => {
    const product = await bed.stripe.products.create({ name: `Paged ${crypto.randomUUID()}` });
    const made: string[] = [];
    for (const amount of [100, 200, 300])
      made.push(
        (await bed.stripe.prices.create({ product: product.id, currency: 'eur', unit_amount: amount })).id,
      );
    const page1 = await bed.stripe.prices.list({ product: product.id, limit: 2 });
    expect(page1.data.map((p) => p.id)).toEqual([made[2], made[1]]);
    expect(page1.has_more).toBe(true);
    const page2 = await bed.stripe.prices.list({ product: product.id, limit: 2, starting_after: made[1] });
    expect(page2.data.map((p) => p.id)).toEqual([made[0]]);
    expect(page2.has_more).toBe(false);
  });
});

describe('persistence', () => {
  it('keeps customers and events across a restart', async () => {
    const other = await startStripeTestbed();
    const customer = await other.stripe.customers.create({ email: email('kept') });
    await other.fakes.stop();
    const again = await startStripeTestbed(other.fakes.config.dirs.root);
    try {
      expect(((await again.stripe.customers.retrieve(customer.id)) as Stripe.Customer).email).toBe(
        customer.email,
      );
      const events = await again.stripe.events.list({ type: 'customer.created' });
      expect(events.data.map((e) => (e.data.object as Stripe.Customer).id)).toContain(customer.id);
    } finally {
      await again.fakes.dispose();
    }
  });
});
