// GENERATED from libs/domain/src/limits.ts by supabase/functions/_shared/sync-domain.ts: do not edit.
// Change libs/domain, then run `npm exec -- node supabase/functions/_shared/sync-domain.ts`.
// Maximum lengths of free text, the same numbers the database checks (answered 400
// text_too_long there): forms say so before sending.
export const TEXT_LIMITS = {
  /** search_practitioners' p_text and practitioner_patients' p_search. */
  searchText: 200,
  /** A cancellation reason. */
  cancelReason: 1000,
  /** A staff decision's reason (practitioners.status_reason). */
  reviewReason: 2000,
  /** A booking's idempotency key. */
  idempotencyKey: 200,
  /** A practitioner's private note on an appointment (appointment_notes.body). */
  noteBody: 20000,
} as const;

/** Slots are asked for at most this many days at once (get_available_slots). */
export const SLOT_WINDOW_MAX_DAYS = 62;

/** A patient may hold at most this many upcoming appointments with one practitioner. */
export const ACTIVE_APPOINTMENTS_PER_PRACTITIONER = 3;
