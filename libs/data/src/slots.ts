// Bookable times of one consultation type: get_available_slots, the same computation that
// accepts or refuses a booking.
import { SLOT_WINDOW_MAX_DAYS } from '@carebook/domain';
import type { CarebookClient } from './client.ts';
import { refuse, runMapped } from './query.ts';
import type { Result } from './result.ts';

export interface Slot {
  /** ISO instants, [startsAt, endsAt). */
  startsAt: string;
  endsAt: string;
}

export interface SlotQuery {
  practitionerId: string;
  consultationTypeId: string;
  /** ISO instants; at most SLOT_WINDOW_MAX_DAYS apart. */
  from: string;
  to: string;
}

export function getAvailableSlots(client: CarebookClient, query: SlotQuery): Promise<Result<Slot[]>> {
  const span = Date.parse(query.to) - Date.parse(query.from);
  if (!(span > 0))
    return Promise.resolve(refuse('invalid_input', 'the slot window must end after it starts'));
  if (span > SLOT_WINDOW_MAX_DAYS * 86_400_000) {
    return Promise.resolve(refuse('out_of_range', `ask for at most ${SLOT_WINDOW_MAX_DAYS} days of slots`));
  }
  return runMapped(
    client.rpc('get_available_slots', {
      p_practitioner_id: query.practitionerId,
      p_consultation_type_id: query.consultationTypeId,
      p_from: query.from,
      p_to: query.to,
    }),
    'slots',
    (rows) =>
      rows.map((r) => ({
        startsAt: new Date(r.starts_at).toISOString(),
        endsAt: new Date(r.ends_at).toISOString(),
      })),
  );
}
