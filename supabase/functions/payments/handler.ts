// payments: the job that makes the Stripe calls the database queued (run every minute, callable
// by tests). A refund carries the idempotency key `refund-<payment id>`, so a job that dies after
// Stripe answered and before the answer was recorded asks again and gets the same refund.
// Expiring a Checkout Session whose hold was released stops it taking money.
//   POST /payments -> 200 { refunds, expired, failed }
import { apiError, internalError, methodNotAllowed, notAuthenticated } from '../_shared/api-error.ts';
import { bearerToken, json } from '../_shared/http.ts';

export interface DueAction {
  payment_id: string;
  action: 'refund' | 'expire';
  payment_intent_id: string | null;
  checkout_session_id: string | null;
  amount_cents: number;
}

export interface PaymentsDeps {
  due(limit: number): Promise<DueAction[]>;
  refund(a: DueAction): Promise<{ id: string; status: string }>;
  /** Resolves when the session is expired (or already closed: nothing left to stop). */
  expire(sessionId: string): Promise<void>;
  record(
    paymentId: string,
    action: DueAction['action'],
    outcome: { refundId?: string; refundStatus?: string; error?: string },
  ): Promise<void>;
  roleOf(jwt: string): string | null;
  log?: (line: string) => void;
}

export function handler(deps: PaymentsDeps): (req: Request) => Promise<Response> {
  const log = deps.log ?? console.error;
  return async (req) => {
    if (req.method !== 'POST') return methodNotAllowed(['POST']);
    const jwt = bearerToken(req);
    if (!jwt) return notAuthenticated();
    if (deps.roleOf(jwt) !== 'service_role') {
      return apiError(403, { code: 'forbidden', message: 'Only the scheduler may run payments.' });
    }
    try {
      const counts = { refunds: 0, expired: 0, failed: 0 };
      for (const a of await deps.due(50)) {
        try {
          if (a.action === 'refund') {
            const refund = await deps.refund(a);
            await deps.record(a.payment_id, 'refund', { refundId: refund.id, refundStatus: refund.status });
            counts.refunds++;
          } else if (a.checkout_session_id) {
            await deps.expire(a.checkout_session_id);
            await deps.record(a.payment_id, 'expire', {});
            counts.expired++;
          }
        } catch (error) {
          // Kept on the payment for staff to see; the next tick tries again.
          const message = error instanceof Error ? error.message : String(error);
          log(`payments: ${a.action} of ${a.payment_id} failed: ${message}`);
          await deps.record(a.payment_id, a.action, { error: `${a.action}: ${message}` });
          counts.failed++;
        }
      }
      return json(counts);
    } catch (error) {
      return internalError(log, 'payments', error);
    }
  };
}
