// GENERATED from libs/domain/src/refusal-codes.ts by supabase/functions/_shared/sync-domain.ts: do not edit.
// Change libs/domain, then run `npm exec -- node supabase/functions/_shared/sync-domain.ts`.
// Why the server said no, as stable codes the apps translate into sentences: the one catalogue.
// The database puts the code in PostgREST's error `details` (`raise ... using detail = 'slot_taken'`),
// edge functions in `{ error: { code } }`; errors that carry no code of ours (a check constraint,
// a bad enum value, RLS) are read from their SQLSTATE. `supabase/tests/refusal-codes.int.spec.ts`
// proves every server code reachable through the gateway with the status written here.

interface RefusalSpec {
  /** The HTTP status the server answers with. */
  status: 400 | 401 | 403 | 404 | 409 | 422;
  /** What happened, for developers; the apps carry the sentences people read. */
  means: string;
}

export const SERVER_REFUSALS = {
  // Any request
  invalid_input: { status: 400, means: 'a value is malformed or outside what the schema allows' },
  text_too_long: { status: 400, means: 'a free-text input is longer than its maximum' },
  out_of_range: { status: 400, means: 'a number (page size...) is outside its allowed range' },
  not_authenticated: { status: 401, means: 'sign in first' },
  forbidden: { status: 403, means: 'privileges, row level security or a guard trigger refused the change' },
  not_found: { status: 404, means: 'no such row, or not one the caller may see' },
  already_exists: { status: 409, means: 'a row with the same unique key exists' },
  // Slots and booking
  invalid_window: { status: 400, means: 'the slot window ends before it starts' },
  window_too_wide: { status: 400, means: 'slots were asked for more days than allowed at once' },
  not_bookable: { status: 404, means: 'the practitioner or consultation type is not open for booking' },
  self_booking: { status: 409, means: 'practitioners cannot book themselves' },
  inside_notice: { status: 409, means: "the time is sooner than the practitioner's notice allows" },
  beyond_horizon: { status: 409, means: 'the time is further ahead than bookings open' },
  outside_hours: { status: 409, means: 'the time is outside opening hours' },
  slot_taken: { status: 409, means: 'someone else has this time' },
  off_grid: { status: 409, means: 'slots do not start at this time' },
  active_limit_reached: { status: 409, means: 'too many upcoming appointments with this practitioner' },
  idempotency_conflict: { status: 422, means: 'the idempotency key was used for another booking' },
  appointment_closed: { status: 409, means: 'the appointment is already cancelled or over' },
  cutoff_passed: { status: 409, means: 'too late to cancel or move online' },
  hold_expired: { status: 409, means: 'the hold on this time ran out before payment' },
  reason_required: { status: 400, means: 'this action needs a reason' },
  not_started: { status: 409, means: 'the appointment has not started yet: no outcome to record' },
  // Search
  location_incomplete: { status: 400, means: 'latitude and longitude go together, radius only with them' },
  // Practitioner profiles and verification
  invalid_time_zone: { status: 400, means: 'not an IANA time zone name' },
  registration_invalid: { status: 400, means: "the registration number fails its registry's rule" },
  registration_required: { status: 400, means: 'a registration number is needed before submitting' },
  registration_locked: { status: 409, means: 'profession and number are frozen once submitted' },
  specialty_mismatch: { status: 400, means: 'the specialty belongs to another profession' },
  illegal_transition: { status: 409, means: 'this status cannot move there from where it is' },
  staff_only: { status: 403, means: 'only staff may do this' },
  stale_review: { status: 409, means: 'the profile changed since the reviewer opened it (another decision came first)' },
  self_review: { status: 403, means: 'staff cannot decide on their own profile' },
  owner_only: { status: 403, means: 'only the practitioner may submit their profile' },
  staff_edit_limited: { status: 403, means: 'staff change only the verification of a profile' },
  staff_role_locked: { status: 409, means: 'the staff role follows staff_members' },
  // Payments
  signature_invalid: {
    status: 400,
    means: 'a webhook whose signature does not hold for its body, secret and time',
  },
  already_subscribed: {
    status: 409,
    means: 'the practitioner already has a current subscription: use the billing portal',
  },
  payment_closed: {
    status: 409,
    means: 'the appointment is not waiting for payment (paid, or no longer held)',
  },
  // Notifications
  preference_required: { status: 409, means: 'the messages a booking needs cannot be turned off' },
  // Home care
  already_taken: { status: 409, means: 'another practitioner accepted this home-care request first' },
  visit_unavailable: {
    status: 409,
    means: 'a visit of the request no longer fits the practitioner’s free time',
  },
  request_closed: { status: 409, means: 'the home-care request was cancelled' },
  // Edge functions
  invalid_json: { status: 400, means: 'the request body is not the JSON object expected' },
  document_file_missing: { status: 404, means: "a verification document's file is gone from storage" },
} as const satisfies Record<string, RefusalSpec>;

