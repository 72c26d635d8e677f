// Appointments: booking, cancelling and moving them (one RPC each, where the database decides and
// refuses with a code), and the lists patients and practitioners read.
import {
  TEXT_LIMITS,
  type AppointmentActor,
  type AppointmentStatus,
  type ConsultationMode,
  type Tables,
} from '@carebook/domain';
import type { CarebookClient } from './client.ts';
import { currentUserId, refuse, runMapped } from './query.ts';
import type { Result } from './result.ts';

export interface Appointment {
  id: string;
  practitionerId: string;
  patientId: string;
  consultationTypeId: string;
  startsAt: string;
  endsAt: string;
  status: AppointmentStatus;
  /** Until when a held (unpaid) appointment keeps its time. */
  holdExpiresAt: string | null;
  mode: ConsultationMode;
  priceCents: number;
  currency: string;
  cancelledAt: string | null;
  cancelledBy: AppointmentActor | null;
  cancelReason: string | null;
}

type AppointmentRow = Pick<
  Tables<'appointments'>,
  | 'id'
  | 'practitioner_id'
  | 'patient_id'
  | 'consultation_type_id'
  | 'starts_at'
  | 'ends_at'
  | 'status'
  | 'hold_expires_at'
  | 'mode'
  | 'price_cents'
  | 'currency'
  | 'cancelled_at'
  | 'cancelled_by_role'
  | 'cancel_reason'
>;

const iso = (t: string) => new Date(t).toISOString();
const isoOrNull = (t: string | null) => (t === null ? null : iso(t));

export function toAppointment(r: AppointmentRow): Appointment {
  return {
    id: r.id,
    practitionerId: r.practitioner_id,
    patientId: r.patient_id,
    consultationTypeId: r.consultation_type_id,
    startsAt: iso(r.starts_at),
    endsAt: iso(r.ends_at),
    status: r.status,
    holdExpiresAt: isoOrNull(r.hold_expires_at),
    mode: r.mode,
    priceCents: r.price_cents,
    currency: r.currency,
    cancelledAt: isoOrNull(r.cancelled_at),
    cancelledBy: r.cancelled_by_role,
    cancelReason: r.cancel_reason,
  };
}

const COLUMNS =
  'id, practitioner_id, patient_id, consultation_type_id, starts_at, ends_at, status, hold_expires_at, mode, price_cents, currency, cancelled_at, cancelled_by_role, cancel_reason';

export interface BookingRequest {
  practitionerId: string;
  consultationTypeId: string;
  startsAt: string;
  /** The same key sent again (a retried click, a lost answer) returns the same appointment. */
  idempotencyKey?: string;
}

/** held while a paid type waits for payment, else confirmed; refusals say why (slot_taken...). */
export function bookAppointment(
  client: CarebookClient,
  request: BookingRequest,
): Promise<Result<Appointment>> {
  if ((request.idempotencyKey?.length ?? 0) > TEXT_LIMITS.idempotencyKey) {
    return Promise.resolve(refuse('text_too_long', 'idempotency key too long'));
  }
  return runMapped(
    client.rpc('book_appointment', {
      p_practitioner_id: request.practitionerId,
      p_consultation_type_id: request.consultationTypeId,
      p_starts_at: request.startsAt,
      ...(request.idempotencyKey && { p_idempotency_key: request.idempotencyKey }),
    }),
    'booking',
    toAppointment,
  );
}

/** Patients until the type's cut-off; practitioners and staff any time, with a reason. */
export function cancelAppointment(
  client: CarebookClient,
  appointmentId: string,
  reason?: string,
): Promise<Result<Appointment>> {
  if ((reason?.length ?? 0) > TEXT_LIMITS.cancelReason) {
    return Promise.resolve(refuse('text_too_long', `reason over ${TEXT_LIMITS.cancelReason} characters`));
  }
  return runMapped(
    client.rpc('cancel_appointment', {
      p_appointment_id: appointmentId,
      ...(reason?.trim() && { p_reason: reason.trim() }),
    }),
    `appointment ${appointmentId}`,
    toAppointment,
  );
}

/** Same appointment, new time: the old time is freed only if the new one is taken. */
export function rescheduleAppointment(
  client: CarebookClient,
  appointmentId: string,
  startsAt: string,
): Promise<Result<Appointment>> {
  return runMapped(
    client.rpc('reschedule_appointment', { p_appointment_id: appointmentId, p_starts_at: startsAt }),
    `appointment ${appointmentId}`,
    toAppointment,
  );
}

