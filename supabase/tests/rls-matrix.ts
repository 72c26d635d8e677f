// Who may do what, for every table and view the API exposes and every storage bucket: the
// expected answer per role and operation, read like a policy sheet. rls-matrix.int.spec.ts checks
// every cell through the gateway with real JWTs, and fails when a relation or bucket exists in the
// database without a row here (or a row here names nothing).
//
// The fixture the cells are about (built fresh per run by rls-fixture.ts):
// - practitioner: verified and subscribed, so published; an active and an inactive consultation
//   type; a specialty; a verification document (row and file, added while a draft); an avatar.
// - otherPractitioner: a draft (so unpublished, and still editable) with a trialing subscription;
//   an active consultation type; a specialty; a verification document.
// - patient: member of the fixture company (confirmed e-mail on its domain); an avatar.
// - otherPatient: member of no company. staff: in staff_members.
// - a profession with four specialties; a published and a draft content page; the audit and
//   outbox rows the practitioner's verification wrote.
// - each practitioner: an opening-hours rule, an exception and a busy interval from a calendar;
//   an appointment of patient with practitioner.
// - a delivery of the verification's first outbox message, and an in-app notification for each
//   patient, practitioner and staff member.

export const ROLES = [
  'anon',
  'patient',
  'otherPatient',
  'practitioner',
  'otherPractitioner',
  'staff',
] as const;
export type Role = (typeof ROLES)[number];

export const OPERATIONS = ['select', 'insert', 'update', 'delete'] as const;
export type Operation = (typeof OPERATIONS)[number];

/**
 * Reads, as the set of fixture rows (or files) the caller gets back:
 * all | own (rows the caller owns) | published (rows public to everybody) | own+published |
 * none (no error, nothing) | denied (an error: no privilege at all).
 */
export type Read = 'all' | 'own' | 'published' | 'own+published' | 'none' | 'denied';

/**
 * Writes: all (succeeds on rows of others too) | own (succeeds on the caller's rows, has no effect
 * on anybody else's) | none (no error, no effect: RLS filters the rows out) | denied (an error,
 * no effect). Every cell also checks, in the database, that a refused write changed nothing.
 */
export type Write = 'all' | 'own' | 'none' | 'denied';

export type Cells<T> = Readonly<Record<Role, T>>;

export interface MatrixRow {
  select: Cells<Read>;
  insert: Cells<Write>;
  update: Cells<Write>;
  delete: Cells<Write>;
  /** Why the row looks the way it does, where the policy alone does not say. */
  note?: string;
}

/** One row of cells, in ROLES order: anon, patient, otherPatient, practitioner, otherPractitioner, staff. */
function cells<T>(
  anon: T,
  patient: T,
  otherPatient: T,
  practitioner: T,
  otherPractitioner: T,
  staff: T,
): Cells<T> {
  return { anon, patient, otherPatient, practitioner, otherPractitioner, staff };
}

// Shorthands for rows that recur.
const deniedToAll = cells<Write>('denied', 'denied', 'denied', 'denied', 'denied', 'denied');
const staffOnlyWrite = cells<Write>('denied', 'none', 'none', 'none', 'none', 'all');
const staffOnlyInsert = cells<Write>('denied', 'denied', 'denied', 'denied', 'denied', 'all');
const staffOnlyRead = cells<Read>('denied', 'none', 'none', 'none', 'none', 'all');

