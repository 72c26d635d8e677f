// GENERATED from libs/domain/src/notifications/context.ts by supabase/functions/_shared/sync-domain.ts: do not edit.
// Change libs/domain, then run `npm exec -- node supabase/functions/_shared/sync-domain.ts`.
// What a message is rendered from, and the formatting every channel shares: instants in the
// recipient's zone with the zone named, amounts in the recipient's language.
import { ROLES, isOneOf, type Locale, type Role } from '../enums.ts';
import { LOCALE_TAGS } from '../locale.ts';

/** What claim_deliveries returns beside the outbox payload (names, instants, zone...). */
export interface MessageContext {
  appointment_id?: string;
  patient_id?: string;
  practitioner_id?: string;
  profile_id?: string;
  starts_at?: string;
  /** The former start of a rescheduled appointment (the outbox payload's `from`). */
  from?: string;
  /** The practitioner's zone, where the appointment takes place. */
  time_zone?: string;
  /** The recipient's own zone, when known: it wins (a patient may live elsewhere). */
  recipient_time_zone?: string;
  practitioner_name?: string;
  patient_name?: string | null;
  consultation_fr?: string;
  consultation_en?: string;
  mode?: string;
  address?: string | null;
  reason?: string | null;
  /** appointment.cancelled: who cancelled ('patient' | 'practitioner' | 'staff' | 'system'). */
  by?: string;
  /** Reminders: the start time the reminder was planned for, and how long before it goes out. */
  reminded_starts_at?: string;
  minutes_before?: number;
  status?: string;
  /** appointment.held: until when the time is kept for the patient to pay. */
  hold_expires_at?: string;
  /** Payments and subscriptions: amount in the currency's minor unit, ISO 4217 code. */
  amount_cents?: number;
  currency?: string;
  /** subscription.payment_failed: the plan's name as shown to the practitioner. */
  plan?: string | null;
  /** appointment.changed_in_google: 'moved_in_google' | 'deleted_in_google'. */
  change?: string;
  /** account.welcome: the new account's role (the message's audience). */
  role?: string;
  /** Where the call-to-action leads (set by whoever plans the message; never guessed here). */
  app_url?: string;
  /** Home care: the request, its care in both languages, its town, and an offer's signed link token. */
  request_id?: string;
  care_fr?: string;
  care_en?: string;
  locality?: string | null;
  visit_count?: number;
  offer_token?: string;
}

/** Who a message speaks to: a side of an appointment, or any role for account messages. */
export type Audience = Role;

/**
 * Which audience's words a recipient gets: the side of the appointment (or practitioner account)
 * their id is on; for account.welcome, the new account's role from the payload.
 */
export function messageAudience(
  topic: string,
  recipientId: string,
  context: MessageContext,
): Audience | null {
  if (topic === 'account.welcome') return isOneOf(ROLES, context.role) ? context.role : null;
  if (recipientId === context.patient_id) return 'patient';
  if (recipientId === context.practitioner_id) return 'practitioner';
  return null;
}

export const DEFAULT_TIME_ZONE = 'Europe/Paris';

/** The zone a recipient reads times in: theirs when known, else the appointment's. */
export function zoneOf(context: MessageContext): string {
  return context.recipient_time_zone || context.time_zone || DEFAULT_TIME_ZONE;
}

const isInstant = (value: string | undefined): value is string => !!value && !Number.isNaN(Date.parse(value));

/** "lundi 1 mars 2027 à 09:00 (Europe/Paris)": a wall-clock time and the zone it is read in. */
export function formatWhen(instant: string, timeZone: string, locale: Locale): string {
  const text = new Intl.DateTimeFormat(LOCALE_TAGS[locale], {
    timeZone,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(instant));
  return `${text} (${timeZone})`;
}

/** "lun. 01/03 à 09:00 (Europe/Paris)": the short form SMS use, ASCII month so it stays GSM-7. */
export function formatShortWhen(instant: string, timeZone: string, locale: Locale): string {
  const parts = new Intl.DateTimeFormat(LOCALE_TAGS[locale], {
    timeZone,
    weekday: 'short',
    day: '2-digit',
    month: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(instant));
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  const at = locale === 'fr' ? 'à' : 'at';
  return `${part('weekday')} ${part('day')}/${part('month')} ${at} ${part('hour')}:${part('minute')} (${timeZone})`;
}

/** "45,00 €" / "€45.00": an amount in minor units, written the recipient's way. */
export function formatAmount(amountCents: number, currency: string, locale: Locale): string {
  const format = new Intl.NumberFormat(LOCALE_TAGS[locale], { style: 'currency', currency });
  // Minor units per currency (JPY has none): Intl knows how many decimals the currency uses.
  const decimals = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(amountCents / 10 ** decimals);
}

/**
 * Refuses a message that would come out without its facts (an appointment message without a
 * start): the sender marks it dead with this error instead of sending "on ." to a patient.
 */
export function assertRenderable(topic: string, context: MessageContext): void {
  const aboutAppointment =
    topic.startsWith('appointment.') || topic.startsWith('payment.') || topic.startsWith('homecare.');
  if (aboutAppointment && !isInstant(context.starts_at)) {
    throw new Error(`${topic} needs the appointment's starts_at`);
  }
}

/** The facts a template fills in, already written for the recipient. */
export interface Facts {
  practitioner: string;
  patient: string;
  /** The consultation's name in the recipient's language. */
  what: string;
  when: string;
  /** The same start in the appointment's own zone, when the recipient reads another zone. */
  whenThere: string;
  before: string;
  holdUntil: string;
  reason: string;
  address: string;
  amount: string;
  plan: string;
  by: string;
  /** Home care: the care asked for, in the recipient's language, and the town. */
  care: string;
  place: string;
  /** The message's link (app_url), or ''. */
  link: string;
}

export function factsOf(
  context: MessageContext,
  locale: Locale,
  when: (instant: string, zone: string, locale: Locale) => string = formatWhen,
): Facts {
  const zone = zoneOf(context);
  const at = (value: string | undefined) => (isInstant(value) ? when(value, zone, locale) : '');
  const there = context.time_zone && context.time_zone !== zone ? context.time_zone : null;
  const hasAmount = typeof context.amount_cents === 'number' && !!context.currency;
  return {
    practitioner:
      context.practitioner_name?.trim() || (locale === 'fr' ? 'votre praticien' : 'your practitioner'),
    patient: context.patient_name?.trim() || (locale === 'fr' ? 'Un patient' : 'A patient'),
    what: ((locale === 'en' ? context.consultation_en : context.consultation_fr) ?? '').trim(),
    when: at(context.starts_at),
    whenThere: there && isInstant(context.starts_at) ? when(context.starts_at, there, locale) : '',
    // `from` is the former start in a rescheduled message, the former state in a verification one.
    before: at(context.from),
    holdUntil: at(context.hold_expires_at),
    reason: context.reason?.trim() ?? '',
    address: context.address?.trim() ?? '',
    amount: hasAmount ? formatAmount(context.amount_cents!, context.currency!, locale) : '',
    plan: context.plan?.trim() ?? '',
    by: context.by ?? '',
    care: ((locale === 'en' ? context.care_en : context.care_fr) ?? '').trim(),
    place: context.locality?.trim() ?? '',
    link: context.app_url ?? '',
  };
}
