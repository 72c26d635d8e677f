// checkout: a patient pays a held appointment. The database decides first (begin_checkout, as the
// patient: theirs, still held, the hold stretched to Stripe's 30-minute minimum); then one
// Checkout Session per payment (idempotency key `checkout-<payment id>`), whose expiry is the
// hold's. Only Stripe's webhook confirms the appointment.
//   POST /checkout { appointment_id } -> 200 { url, payment_id }
import {
  apiError,
  fromDbError,
  internalError,
  methodNotAllowed,
  notAuthenticated,
} from '../_shared/api-error.ts';
import { customerOf } from '../_shared/billing-customer.ts';
import { preflight } from '../_shared/cors.ts';
import { bearerToken, json } from '../_shared/http.ts';
import { stripeClient } from '../_shared/stripe.ts';
import { requireEnv, serviceClient, userClient } from '../_shared/supabase.ts';

const stripe = stripeClient();
const appUrl = requireEnv('BOOKING_APP_URL').replace(/\/+$/, '');
const log = (line: string) => console.error(line);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

Deno.serve(async (req) => {
  const early = preflight(req);
  if (early) return early;
  if (req.method !== 'POST') return methodNotAllowed(['POST']);
  const jwt = bearerToken(req);
  if (!jwt) return notAuthenticated();
  let appointmentId: unknown;
  try {
    appointmentId = ((await req.json()) as { appointment_id?: unknown })?.appointment_id;
  } catch {
    return apiError(400, { code: 'invalid_json', message: 'Send { "appointment_id": "<uuid>" }.' });
  }
  if (typeof appointmentId !== 'string' || !UUID.test(appointmentId)) {
    return apiError(400, {
      code: 'invalid_input',
      message: 'appointment_id must be a UUID.',
      fields: { appointment_id: 'invalid' },
    });
  }
  try {
    const me = userClient(jwt);
    const begun = await me.rpc('begin_checkout', { p_appointment_id: appointmentId });
    if (begun.error) return fromDbError(begun.error, { fn: 'checkout', log });
    const payment = begun.data as {
      id: string;
      amount_cents: number;
      currency: string;
      checkout_expires_at: string;
      checkout_session_id: string | null;
      checkout_url: string | null;
      patient_id: string;
    };
    if (payment.checkout_url) return json({ url: payment.checkout_url, payment_id: payment.id });

    const details = await me
      .from('appointments')
      .select(
        'starts_at, consultation_types(name_fr, name_en), practitioners(display_name), profiles!appointments_patient_id_fkey(email, full_name, locale)',
      )
      .eq('id', appointmentId)
      .single();
    if (details.error) return fromDbError(details.error, { fn: 'checkout', log });
    const d = details.data as unknown as {
      consultation_types: { name_fr: string; name_en: string | null };
      practitioners: { display_name: string };
      profiles: { email: string | null; full_name: string | null; locale: 'fr' | 'en' };
    };
    const admin = serviceClient();
    const customer = await customerOf(admin, stripe, {
      id: payment.patient_id,
      email: d.profiles.email,
      fullName: d.profiles.full_name,
    });
    const name =
      d.profiles.locale === 'en'
        ? (d.consultation_types.name_en ?? d.consultation_types.name_fr)
        : d.consultation_types.name_fr;
    const session = await stripe.checkout.sessions.create(
      {
        mode: 'payment',
        customer,
        locale: d.profiles.locale,
        line_items: [
          {
            quantity: 1,
            price_data: {
              currency: payment.currency.toLowerCase(),
              unit_amount: payment.amount_cents,
              product_data: { name: `${name} · ${d.practitioners.display_name}` },
            },
          },
        ],
        expires_at: Math.floor(Date.parse(payment.checkout_expires_at) / 1000),
        client_reference_id: appointmentId,
        metadata: { payment_id: payment.id, appointment_id: appointmentId },
        payment_intent_data: { metadata: { payment_id: payment.id, appointment_id: appointmentId } },
        success_url: `${appUrl}/appointments/${appointmentId}?payment=done&session={CHECKOUT_SESSION_ID}`,
        cancel_url: `${appUrl}/appointments/${appointmentId}?payment=cancelled`,
      },
      { idempotencyKey: `checkout-${payment.id}` },
    );
    const saved = await admin.rpc('record_checkout_session', {
      p_payment_id: payment.id,
      p_session_id: session.id,
      p_url: session.url,
    });
    if (saved.error) throw new Error(`record_checkout_session: ${saved.error.message}`);
    return json({ url: session.url, payment_id: payment.id });
  } catch (error) {
    return internalError(log, 'checkout', error);
  }
});
