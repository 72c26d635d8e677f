// Wiring only: the order of work and its tests are in handler.ts. Runs without a user JWT
// (verify_jwt = false in config.toml): Stripe signs its calls instead.
import { isMissing, stripeClient } from '../_shared/stripe.ts';
import { requireEnv, serviceClient } from '../_shared/supabase.ts';
import { handler, type StripeEventLike } from './handler.ts';

const stripe = stripeClient();
const db = serviceClient();
const secret = requireEnv('STRIPE_WEBHOOK_SECRET');

async function current(event: StripeEventLike): Promise<Record<string, unknown> | null> {
  const object = event.data.object;
  const id = object.id;
  if (!id) return null;
  if (object.object === 'checkout.session') {
    // The charge's receipt comes with the intent: patients find it among their payments.
    return (await stripe.checkout.sessions.retrieve(id, {
      expand: ['payment_intent.latest_charge'],
    })) as never;
  }
  if (object.object === 'subscription') return (await stripe.subscriptions.retrieve(id)) as never;
  if (object.object === 'refund') return (await stripe.refunds.retrieve(id)) as never;
  if (object.object === 'charge' && object.payment_intent) {
    // A charge no longer lists its refunds (API 2022-11-15 and later): ask for them.
    const refunds = await stripe.refunds.list({ payment_intent: String(object.payment_intent), limit: 100 });
    return { ...object, refunds: { data: refunds.data } };
  }
  return null;
}

Deno.serve(
  handler({
    verify: async (rawBody, signature) =>
      (await stripe.webhooks.constructEventAsync(
        rawBody,
        signature,
        secret,
        300,
      )) as unknown as StripeEventLike,
    async refetch(event) {
      try {
        return await current(event);
      } catch (error) {
        if (isMissing(error)) return null;
        throw error;
      }
    },
    async apply(event, object, readAt) {
      const { data, error } = await db.rpc('apply_stripe_event', {
        p_event: event,
        p_object: object,
        p_read_at: readAt,
      });
      if (error) throw new Error(`apply_stripe_event: ${error.message}`);
      return data as string;
    },
  }),
);
