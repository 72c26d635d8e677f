// stripe-webhook: Stripe's events, verified and applied once. Order of work:
// 1. the signature, on the raw body, with a 300 s tolerance, before anything else (a bad one
//    answers 400 and touches nothing);
// 2. the event's object read again from Stripe when it has one we keep state from (sessions,
//    subscriptions, refunds): then a late or repeated event can only bring the current state;
// 3. one call to apply_stripe_event, one transaction: the event id is recorded once (a duplicate
//    answers 200 and does nothing) and every side effect goes through the outbox.
//   POST /stripe-webhook -> 200 { received: true, outcome }
import { apiError, internalError, methodNotAllowed } from '../_shared/api-error.ts';
import { json } from '../_shared/http.ts';

export interface StripeEventLike {
  id: string;
  type: string;
  created: number;
  data: {
    object: { id?: string; object?: string; payment_intent?: string | null } & Record<string, unknown>;
  };
}

export interface WebhookDeps {
  /** Throws when the signature, secret or timestamp does not hold (Stripe's constructEventAsync). */
  verify(rawBody: string, signature: string): Promise<StripeEventLike>;
  /** The object as Stripe has it now, or null when the event's own copy must do. */
  refetch(event: StripeEventLike): Promise<Record<string, unknown> | null>;
  apply(event: StripeEventLike, object: Record<string, unknown> | null, readAt: string): Promise<string>;
  now?: () => Date;
  log?: (line: string) => void;
}

export function handler(deps: WebhookDeps): (req: Request) => Promise<Response> {
  const log = deps.log ?? console.error;
  const now = deps.now ?? (() => new Date());
  return async (req) => {
    if (req.method !== 'POST') return methodNotAllowed(['POST']);
    const signature = req.headers.get('stripe-signature');
    const rawBody = await req.text();
    if (!signature) {
      return apiError(400, { code: 'signature_invalid', message: 'Stripe-Signature header missing.' });
    }
    let event: StripeEventLike;
    try {
      event = await deps.verify(rawBody, signature);
    } catch (error) {
      log(`stripe-webhook: refused: ${error instanceof Error ? error.message : String(error)}`);
      return apiError(400, { code: 'signature_invalid', message: 'The signature does not match this body.' });
    }
    try {
      const readAt = now().toISOString();
      const object = await deps.refetch(event);
      const outcome = await deps.apply(event, object, readAt);
      log(`stripe-webhook: ${event.id} ${event.type}: ${outcome}`);
      return json({ received: true, outcome });
    } catch (error) {
      // 500: Stripe delivers the event again later; nothing was recorded for it.
      return internalError(log, 'stripe-webhook', error);
    }
  };
}
