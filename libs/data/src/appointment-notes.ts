// A practitioner's private note on one of their appointments (appointment_notes): only they read
// or write it; the database answers nothing to anybody else (RLS, decision 0025).
import { TEXT_LIMITS } from '@carebook/domain';
import type { CarebookClient } from './client.ts';
import { refuse, run } from './query.ts';
import { ok, type Result } from './result.ts';

export interface AppointmentNote {
  appointmentId: string;
  body: string;
  updatedAt: string;
}

/** The note, or null when none was written yet (or the appointment is not the caller's). */
export async function getAppointmentNote(
  client: CarebookClient,
  appointmentId: string,
): Promise<Result<AppointmentNote | null>> {
  const found = await run(
    client
      .from('appointment_notes')
      .select('appointment_id, body, updated_at')
      .eq('appointment_id', appointmentId)
      .maybeSingle(),
    `note of ${appointmentId}`,
  );
  if (!found.ok) return found.error.code === 'not_found' ? ok(null) : found;
  const r = found.data;
  return ok({
    appointmentId: r.appointment_id,
    body: r.body,
    updatedAt: new Date(r.updated_at).toISOString(),
  });
}

/** Creates or replaces the note; not_found on an appointment that is not the caller's. */
export async function saveAppointmentNote(
  client: CarebookClient,
  appointmentId: string,
  body: string,
): Promise<Result<AppointmentNote>> {
  if (body.length > TEXT_LIMITS.noteBody) {
    return refuse('text_too_long', `note over ${TEXT_LIMITS.noteBody} characters`);
  }
  const saved = await run(
    client.rpc('save_appointment_note', { p_appointment_id: appointmentId, p_body: body }),
    `note of ${appointmentId}`,
  );
  if (!saved.ok) return saved;
  const r = saved.data;
  return ok({
    appointmentId: r.appointment_id,
    body: r.body,
    updatedAt: new Date(r.updated_at).toISOString(),
  });
}
