// A notification (topic + data, as public.notifications holds it) said as a sentence in the
// reader's language. The data is what the server knew when it planned the message; any field may
// be missing (an older row, a deleted practitioner), so every part has a wording without it.
import { formatWhen, type Locale } from '@carebook/domain';

/** Which side of an appointment the reader is on. */
export type NotificationAudience = 'patient' | 'practitioner';

export interface NotificationLike {
  topic: string;
  data: Readonly<Record<string, unknown>>;
  createdAt: string;
}

export interface NotificationText {
  /** The message itself. */
  sentence: string;
  /** A reason or an amount, when the data carries one. */
  detail: string | null;
  /** When it was received, in the zone of the data (else the reader's), the zone named. */
  received: string;
}

/** The part of vue-i18n's composer this needs (`useI18n()` or `i18n.global`). */
export interface Translator {
  t(key: string, params?: Record<string, unknown>): string;
  te(key: string, locale?: string): boolean;
}

const LOCALE_TAGS: Record<Locale, string> = { fr: 'fr-FR', en: 'en-GB' };

const text = (value: unknown): string | null =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : null;

function validZone(zone: unknown): string | null {
  const name = text(zone);
  if (!name) return null;
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return name;
  } catch {
    return null;
  }
}

function instant(value: unknown): string | null {
  const s = text(value);
  return s && !Number.isNaN(Date.parse(s)) ? s : null;
}

/** "6 déc. 2026, 04:05 (Europe/Paris)": short, with the zone it is read in. */
export function formatStamp(at: string, timeZone: string, locale: Locale): string {
  const formatted = new Intl.DateTimeFormat(LOCALE_TAGS[locale], {
    timeZone,
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(new Date(at));
  return `${formatted} (${timeZone})`;
}

/** The reader's side: the data names both people of an appointment by id. */
export function audienceOf(
  data: Readonly<Record<string, unknown>>,
  readerId: string | null,
): NotificationAudience {
  return readerId !== null && data.practitioner_id === readerId && data.patient_id !== readerId
    ? 'practitioner'
    : 'patient';
}

export function describeNotification(
  notification: NotificationLike,
  options: { locale: Locale; audience: NotificationAudience; fallbackZone: string; i18n: Translator },
): NotificationText {
  const { locale, audience, i18n } = options;
  const { t, te } = i18n;
  const d = notification.data;
  const zone = validZone(d.time_zone);
  const startsAt = instant(d.starts_at) ?? instant(d.reminded_starts_at);
  const name = text(d[`consultation_${locale}`]) ?? text(d.consultation_fr) ?? text(d.consultation_en);
  const parts = {
    appointment: name
      ? t('notifications.parts.appointmentNamed', { name })
      : t('notifications.parts.appointment'),
    // A time without its zone would be a guess: no zone, no time.
    on:
      startsAt && zone
        ? t('notifications.parts.on', { when: formatWhen(startsAt, zone, locale) })
        : t('notifications.parts.onUnknown'),
    practitioner: text(d.practitioner_name) ?? t('notifications.parts.practitioner'),
    patient: text(d.patient_name) ?? t('notifications.parts.patient'),
  };

  const base = `notifications.topics.${notification.topic}`;
  const key = [`${base}.${audience}`, `${base}.any`].find((k) => /^[a-z_.]+$/.test(k) && te(k, locale));
  const sentence = key ? t(key, parts) : t('notifications.other');

  const reason = text(d.reason);
  // Appointment messages carry the price too; only payment messages are about it.
  const amount = notification.topic.startsWith('payment.')
    ? amountOf(d.amount_cents, d.currency, locale)
    : null;
  const detail = reason
    ? t('notifications.parts.reason', { reason })
    : amount
      ? t('notifications.parts.amount', { amount })
      : null;

  const stampZone = zone ?? validZone(options.fallbackZone) ?? 'UTC';
  const created = instant(notification.createdAt);
  const received = created
    ? t('notifications.received', { when: formatStamp(created, stampZone, locale) })
    : '';
  return { sentence, detail, received };
}

function amountOf(cents: unknown, currency: unknown, locale: Locale): string | null {
  const code = text(currency);
  if (typeof cents !== 'number' || !Number.isFinite(cents) || !code || !/^[A-Za-z]{3}$/.test(code))
    return null;
  return new Intl.NumberFormat(LOCALE_TAGS[locale], {
    style: 'currency',
    currency: code.toUpperCase(),
  }).format(cents / 100);
}
