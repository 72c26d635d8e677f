// Webhooks as stripe-webhook will receive them: signed with Stripe's scheme (verified here by the
// SDK's constructEventAsync), retried on failure, paused, and replayed on demand.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type Stripe from 'stripe';
import { startReceiver, startStripeTestbed, type Receiver, type StripeTestbed } from './spec-helpers.ts';
import { stripeControl, type ControlEvent } from './control-client.ts';
import { startFakes, type FakesConfig, type RunningService } from '../index.ts';

let bed: StripeTestbed;
let receiver: Receiver;
let endpointId: string;

beforeAll(async () => {
  bed = await startStripeTestbed();
  receiver = await startReceiver();
  endpointId = (await bed.control.addWebhook(receiver.url, receiver.secret)).id;
  await bed.control.settings({ webhook_retry_delays_ms: [50, 50] });
});
afterEach(async () => {
  await bed.control.resume();
  await bed.control.idle();
});
afterAll(async () => {
  await bed.fakes.dispose();
  await receiver.close();
});

async function controlEvents(): Promise<ControlEvent[]> {
  return bed.control.events();
}

async function idle(): Promise<void> {
  await bed.control.idle();
}

const newCustomer = () => bed.stripe.customers.create({ email: `hook-${crypto.randomUUID()}@example.test` });

describe('signed webhooks', () => {
  it('delivers each event once, verified by constructEventAsync, with the SDK API version', async () => {
    const customer = await newCustomer();
    await idle();
    const got = receiver.received.filter((e) => (e.data.object as { id: string }).id === customer.id);
    expect(got).toHaveLength(1);
    expect(got[0]).toMatchObject({
      type: 'customer.created',
      object: 'event',
      livemode: false,
      api_version: (await import('stripe')).default.API_VERSION,
    });
    expect(got[0]?.id).toMatch(/^evt_/);
    const stored = await bed.stripe.events.retrieve(got[0]?.id as string);
    expect(stored.data.object).toEqual(got[0]?.data.object);
    const [record] = (await controlEvents()).filter((e) => e.id === got[0]?.id);
    expect(record?.deliveries).toEqual([
      expect.objectContaining({ endpoint: endpointId, delivered: true, attempts: 1, last_status: 200 }),
    ]);
    expect(record?.pending_webhooks).toBe(0);
  });

  it('rejects a tampered body, a wrong secret and an old timestamp', async () => {
    const customer = await newCustomer();
    await idle();
    const event = (await controlEvents()).find((e) => e.data.object.id === customer.id) as ControlEvent;
    const rejectedBefore = receiver.rejected.length;
    const tampered = await bed.control.deliver(event.id, { tamper: true });
    expect(tampered).toEqual([{ url: receiver.url, status: 400 }]);
    const wrong = await bed.control.deliver(event.id, { secret: 'whsec_wrong' });
    expect(wrong[0]?.status).toBe(400);
    const old = await bed.control.deliver(event.id, {
      timestamp: Math.floor(Date.now() / 1000) - 301,
    });
    expect(old[0]?.status).toBe(400);
    expect(receiver.rejected.slice(rejectedBefore)).toEqual([
      expect.stringContaining('No signatures found matching the expected signature'),
      expect.stringContaining('No signatures found matching the expected signature'),
      expect.stringContaining('Timestamp outside the tolerance zone'),
    ]);
  });

  it('retries a delivery that did not answer 2xx', async () => {
    receiver.failNext(2, 503);
    const customer = await newCustomer();
    await idle();
    const event = (await controlEvents()).find((e) => e.data.object.id === customer.id) as ControlEvent;
    expect(event.deliveries[0]).toMatchObject({ delivered: true, attempts: 3, last_status: 200 });
    expect(receiver.received.filter((e) => e.id === event.id)).toHaveLength(1);
  });

  it('holds events while paused (tests read them from the control API), sends them in order on resume', async () => {
    await bed.control.pause();
    const customer = await newCustomer();
    await bed.stripe.customers.update(customer.id, { name: 'Renamed' });
    const held = (await controlEvents()).filter((e) => e.data.object.id === customer.id);
    expect(held.map((e) => e.type)).toEqual(['customer.created', 'customer.updated']);
    expect(held.every((e) => e.deliveries.length === 0 && e.pending_webhooks === 1)).toBe(true);
    expect(held[1]?.data.previous_attributes).toEqual({ name: null });
    expect(receiver.received.some((e) => (e.data.object as { id: string }).id === customer.id)).toBe(false);

    await bed.control.resume();
    await idle();
    const got = receiver.received.filter((e) => (e.data.object as { id: string }).id === customer.id);
    expect(got.map((e) => e.type)).toEqual(['customer.created', 'customer.updated']);
  });

  it('re-delivers any event on demand, as many times as asked (for replay tests)', async () => {
    const customer = await newCustomer();
    await idle();
    const event = (await controlEvents()).find((e) => e.data.object.id === customer.id) as ControlEvent;
    await bed.control.deliver(event.id);
    await bed.control.deliver(event.id);
    expect(receiver.received.filter((e) => e.id === event.id)).toHaveLength(3);
  });

  it("sends a Checkout payment's events, each verifiable", async () => {
    const session: Stripe.Checkout.Session = await bed.stripe.checkout.sessions.create({
      mode: 'payment',
      line_items: [
        {
          price_data: { currency: 'eur', unit_amount: 4500, product_data: { name: 'Consultation' } },
          quantity: 1,
        },
      ],
      success_url: 'http://127.0.0.1:9000/ok',
    });
    await bed.control.pay(session.id, '4242424242424242');
    await idle();
    const completed = receiver.received.find(
      (e) => e.type === 'checkout.session.completed' && (e.data.object as { id: string }).id === session.id,
    );
    expect((completed?.data.object as Stripe.Checkout.Session).payment_status).toBe('paid');
  });
});

describe('webhooks across a restart', () => {
  it('sends, after a restart, what was left undelivered, to the endpoint the stack configures', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'carebook-stripe-'));
    const config: FakesConfig = { host: '127.0.0.1', ports: { fakes: 0, inbox: 0 }, dirs: { root } };
    const start = () =>
      startFakes(config, () => {}, { stripeWebhook: { url: receiver.url, secret: receiver.secret } });
    const stopAll = (services: RunningService[]) => Promise.all(services.map((s) => s.stop()));
    let services = await start();
    try {
      const base = services[0]?.url as string;
      await stripeControl(base).pause();
      const res = await fetch(`${base}/v1/customers`, {
        method: 'POST',
        headers: { authorization: 'Bearer sk_test_x', 'content-type': 'application/x-www-form-urlencoded' },
        body: 'email=restart%40example.test',
      });
      const customer = (await res.json()) as { id: string };
      await stopAll(services);
      expect(receiver.received.some((e) => (e.data.object as { id: string }).id === customer.id)).toBe(false);

      services = await start();
      await stripeControl(services[0]?.url as string).idle();
      expect(
        receiver.received
          .filter((e) => (e.data.object as { id: string }).id === customer.id)
          .map((e) => e.type),
      ).toEqual(['customer.created']);
    } finally {
      await stopAll(services);
      rmSync(root, { recursive: true, force: true });
    }
  });
});
