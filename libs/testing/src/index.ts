// @carebook/testing: the one place tests get their data from. Tests only (see README.md).
export { anon, config, service, sql, type Client } from './connection.ts';
export {
  confirmedUser,
  patient,
  practitioner,
  signIn,
  staff,
  TEST_PASSWORD,
  user,
  users,
  type Account,
  type TestUser,
  unconfirmedUser,
  type UserOptions,
} from './users.ts';
export {
  advance,
  createPractitionerProfile,
  publish,
  publishedPractitioner,
  submit,
  subscribe,
  type VerificationStep,
} from './practitioners.ts';
export {
  atLocal,
  iso,
  practitionerOpen,
  range,
  scenario,
  ScenarioBuilder,
  type BookingSpec,
  type HoursOptions,
  type HoursSpec,
  type PractitionerSpec,
  type Scenario,
  type Slot,
  type TypeSpec,
} from './scenario.ts';
export { expireHold, outboxOf, overlappingAppointments, type OutboxRow } from './appointments-sql.ts';
export {
  invalidRpps,
  luhnCheckDigit,
  registrationNumberFor,
  validAdeli,
  validRpps,
} from './registration-numbers.ts';
export { parseHours, parseWeekdays, readBookingTime } from './schedule-text.ts';
export { TEST_EMAIL_DOMAIN, uniqueEmail, uniqueLetters, uniqueSlug } from './unique.ts';
export type {
  Appointment,
  AppointmentStatus,
  ConsultationType,
  Mode,
  PractitionerInsert,
  PractitionerRow,
  SubscriptionStatus,
  UserRole,
  VerificationStatus,
} from './types.ts';
export { notifyTick, withNotifyLock, type NotifyCounts } from './notify.ts';
