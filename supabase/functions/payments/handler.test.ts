// The payments job with fake deps: each queued action goes to Stripe once per tick, its answer is
// recorded, and a failure is kept on the payment without stopping the others.
import assert from 'node:assert/strict';
import { type DueAction, handler, type PaymentsDeps } from './handler.ts';

const refund: DueAction = {
  payment_id: 'p1',
  action: 'refund',
  payment_intent_id: 'pi_1',
  checkout_session_id: 'cs_1',
  amount_cents: 6000,
};
const expire: DueAction = {
  payment_id: 'p2',
  action: 'expire',
  payment_intent_id: null,
  checkout_session_id: 'cs_2',
  amount_cents: 6000,
};
const broken: DueAction = { ...refund, payment_id: 'p3', payment_intent_id: 'pi_3' };

function fake(overrides: Partial<PaymentsDeps> = {}) {
  const calls: string[] = [];
  const deps: PaymentsDeps = {
    due: async () => [refund, broken, expire],
    refund: async (a) => {
      calls.push(`refund ${a.payment_intent_id}`);
      if (a.payment_id === 'p3') throw new Error('Stripe 500');
      return { id: `re_${a.payment_id}`, status: 'succeeded' };
    },
    expire: async (id) => {
      calls.push(`expire ${id}`);
    },
    record: async (id, action, outcome) => {
      calls.push(`record ${id} ${action} ${JSON.stringify(outcome)}`);
    },
    roleOf: (jwt) => (jwt === 'service' ? 'service_role' : 'authenticated'),
    log: () => {},
    ...overrides,
  };
  return { serve: handler(deps), calls };
}

const post = (jwt?: string) =>
  new Request('http://x/payments', {
    method: 'POST',
    headers: jwt ? { Authorization: `Bearer ${jwt}` } : {},
  });

Deno.test(
  'asks Stripe once per queued action and records each answer; a failure stays on its payment',
  async () => {
    const { serve, calls } = fake();
    const res = await serve(post('service'));
    assert.equal(res.status, 200);
    assert.deepEqual(await res.json(), { refunds: 1, expired: 1, failed: 1 });
    assert.deepEqual(calls, [
      'refund pi_1',
      'record p1 refund {"refundId":"re_p1","refundStatus":"succeeded"}',
      'refund pi_3',
      'record p3 refund {"error":"refund: Stripe 500"}',
      'expire cs_2',
      'record p2 expire {}',
    ]);
  },
);

Deno.test('is the scheduler only', async () => {
  const { serve, calls } = fake();
  assert.equal((await serve(post())).status, 401);
  assert.equal((await serve(post('user'))).status, 403);
  assert.equal((await serve(new Request('http://x/payments'))).status, 405);
  assert.deepEqual(calls, []);
});

Deno.test('answers 500 when the queue cannot be read', async () => {
  const { serve } = fake({ due: () => Promise.reject(new Error('db down')) });
  assert.equal((await serve(post('service'))).status, 500);
});
