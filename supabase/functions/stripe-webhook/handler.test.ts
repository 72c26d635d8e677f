// stripe-webhook's order of work, with the real SDK's signature scheme: nothing reaches the
// database unless the signature holds for this exact body, this secret and a recent timestamp.
import assert from 'node:assert/strict';
import Stripe from 'npm:stripe@23.2.0';
import { handler, type StripeEventLike } from './handler.ts';

const secret = 'whsec_test_secret';
const stripe = new Stripe('sk_test_x', { httpClient: Stripe.createFetchHttpClient() });
const event = {
  id: 'evt_1',
  object: 'event',
  type: 'checkout.session.completed',
  created: Math.floor(Date.now() / 1000),
  data: { object: { id: 'cs_1', object: 'checkout.session', payment_status: 'paid' } },
};

function setup() {
  const applied: string[] = [];
  const serve = handler({
    verify: async (body, signature) =>
      (await stripe.webhooks.constructEventAsync(body, signature, secret, 300)) as unknown as StripeEventLike,
    refetch: async (e) => ({ ...e.data.object, refetched: true }),
    apply: async (e, object) => {
      applied.push(`${e.id}:${object?.refetched}`);
      return 'confirmed';
    },
    log: () => {},
  });
  return { serve, applied };
}

async function signed(payload: string, options: { secret?: string; timestamp?: number } = {}) {
  return await stripe.webhooks.generateTestHeaderStringAsync({
    payload,
    secret: options.secret ?? secret,
    ...(options.timestamp && { timestamp: options.timestamp }),
  });
}

const post = (body: string, signature?: string) =>
  new Request('http://x/stripe-webhook', {
    method: 'POST',
    body,
    headers: signature ? { 'stripe-signature': signature } : {},
  });

Deno.test('applies a correctly signed event once, with the object read again', async () => {
  const { serve, applied } = setup();
  const body = JSON.stringify(event);
  const res = await serve(post(body, await signed(body)));
  assert.equal(res.status, 200);
  assert.deepEqual(await res.json(), { received: true, outcome: 'confirmed' });
  assert.deepEqual(applied, ['evt_1:true']);
});

Deno.test(
  'refuses a tampered body, a wrong secret, an old timestamp and a missing header, touching nothing',
  async () => {
    const { serve, applied } = setup();
    const body = JSON.stringify(event);
    const tampered = body.replace('"paid"', '"unpaid"');
    const cases = [
      post(tampered, await signed(body)),
      post(body, await signed(body, { secret: 'whsec_other' })),
      post(body, await signed(body, { timestamp: Math.floor(Date.now() / 1000) - 301 })),
      post(body),
    ];
    for (const req of cases) {
      const res = await serve(req);
      assert.equal(res.status, 400);
      assert.equal(((await res.json()) as { error: { code: string } }).error.code, 'signature_invalid');
    }
    assert.deepEqual(applied, []);
  },
);

Deno.test('answers 500 when the database fails, so Stripe sends the event again', async () => {
  const serve = handler({
    verify: async () => event as StripeEventLike,
    refetch: async () => null,
    apply: () => Promise.reject(new Error('db down')),
    log: () => {},
  });
  const res = await serve(post('{}', 't=1,v1=x'));
  assert.equal(res.status, 500);
});

Deno.test('accepts only POST', async () => {
  const { serve } = setup();
  assert.equal((await serve(new Request('http://x/stripe-webhook'))).status, 405);
});