/** Tables and views of the exposed schemas. */
// prettier-ignore
export const RELATIONS = {
  //                         anon         patient      otherPatient practitioner     otherPractitioner staff
  profiles: {
    select: cells<Read>(     'none',      'own',       'own',       'own',           'own',           'all'),
    insert: deniedToAll,
    update: cells<Write>(    'denied',    'own',       'own',       'own',           'own',           'own'),
    delete: deniedToAll,
    note: 'own = one\'s own profile, and for a practitioner their patients\' (an appointment links them); created by the sign-up trigger; users change only their name and language (column grants)',
  },
  staff_members: {
    select: staffOnlyRead,
    insert: deniedToAll,
    update: deniedToAll,
    delete: deniedToAll,
    note: 'written only by the service role',
  },
  audit_log: {
    select: staffOnlyRead,
    insert: deniedToAll,
    update: deniedToAll,
    delete: deniedToAll,
    note: 'written by triggers only; append-only even for the service role (audit-log.int.spec.ts)',
  },
  outbox: {
    select: staffOnlyRead,
    insert: deniedToAll,
    update: deniedToAll,
    delete: deniedToAll,
    note: 'written by triggers in the business transaction, delivered by edge functions (service role)',
  },
  deliveries: {
    select: staffOnlyRead,
    insert: deniedToAll,
    update: deniedToAll,
    delete: deniedToAll,
    note: 'planned from the outbox and sent by the notify function (service role); staff watch failures',
  },
  notifications: {
    select: cells<Read>(     'denied',    'own',       'own',       'own',           'own',           'own'),
    insert: deniedToAll,
    update: cells<Write>(    'denied',    'own',       'own',       'own',           'own',           'own'),
    delete: deniedToAll,
    note: 'in-app notices, written by the notify job; people only mark their own read (column grant on read_at)',
  },
  notification_preferences: {
    select: cells<Read>(     'denied',    'own',       'own',       'own',           'own',           'own'),
    insert: cells<Write>(    'denied',    'own',       'own',       'own',           'own',           'own'),
    update: cells<Write>(    'denied',    'own',       'own',       'own',           'own',           'own'),
    delete: cells<Write>(    'denied',    'own',       'own',       'own',           'own',           'own'),
    note: 'each person chooses their own channels; required ones are refused by a trigger (notification-preferences.int.spec.ts)',
  },
  care_types: {
    select: cells<Read>(     'all',       'all',       'all',       'all',           'all',           'all'),
    insert: staffOnlyInsert,
    update: staffOnlyWrite,
    delete: staffOnlyWrite,
    note: 'the home-care catalogue, withdrawn care types too (past requests keep their names); staff write it',
  },
  home_visit_settings: {
    select: cells<Read>(     'denied',    'own',       'own',       'own',           'own',           'all'),
    insert: cells<Write>(    'denied',    'denied',    'denied',    'own',           'own',           'denied'),
    update: cells<Write>(    'denied',    'none',      'none',      'own',           'own',           'none'),
    delete: cells<Write>(    'denied',    'none',      'none',      'own',           'own',           'none'),
    note: 'a practitioner\'s own home-visit area; the fixture holds none, probes make and remove one per practitioner',
  },
  home_care_requests: {
    select: cells<Read>(     'denied',    'own',       'own',       'own',           'own',           'all'),
    insert: deniedToAll,
    update: deniedToAll,
    delete: deniedToAll,
    note: 'own = the patient who asked and the practitioner who accepted (address and phone come with acceptance); written by request_home_care, accept, assign, cancel and the dispatcher only',
  },
  home_care_visits: {
    select: cells<Read>(     'denied',    'own',       'own',       'own',           'own',           'all'),
    insert: deniedToAll,
    update: deniedToAll,
    delete: deniedToAll,
    note: 'readable with their request',
  },
  home_care_offers: {
    select: cells<Read>(     'denied',    'own',       'own',       'own',           'own',           'all'),
    insert: deniedToAll,
    update: deniedToAll,
    delete: deniedToAll,
    note: 'own = the practitioner it went to, and the patient of the request; written by the dispatcher, accept and decline',
  },
  plans: {
    select: cells<Read>(     'published', 'published', 'published', 'published',     'published',     'all'),
    insert: deniedToAll,
    update: deniedToAll,
    delete: deniedToAll,
    note: 'the seeded plans, mirrored in Stripe; changed by migrations and seed only',
  },
  billing_customers: {
    select: cells<Read>(     'denied',    'own',       'own',       'own',           'own',           'all'),
    insert: deniedToAll,
    update: deniedToAll,
    delete: deniedToAll,
    note: 'written by the checkout and billing functions (service role)',
  },
  payments: {
    select: cells<Read>(     'denied',    'own',       'none',      'own',           'none',          'all'),
    insert: deniedToAll,
    update: deniedToAll,
    delete: deniedToAll,
    note: 'made by begin_checkout, moved by Stripe webhooks and the payments job; patient and practitioner of the appointment read it',
  },
  professions: {
    select: cells<Read>(     'all',       'all',       'all',       'all',           'all',           'all'),
    insert: staffOnlyInsert,
    update: staffOnlyWrite,
    delete: staffOnlyWrite,
  },
  specialties: {
    select: cells<Read>(     'all',       'all',       'all',       'all',           'all',           'all'),
    insert: staffOnlyInsert,
    update: staffOnlyWrite,
    delete: staffOnlyWrite,
  },
  subscriptions: {
    select: cells<Read>(     'denied',    'none',      'none',      'own',           'own',           'all'),
    insert: deniedToAll,
    update: deniedToAll,
    delete: deniedToAll,
    note: 'written by the Stripe webhook (service role) only',
  },
  practitioners: {
    select: cells<Read>(     'published', 'published', 'published', 'own+published', 'own+published', 'all'),
    insert: cells<Write>(    'denied',    'denied',    'denied',    'own',           'own',           'denied'),
    update: cells<Write>(    'denied',    'none',      'none',      'own',           'own',           'denied'),
    delete: deniedToAll,
    note: 'update probes edit the bio: staff change only verification fields, through review_practitioner (verification.int.spec.ts); rows here, columns per role in practitioner-columns.int.spec.ts (anon: the public list only)',
  },
  practitioner_specialties: {
    select: cells<Read>(     'published', 'published', 'published', 'own+published', 'own+published', 'all'),
    insert: cells<Write>(    'denied',    'denied',    'denied',    'own',           'own',           'denied'),
    update: deniedToAll,
    delete: cells<Write>(    'denied',    'none',      'none',      'own',           'own',           'none'),
  },
  consultation_types: {
    select: cells<Read>(     'published', 'published', 'published', 'own+published', 'own+published', 'all'),
    insert: cells<Write>(    'denied',    'denied',    'denied',    'own',           'own',           'denied'),
    update: cells<Write>(    'denied',    'none',      'none',      'own',           'own',           'none'),
    delete: cells<Write>(    'denied',    'none',      'none',      'own',           'own',           'none'),
    note: 'published = active types of published practitioners',
  },
  companies: {
    select: cells<Read>(     'denied',    'own',       'own',       'own',           'own',           'all'),
    insert: staffOnlyInsert,
    update: staffOnlyWrite,
    delete: staffOnlyWrite,
    note: 'own = the companies the caller is a member of',
  },
  company_members: {
    select: cells<Read>(     'denied',    'own',       'own',       'own',           'own',           'all'),
    insert: deniedToAll,
    update: deniedToAll,
    delete: staffOnlyWrite,
    note: 'rows come from the confirmed-e-mail trigger only; staff may remove one',
  },
  company_sponsored_types: {
    select: cells<Read>(     'denied',    'own',       'none',      'none',          'none',          'all'),
    insert: staffOnlyInsert,
    update: staffOnlyWrite,
    delete: staffOnlyWrite,
    note: 'members read what their company pays for; staff manage it',
  },
  content_pages: {
    select: cells<Read>(     'published', 'published', 'published', 'published',     'published',     'all'),
    insert: staffOnlyInsert,
    update: staffOnlyWrite,
    delete: staffOnlyWrite,
  },
  verification_documents: {
    select: cells<Read>(     'denied',    'none',      'none',      'own',           'own',           'all'),
    insert: cells<Write>(    'denied',    'denied',    'denied',    'denied',        'own',           'denied'),
    update: deniedToAll,
    delete: cells<Write>(    'denied',    'none',      'none',      'none',          'own',           'none'),
    note: 'owners add and remove documents only while their profile is a draft or rejected: practitioner is verified, otherPractitioner a draft',
  },
  // Scheduling (its own issue): opening hours and calendars are private to the practitioner;
  // patients see availability only as slots, through get_available_slots.
  availability_rules: {
    select: cells<Read>(     'denied',    'none',      'none',      'own',           'own',           'all'),
    insert: cells<Write>(    'denied',    'denied',    'denied',    'own',           'own',           'denied'),
    update: cells<Write>(    'denied',    'none',      'none',      'own',           'own',           'none'),
    delete: cells<Write>(    'denied',    'none',      'none',      'own',           'own',           'none'),
  },
  availability_exceptions: {
    select: cells<Read>(     'denied',    'none',      'none',      'own',           'own',           'all'),
    insert: cells<Write>(    'denied',    'denied',    'denied',    'own',           'own',           'denied'),
    update: cells<Write>(    'denied',    'none',      'none',      'own',           'own',           'none'),
    delete: cells<Write>(    'denied',    'none',      'none',      'own',           'own',           'none'),
  },
  external_busy_intervals: {
    select: cells<Read>(     'denied',    'none',      'none',      'own',           'own',           'none'),
    insert: deniedToAll,
    update: deniedToAll,
    delete: deniedToAll,
    note: 'written by calendar sync (service role); staff have no reason to see private calendars',
  },
  appointments: {
    select: cells<Read>(     'denied',    'own',       'own',       'own',           'own',           'all'),
    insert: deniedToAll,
    update: deniedToAll,
    delete: deniedToAll,
    note: 'own = as the patient or as the practitioner; written only through book/cancel/reschedule functions',
  },
  appointment_notes: {
    select: cells<Read>(     'denied',    'none',      'none',      'own',           'own',           'none'),
    insert: cells<Write>(    'denied',    'denied',    'denied',    'own',           'own',           'denied'),
    update: cells<Write>(    'denied',    'none',      'none',      'own',           'own',           'none'),
    delete: cells<Write>(    'denied',    'none',      'none',      'own',           'own',           'none'),
    note: 'own = notes on the caller\'s appointments as practitioner; never the patient\'s nor staff\'s to read (decision 0025)',
  },
} as const satisfies Record<string, MatrixRow>;

