// A patient's consultation payments (public.payments, their own rows under RLS), with the
// appointment and practitioner they pay for; and starting the payment of a held appointment.
import type { Enums } from '@carebook/domain';
import type { CarebookClient } from './client.ts';
import { callFunction } from './functions.ts';
import { currentUserId, runMapped, type RowsOf } from './query.ts';
import type { Result } from './result.ts';

export type PaymentStatus = Enums<'payment_status'>;

export interface PatientPayment {
  id: string;
  appointmentId: string;
  amountCents: number;
  currency: string;
  status: PaymentStatus;
  paidAt: string | null;
  refundedAt: string | null;
  receiptUrl: string | null;
  createdAt: string;
  appointment: { startsAt: string; status: Enums<'appointment_status'> } | null;
  practitioner: { displayName: string; timeZone: string } | null;
}

const COLUMNS =
  'id, appointment_id, amount_cents, currency, status, paid_at, refunded_at, receipt_url, created_at, appointments(starts_at, status), practitioners(display_name, time_zone)';

const iso = (t: string) => new Date(t).toISOString();
const isoOrNull = (t: string | null) => (t === null ? null : iso(t));

type PaymentRow = RowsOf<ReturnType<typeof paymentsQuery>>[number];

const paymentsQuery = (client: CarebookClient) => client.from('payments').select(COLUMNS);

function toPatientPayment(r: PaymentRow): PatientPayment {
  return {
    id: r.id,
    appointmentId: r.appointment_id,
    amountCents: r.amount_cents,
    currency: r.currency,
    status: r.status,
    paidAt: isoOrNull(r.paid_at),
    refundedAt: isoOrNull(r.refunded_at),
    receiptUrl: r.receipt_url,
    createdAt: iso(r.created_at),
    appointment: r.appointments
      ? { startsAt: iso(r.appointments.starts_at), status: r.appointments.status }
      : null,
    practitioner: r.practitioners
      ? { displayName: r.practitioners.display_name, timeZone: r.practitioners.time_zone }
      : null,
  };
}

/** The signed-in patient's payments, newest first. */
export async function listMyPayments(
  client: CarebookClient,
  options: { limit?: number; offset?: number } = {},
): Promise<Result<PatientPayment[]>> {
  const me = await currentUserId(client);
  if (!me.ok) return me;
  const limit = options.limit ?? 50;
  const offset = options.offset ?? 0;
  const query = paymentsQuery(client)
    .eq('patient_id', me.data)
    .order('created_at', { ascending: false })
    .order('id')
    .range(offset, offset + limit - 1);
  return runMapped(query, 'my payments', (rows) => rows.map(toPatientPayment));
}

/** A Checkout page for a held appointment (`hold_expired`, `payment_closed` when too late). */
export function startAppointmentCheckout(
  client: CarebookClient,
  appointmentId: string,
): Promise<Result<string>> {
  return callFunction(
    client,
    'checkout',
    { method: 'POST', body: { appointment_id: appointmentId } },
    (data) =>
      typeof data === 'object' && data !== null && typeof (data as { url?: unknown }).url === 'string'
        ? (data as { url: string }).url
        : null,
  );
}
