// SQL as `postgres` for what no API role may do or see: simulating time (a hold's expiry in the
// past), reading the outbox, and checking invariants over every appointment in the database.
import { sql } from './connection.ts';

/**
 * Pairs of active (held or confirmed) appointments of one practitioner whose blocked time,
 * buffers included, overlaps: what the product promises never exists. Over the whole table.
 */
export function overlappingAppointments(): Promise<{ a: string; b: string; practitioner_id: string }[]> {
  return sql(
    `select a.id as a, b.id as b, a.practitioner_id
       from public.appointments a
       join public.appointments b on b.practitioner_id = a.practitioner_id and a.id < b.id and a.blocked && b.blocked
      where a.status in ('held', 'confirmed') and b.status in ('held', 'confirmed')`,
  );
}

export interface OutboxRow {
  topic: string;
  payload: Record<string, unknown>;
}

/** The outbox messages about one appointment, oldest first. */
export function outboxOf(appointmentId: string): Promise<OutboxRow[]> {
  return sql<OutboxRow>(
    `select topic, payload from public.outbox where payload ->> 'appointment_id' = $1 order by id`,
    [appointmentId],
  );
}

/** Moves a hold's expiry into the past, as if its minutes had run out. */
export async function expireHold(appointmentId: string): Promise<void> {
  await sql(
    `update public.appointments set hold_expires_at = now() - interval '1 second' where id = $1 and status = 'held'`,
    [appointmentId],
  );
}
