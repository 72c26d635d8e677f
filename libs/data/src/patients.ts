// A practitioner's patients: the people who booked with them, and nobody else. The Patients page
// reads one server page at a time (practitioner_patient_page), a patient's page their contact.
import { TEXT_LIMITS } from '@carebook/domain';
import type { CarebookClient } from './client.ts';
import { refuse, run, runMapped } from './query.ts';
import { ok, type Result } from './result.ts';

export interface PatientSummary {
  patientId: string;
  fullName: string | null;
  email: string | null;
  appointmentsCount: number;
  lastAppointmentAt: string | null;
  nextAppointmentAt: string | null;
}

/** Older list without contact or total; the Patients page uses listPatientPage. */
export function listMyPatients(
  client: CarebookClient,
  options: { search?: string; limit?: number; offset?: number } = {},
): Promise<Result<PatientSummary[]>> {
  if ((options.search?.length ?? 0) > TEXT_LIMITS.searchText) {
    return Promise.resolve(refuse('text_too_long', `search text over ${TEXT_LIMITS.searchText} characters`));
  }
  return runMapped(
    client.rpc('practitioner_patients', {
      ...(options.search?.trim() && { p_search: options.search.trim() }),
      p_limit: options.limit ?? 50,
      p_offset: options.offset ?? 0,
    }),
    'patients',
    (rows) =>
      rows.map((r) => ({
        patientId: r.patient_id,
        fullName: r.full_name,
        email: r.email,
        appointmentsCount: r.appointments_count,
        lastAppointmentAt: r.last_appointment_at,
        nextAppointmentAt: r.next_appointment_at,
      })),
  );
}

export interface PatientRow extends PatientSummary {
  phone: string | null;
  /** Appointments that took place: completed, or confirmed and over. */
  visitsCount: number;
}

export interface Page<T> {
  rows: T[];
  /** Rows matching in all, for the pager. */
  total: number;
}

export interface PageQuery {
  search?: string;
  limit?: number;
  offset?: number;
}

const isoOrNull = (t: string | null) => (t === null ? null : new Date(t).toISOString());

/** One page of the signed-in practitioner's patients, most recently seen first, with the total. */
export function listPatientPage(
  client: CarebookClient,
  query: PageQuery = {},
): Promise<Result<Page<PatientRow>>> {
  if ((query.search?.length ?? 0) > TEXT_LIMITS.searchText) {
    return Promise.resolve(refuse('text_too_long', `search text over ${TEXT_LIMITS.searchText} characters`));
  }
  const limit = query.limit ?? 25;
  const offset = query.offset ?? 0;
  if (limit < 1 || limit > 200 || offset < 0)
    return Promise.resolve(refuse('out_of_range', 'page outside 1-200 rows'));
  return runMapped(
    client.rpc('practitioner_patient_page', {
      ...(query.search?.trim() && { p_search: query.search.trim() }),
      p_limit: limit,
      p_offset: offset,
    }),
    'patients',
    (rows) => ({
      total: Number(rows[0]?.total_count ?? 0),
      rows: rows.map((r) => ({
        patientId: r.patient_id,
        fullName: r.full_name,
        email: r.email,
        phone: r.phone,
        appointmentsCount: Number(r.appointments_count),
        visitsCount: Number(r.visits_count),
        lastAppointmentAt: isoOrNull(r.last_appointment_at),
        nextAppointmentAt: isoOrNull(r.next_appointment_at),
      })),
    }),
  );
}

export interface PatientContact {
  id: string;
  fullName: string | null;
  email: string | null;
  phone: string | null;
}

/** A patient's name and contact; not_found unless they booked with the signed-in practitioner. */
export async function getPatientContact(
  client: CarebookClient,
  patientId: string,
): Promise<Result<PatientContact>> {
  const found = await run(
    client.from('profiles').select('id, full_name, email, phone').eq('id', patientId).maybeSingle(),
    `patient ${patientId}`,
  );
  if (!found.ok) return found;
  const r = found.data;
  return ok({ id: r.id, fullName: r.full_name, email: r.email, phone: r.phone });
}
