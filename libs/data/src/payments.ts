// Paying a held appointment: the `checkout` edge function opens (or reuses) a Stripe Checkout
// Session and answers its URL; only Stripe's webhook confirms the appointment afterwards
// (decision 0018). Receipts are read from public.payments, which RLS limits to the payer.
import type { DbEnum } from '@carebook/domain';
import type { CarebookClient } from './client.ts';
import { mapFunctionError, mapUnknownError } from './errors.ts';
import { runMapped } from './query.ts';
import { fail, ok, type Result } from './result.ts';

export interface CheckoutStart {
  /** Stripe's hosted payment page: send the browser there. */
  url: string;
  paymentId: string;
}

/** Opens the payment page of a held appointment; `payment_closed` once paid or released. */
export async function startCheckout(
  client: CarebookClient,
  appointmentId: string,
): Promise<Result<CheckoutStart>> {
  try {
    const { data: auth } = await client.auth.getSession();
    if (!auth.session) return fail({ code: 'not_authenticated', message: 'no session' });
    // Plain fetch through the client's own fetch settings would hide the body of a refusal;
    // functions.invoke keeps the Response in `error.context`, read below.
    const { data, error } = await client.functions.invoke<{ url: string; payment_id: string }>('checkout', {
      body: { appointment_id: appointmentId },
    });
    if (error) {
      const response = (error as { context?: unknown }).context;
      if (response instanceof Response) {
        const body: unknown = await response.json().catch(() => null);
        return fail(mapFunctionError(body, response.status));
      }
      return fail(mapUnknownError(error));
    }
    if (!data || typeof data.url !== 'string')
      return fail({ code: 'unexpected_data', message: 'checkout answered no url' });
    return ok({ url: data.url, paymentId: data.payment_id });
  } catch (error) {
    return fail(mapUnknownError(error));
  }
}

export interface PaymentSummary {
  appointmentId: string;
  status: DbEnum<'payment_status'>;
  amountCents: number;
  currency: string;
  paidAt: string | null;
  receiptUrl: string | null;
}

/** The signed-in patient's payments of these appointments (RLS: their own only). */
export function listMyPayments(
  client: CarebookClient,
  appointmentIds: string[],
): Promise<Result<PaymentSummary[]>> {
  if (appointmentIds.length === 0) return Promise.resolve(ok([]));
  return runMapped(
    client
      .from('payments')
      .select('appointment_id, status, amount_cents, currency, paid_at, receipt_url, created_at')
      .in('appointment_id', appointmentIds)
      .order('created_at', { ascending: false }),
    'payments',
    (rows) =>
      rows.map((r) => ({
        appointmentId: r.appointment_id,
        status: r.status,
        amountCents: r.amount_cents,
        currency: r.currency,
        paidAt: r.paid_at,
        receiptUrl: r.receipt_url,
      })),
  );
}
