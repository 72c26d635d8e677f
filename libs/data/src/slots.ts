// Bookable times of one consultation type: the same computation that accepts or refuses a
// booking. Asked through get_available_slot_days, one row per local day, so that no window is
// cut by PostgREST's row limit (decision 0011); flattened here into the slots callers use.
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
    client.rpc('get_available_slot_days', {
      p_practitioner_id: query.practitionerId,
      p_consultation_type_id: query.consultationTypeId,
      p_from: query.from,
      p_to: query.to,
    }),
    'slots',
    (days) =>
      days.flatMap((d) =>
        d.starts_at.map((at) => {
          const start = Date.parse(at);
          return {
            startsAt: new Date(start).toISOString(),
            endsAt: new Date(start + d.duration_minutes * 60_000).toISOString(),
          };
        }),
      ),
  );
}