/**
 * Storage buckets, through the Storage API: select = download (the public URL for a public
 * bucket), insert = upload a new file, update = overwrite one (upsert), delete = remove. Files are
 * owned through the first folder of their name (`<user id>/...`).
 */
// prettier-ignore
export const BUCKETS = {
  //                         anon         patient      otherPatient practitioner     otherPractitioner staff
  'verification-documents': {
    select: cells<Read>(     'denied',    'denied',    'denied',    'own',           'own',           'denied'),
    insert: cells<Write>(    'denied',    'denied',    'denied',    'denied',        'own',           'denied'),
    update: deniedToAll,
    delete: cells<Write>(    'none',      'none',      'none',      'none',          'own',           'none'),
    note: 'staff open documents only through review-practitioner, which audits the read and signs a URL',
  },
  prescriptions: {
    select: cells<Read>(     'denied',    'own',       'denied',    'own',           'denied',        'all'),
    insert: cells<Write>(    'denied',    'own',       'own',       'own',           'own',           'own'),
    update: deniedToAll,
    delete: cells<Write>(    'none',      'own',       'own',       'own',           'own',           'own'),
    note: 'the patient\'s file; the practitioner reads it once they accepted the request that names it, staff always',
  },
  avatars: {
    select: cells<Read>(     'all',       'all',       'all',       'all',           'all',           'all'),
    insert: cells<Write>(    'denied',    'own',       'own',       'own',           'own',           'own'),
    update: cells<Write>(    'denied',    'own',       'own',       'own',           'own',           'own'),
    delete: cells<Write>(    'none',      'own',       'own',       'own',           'own',           'own'),
  },
} as const satisfies Record<string, MatrixRow>;

export type RelationName = keyof typeof RELATIONS;
export type BucketName = keyof typeof BUCKETS;

/** Number of cells the spec checks: one test each. */
export const CASE_COUNT =
  (Object.keys(RELATIONS).length + Object.keys(BUCKETS).length) * ROLES.length * OPERATIONS.length;
