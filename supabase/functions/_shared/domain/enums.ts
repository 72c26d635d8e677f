// GENERATED from libs/domain/src/enums.ts by supabase/functions/_shared/sync-domain.ts: do not edit.
// Change libs/domain, then run `npm exec -- node supabase/functions/_shared/sync-domain.ts`.
// The database's enum types, as values and unions, read from the generated types: one source.
// A new value in a migration reaches every import after `npm run types`.
import { Constants, type Database } from './database.types.ts';

type DbEnums = Database['public']['Enums'];
export type DbEnum<Name extends keyof DbEnums> = DbEnums[Name];

const enums = Constants.public.Enums;

export const ROLES = enums.user_role;
export type Role = DbEnum<'user_role'>;
export const LOCALES = enums.app_locale;
export type Locale = DbEnum<'app_locale'>;
export const REGISTRIES = enums.registration_registry;
export type Registry = DbEnum<'registration_registry'>;
export const REVIEW_ACTIONS = enums.review_action;
export type ReviewAction = DbEnum<'review_action'>;
export const CONSULTATION_MODES = enums.consultation_mode;
export type ConsultationMode = DbEnum<'consultation_mode'>;
export const VERIFICATION_STATUSES = enums.verification_status;
export type VerificationStatus = DbEnum<'verification_status'>;
export const APPOINTMENT_STATUSES = enums.appointment_status;
export type AppointmentStatus = DbEnum<'appointment_status'>;
export const APPOINTMENT_ACTORS = enums.appointment_actor;
export type AppointmentActor = DbEnum<'appointment_actor'>;
export const SUBSCRIPTION_STATUSES = enums.subscription_status;
export type SubscriptionStatus = DbEnum<'subscription_status'>;
export const DOCUMENT_KINDS = enums.document_kind;
export type DocumentKind = DbEnum<'document_kind'>;
export const EXCEPTION_KINDS = enums.availability_exception_kind;
export type ExceptionKind = DbEnum<'availability_exception_kind'>;
export const SEARCH_SORTS = enums.search_sort;
export type SearchSort = DbEnum<'search_sort'>;
export const OUTBOX_STATUSES = enums.outbox_status;
export type OutboxStatus = DbEnum<'outbox_status'>;

/** Whether a value is one of an enum's values, narrowing its type. */
export function isOneOf<T extends string>(values: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (values as readonly string[]).includes(value);
}