export type ServerRefusalCode = keyof typeof SERVER_REFUSALS;
export const SERVER_REFUSAL_CODES = Object.keys(SERVER_REFUSALS) as ServerRefusalCode[];

/** Codes from sign-in and sign-up (GoTrue's error codes, grouped by what the person can do). */
export const AUTH_REFUSAL_CODES = [
  'invalid_credentials',
  'email_not_confirmed',
  'user_already_exists',
  'weak_password',
  'rate_limited',
  'session_expired',
  'link_expired',
] as const;
export type AuthRefusalCode = (typeof AUTH_REFUSAL_CODES)[number];

/** Codes the client makes up itself, when no answer (or no usable one) came back. */
export const CLIENT_FAILURE_CODES = ['network', 'unexpected_data', 'unknown'] as const;
export type ClientFailureCode = (typeof CLIENT_FAILURE_CODES)[number];

export type RefusalCode = ServerRefusalCode | AuthRefusalCode | ClientFailureCode;

export function isServerRefusalCode(value: unknown): value is ServerRefusalCode {
  return typeof value === 'string' && Object.hasOwn(SERVER_REFUSALS, value);
}

// SQLSTATEs that reach the API without a code of ours, and what they mean to a person.
const BY_SQLSTATE: Record<string, ServerRefusalCode | AuthRefusalCode> = {
  '23514': 'invalid_input', // check violation
  '23502': 'invalid_input', // not null violation
  '23503': 'invalid_input', // foreign key: the referenced row does not exist (or is still referenced)
  '22P02': 'invalid_input', // invalid text representation: a bad uuid or enum value
  '22001': 'text_too_long', // value too long for a varchar
  '22007': 'invalid_input', // invalid date or time
  '22008': 'invalid_input', // date or time out of range
  '23505': 'already_exists', // unique violation
  '42501': 'forbidden', // insufficient privilege, RLS WITH CHECK
  PGRST116: 'not_found', // .single() matched no row
  PGRST202: 'not_found', // no such function
  PGRST204: 'invalid_input', // no such column
  PGRST301: 'session_expired', // JWT expired or signature invalid
  PGRST302: 'not_authenticated', // anonymous access refused
};

/**
 * The refusal code of a PostgREST error body (`{ code, details, message, hint }`): our code in
 * `details` when the database raised it, else one read from the SQLSTATE, else null.
 */
export function refusalOfPostgrestError(
  error: { code?: string | null; details?: string | null },
  status?: number,
): ServerRefusalCode | AuthRefusalCode | null {
  if (isServerRefusalCode(error.details)) return error.details;
  // PostgREST answers a privilege error 401 for anonymous callers: signing in is the way out.
  if (error.code === '42501' && status === 401) return 'not_authenticated';
  return (error.code && BY_SQLSTATE[error.code]) || null;
}
