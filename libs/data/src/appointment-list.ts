// The practitioner's Appointments page and a patient's history: one server page of their own
// appointments (practitioner_appointment_list), never one they booked as a patient.
import {
  TEXT_LIMITS,
  type AppointmentActor,
  type AppointmentStatus,
  type ConsultationMode,
  type Enums,
} from '@carebook/domain';
import type { CarebookClient } from './client.ts';
import type { Page } from './patients.ts';
import { refuse, runMapped } from './query.ts';
import type { Result } from './result.ts';

export type AppointmentFilter = Enums<'appointment_list_filter'>;
export const APPOINTMENT_FILTERS: readonly AppointmentFilter[] = [
  'upcoming',
  'past',
  'cancelled',
  'no_show',
  'all',
];

export interface PractitionerAppointmentRow {
  id: string;
  patientId: string;
  patientName: string | null;
  patientEmail: string | null;
  consultationTypeId: string;
  typeName: { fr: string; en: string | null };
  startsAt: string;
  endsAt: string;
  status: AppointmentStatus;
  mode: ConsultationMode;
  priceCents: number;
  currency: string;
  cancelledBy: AppointmentActor | null;
  cancelReason: string | null;
  hasNote: boolean;
}

export interface AppointmentListQuery {
  filter?: AppointmentFilter;
  /** Patient name or e-mail, accents and case ignored. */
  search?: string;
  /** One patient's history with the signed-in practitioner. */
  patientId?: string;
  limit?: number;
  offset?: number;
}

/** Upcoming soonest first; the other filters most recent first. */
export function listAppointmentPage(
  client: CarebookClient,
  query: AppointmentListQuery = {},
): Promise<Result<Page<PractitionerAppointmentRow>>> {
  if ((query.search?.length ?? 0) > TEXT_LIMITS.searchText) {
    return Promise.resolve(refuse('text_too_long', `search text over ${TEXT_LIMITS.searchText} characters`));
  }
  const limit = query.limit ?? 25;
  const offset = query.offset ?? 0;
  if (limit < 1 || limit > 200 || offset < 0)
    return Promise.resolve(refuse('out_of_range', 'page outside 1-200 rows'));
  return runMapped(
    client.rpc('practitioner_appointment_list', {
      p_filter: query.filter ?? 'upcoming',
      ...(query.search?.trim() && { p_search: query.search.trim() }),
      ...(query.patientId && { p_patient_id: query.patientId }),
      p_limit: limit,
      p_offset: offset,
    }),
    'appointments',
    (rows) => ({
      total: Number(rows[0]?.total_count ?? 0),
      rows: rows.map((r) => ({
        id: r.id,
        patientId: r.patient_id,
        patientName: r.patient_name,
        patientEmail: r.patient_email,
        consultationTypeId: r.consultation_type_id,
        typeName: { fr: r.type_name_fr, en: r.type_name_en },
        startsAt: new Date(r.starts_at).toISOString(),
        endsAt: new Date(r.ends_at).toISOString(),
        status: r.status,
        mode: r.mode,
        priceCents: r.price_cents,
        currency: r.currency,
        cancelledBy: r.cancelled_by_role,
        cancelReason: r.cancel_reason,
        hasNote: r.has_note,
      })),
    }),
  );
}
