// The practitioner's calendar: everything one visible range draws, read in one request
// (practitioner_calendar), and the calendar's own writes: how an appointment ended, and moving
// or resizing a time-off or extra-opening block.
import {
  formatInstantRange,
  type AppointmentStatus,
  type ConsultationMode,
  type ExceptionKind,
  type InstantRange,
} from '@carebook/domain';
import type { CarebookClient } from './client.ts';
import { toAppointment, type Appointment } from './appointments.ts';
import { runMapped } from './query.ts';
import { fail, ok, type Result } from './result.ts';

export interface CalendarType {
  id: string;
  name: { fr: string; en: string | null };
  durationMinutes: number;
  mode: ConsultationMode;
  active: boolean;
  /** Position among the practitioner's types, oldest first: picks the type's colour. */
  ordinal: number;
}

export interface CalendarBooking {
  id: string;
  startsAt: string;
  endsAt: string;
  status: AppointmentStatus;
  holdExpiresAt: string | null;
  mode: ConsultationMode;
  priceCents: number;
  currency: string;
  consultationTypeId: string;
  bookedAt: string;
  /** A client company pays for it (no payment from the patient). */
  sponsored: boolean;
  paymentStatus: string | null;
  /** Meet (Google connected) or Jitsi room; null until confirmed, or for other modes. */
  videoUrl: string | null;
  /** Set when the event was moved or deleted in Google: the appointment itself is unchanged. */
  needsAttention: 'moved_in_google' | 'deleted_in_google' | null;
  patient: { id: string; fullName: string | null; email: string | null; phone: string | null };
}

export interface CalendarBlock extends InstantRange {
  id: string;
  kind: ExceptionKind;
  note: string | null;
}

export interface CalendarBusy extends InstantRange {
  id: string;
  source: string;
}

export interface PractitionerCalendar {
  timeZone: string;
  types: CalendarType[];
  appointments: CalendarBooking[];
  exceptions: CalendarBlock[];
  busy: CalendarBusy[];
}

/** The widest range one request may ask for (a month view shows six weeks). */
export const CALENDAR_WINDOW_MAX_DAYS = 62;

const iso = (t: string) => new Date(t).toISOString();
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const strOrNull = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const list = (v: unknown): Record<string, unknown>[] => (Array.isArray(v) ? v.filter(isObject) : []);

/** The RPC's JSON in the app's shape; null when it is not the object the function returns. */
export function toPractitionerCalendar(json: unknown): PractitionerCalendar | null {
  if (!isObject(json) || typeof json.time_zone !== 'string') return null;
  return {
    timeZone: json.time_zone,
    types: list(json.types).map((t) => ({
      id: str(t.id),
      name: { fr: str(t.name_fr), en: strOrNull(t.name_en) },
      durationMinutes: Number(t.duration_minutes),
      mode: t.mode as ConsultationMode,
      active: t.active === true,
      ordinal: Number(t.ordinal),
    })),
    appointments: list(json.appointments).map((a) => {
      const p = isObject(a.patient) ? a.patient : {};
      return {
        id: str(a.id),
        startsAt: iso(str(a.starts_at)),
        endsAt: iso(str(a.ends_at)),
        status: a.status as AppointmentStatus,
        holdExpiresAt: a.hold_expires_at ? iso(str(a.hold_expires_at)) : null,
        mode: a.mode as ConsultationMode,
        priceCents: Number(a.price_cents),
        currency: str(a.currency),
        consultationTypeId: str(a.consultation_type_id),
        bookedAt: iso(str(a.booked_at)),
        sponsored: a.sponsored === true,
        paymentStatus: strOrNull(a.payment_status),
        videoUrl: strOrNull(a.video_url),
        needsAttention:
          a.needs_attention === 'moved_in_google' || a.needs_attention === 'deleted_in_google'
            ? a.needs_attention
            : null,
        patient: {
          id: str(p.id),
          fullName: strOrNull(p.full_name),
          email: strOrNull(p.email),
          phone: strOrNull(p.phone),
        },
      };
    }),
    exceptions: list(json.exceptions).map((e) => ({
      id: str(e.id),
      kind: e.kind as ExceptionKind,
      from: iso(str(e.starts_at)),
      to: iso(str(e.ends_at)),
      note: strOrNull(e.note),
    })),
    busy: list(json.busy).map((b) => ({
      id: str(b.id),
      source: str(b.source),
      from: iso(str(b.starts_at)),
      to: iso(str(b.ends_at)),
    })),
  };
}

/** The signed-in practitioner's calendar for [from, to): one request, whatever the view. */
export async function getPractitionerCalendar(
  client: CarebookClient,
  window: InstantRange,
): Promise<Result<PractitionerCalendar>> {
  const span = Date.parse(window.to) - Date.parse(window.from);
  if (!(span > 0)) return fail({ code: 'invalid_window', message: 'the window ends before it starts' });
  if (span > CALENDAR_WINDOW_MAX_DAYS * 86_400_000) {
    return fail({ code: 'window_too_wide', message: `at most ${CALENDAR_WINDOW_MAX_DAYS} days` });
  }
  const answer = await runMapped(
    client.rpc('practitioner_calendar', { p_from: window.from, p_to: window.to }),
    'calendar',
    toPractitionerCalendar,
  );
  if (!answer.ok) return answer;
  return answer.data
    ? ok(answer.data)
    : fail({ code: 'unexpected_data', message: 'calendar: not the expected object' });
}

export type AppointmentOutcome = Extract<AppointmentStatus, 'completed' | 'no_show'>;

/** Records how a started, confirmed appointment ended; its practitioner only. */
export function setAppointmentOutcome(
  client: CarebookClient,
  appointmentId: string,
  outcome: AppointmentOutcome,
): Promise<Result<Appointment>> {
  return runMapped(
    client.rpc('set_appointment_outcome', { p_appointment_id: appointmentId, p_outcome: outcome }),
    `appointment ${appointmentId}`,
    toAppointment,
  );
}

/** Moves or resizes a time-off or extra-opening block (RLS: the practitioner's own only). */
export function moveAvailabilityException(
  client: CarebookClient,
  id: string,
  range: InstantRange,
): Promise<Result<{ id: string }>> {
  return runMapped(
    client
      .from('availability_exceptions')
      .update({ during: formatInstantRange(range) })
      .eq('id', id)
      .select('id')
      .maybeSingle(),
    `exception ${id}`,
    (r) => r,
  );
}
