// Wiring only: the logic and its tests are in handler.ts.
import { roleOf } from '../_shared/service-caller.ts';
import { stripeClient } from '../_shared/stripe.ts';
import { serviceClient } from '../_shared/supabase.ts';
import { handler, type DueAction } from './handler.ts';

const stripe = stripeClient();
const db = serviceClient();

Deno.serve(
  handler({
    async due(limit) {
      const { data, error } = await db.rpc('payments_due', { p_limit: limit });
      if (error) throw new Error(`payments_due: ${error.message}`);
      return data as DueAction[];
    },
    async refund(a) {
      const refund = await stripe.refunds.create(
        {
          payment_intent: a.payment_intent_id!,
          reason: 'requested_by_customer',
          metadata: { payment_id: a.payment_id },
        },
        { idempotencyKey: `refund-${a.payment_id}` },
      );
      return { id: refund.id, status: refund.status ?? 'pending' };
    },
    async expire(sessionId) {
      const session = await stripe.checkout.sessions.retrieve(sessionId);
      if (session.status === 'open') await stripe.checkout.sessions.expire(sessionId);
    },
    async record(paymentId, action, outcome) {
      const { error } = await db.rpc('record_payment_action', {
        p_payment_id: paymentId,
        p_action: action,
        p_refund_id: outcome.refundId ?? null,
        p_refund_status: outcome.refundStatus ?? null,
        p_error: outcome.error ?? null,
      });
      if (error) throw new Error(`record_payment_action: ${error.message}`);
    },
    roleOf,
  }),
);
