// A practitioner's patients: the people who booked with them, and nobody else (practitioner_patients).
import { TEXT_LIMITS } from '@carebook/domain';
import type { CarebookClient } from './client.ts';
import { refuse, runMapped } from './query.ts';
import type { Result } from './result.ts';

export interface PatientSummary {
  patientId: string;
  fullName: string | null;
  email: string | null;
  appointmentsCount: number;
  lastAppointmentAt: string | null;
  nextAppointmentAt: string | null;
}

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