export interface PatientAppointment extends Appointment {
  practitioner: { slug: string; displayName: string; timeZone: string; address: string | null };
  consultationName: { fr: string; en: string | null };
  /** Patients may cancel or move it online until this many hours before it starts. */
  cancelCutoffHours: number;
  /** Where a confirmed video appointment takes place (Google Meet or Jitsi); null until it has one. */
  videoUrl: string | null;
  /** The client company paying for it, if any (then there is no payment). */
  sponsorCompanyId: string | null;
}

const PATIENT_COLUMNS = `${COLUMNS}, video_url, sponsor_company_id, practitioners(slug, display_name, time_zone, formatted_address), consultation_types(name_fr, name_en, cancel_cutoff_hours)`;

type PatientRow = AppointmentRow & {
  video_url: string | null;
  sponsor_company_id: string | null;
  practitioners: {
    slug: string;
    display_name: string;
    time_zone: string;
    formatted_address: string | null;
  } | null;
  consultation_types: { name_fr: string; name_en: string | null; cancel_cutoff_hours: number } | null;
};

function toPatientAppointment(r: PatientRow): PatientAppointment {
  return {
    ...toAppointment(r),
    practitioner: {
      slug: r.practitioners?.slug ?? '',
      displayName: r.practitioners?.display_name ?? '',
      timeZone: r.practitioners?.time_zone ?? 'Europe/Paris',
      address: r.practitioners?.formatted_address ?? null,
    },
    consultationName: {
      fr: r.consultation_types?.name_fr ?? '',
      en: r.consultation_types?.name_en ?? null,
    },
    cancelCutoffHours: r.consultation_types?.cancel_cutoff_hours ?? 24,
    videoUrl: r.video_url,
    sponsorCompanyId: r.sponsor_company_id,
  };
}

/** The signed-in patient's appointments: upcoming soonest first, or past latest first. */
export async function listMyAppointments(
  client: CarebookClient,
  options: { when: 'upcoming' | 'past'; limit?: number; offset?: number; now?: Date },
): Promise<Result<PatientAppointment[]>> {
  const me = await currentUserId(client);
  if (!me.ok) return me;
  const now = (options.now ?? new Date()).toISOString();
  const limit = options.limit ?? 20;
  const offset = options.offset ?? 0;
  let query = client.from('appointments').select(PATIENT_COLUMNS).eq('patient_id', me.data);
  query =
    options.when === 'upcoming'
      ? query.gte('ends_at', now).order('starts_at', { ascending: true })
      : query.lt('ends_at', now).order('starts_at', { ascending: false });
  return runMapped(query.order('id').range(offset, offset + limit - 1), 'my appointments', (rows) =>
    (rows as unknown as PatientRow[]).map(toPatientAppointment),
  );
}

/** One of the signed-in patient's appointments (RLS hides everyone else's: not_found). */
export function getMyAppointment(
  client: CarebookClient,
  appointmentId: string,
): Promise<Result<PatientAppointment>> {
  return runMapped(
    client.from('appointments').select(PATIENT_COLUMNS).eq('id', appointmentId).maybeSingle(),
    `appointment ${appointmentId}`,
    (row) => toPatientAppointment(row as unknown as PatientRow),
  );
}

export interface CalendarAppointment extends Appointment {
  patient: { fullName: string | null; email: string | null };
  consultationName: { fr: string; en: string | null };
  videoUrl: string | null;
  /** Its Google Calendar event was moved or deleted in Google: the practitioner decides. */
  needsAttention: 'moved_in_google' | 'deleted_in_google' | null;
}

/** The signed-in practitioner's appointments that overlap [from, to), for the calendar. */
export async function listPractitionerAppointments(
  client: CarebookClient,
  window: { from: string; to: string },
): Promise<Result<CalendarAppointment[]>> {
  const me = await currentUserId(client);
  if (!me.ok) return me;
  const query = client
    .from('appointments')
    .select(
      `${COLUMNS}, video_url, needs_attention, profiles!appointments_patient_id_fkey(full_name, email), consultation_types(name_fr, name_en)`,
    )
    .eq('practitioner_id', me.data)
    .lt('starts_at', window.to)
    .gt('ends_at', window.from)
    .order('starts_at')
    .order('id');
  return runMapped(query, 'calendar', (rows) =>
    rows.map((r) => ({
      ...toAppointment(r),
      patient: { fullName: r.profiles?.full_name ?? null, email: r.profiles?.email ?? null },
      consultationName: {
        fr: r.consultation_types?.name_fr ?? '',
        en: r.consultation_types?.name_en ?? null,
      },
      videoUrl: r.video_url,
      needsAttention:
        r.needs_attention === 'moved_in_google' || r.needs_attention === 'deleted_in_google'
          ? r.needs_attention
          : null,
    })),
  );
}
