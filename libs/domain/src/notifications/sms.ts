// The SMS Carebook sends: booking news and reminders only, one short line each, signed
// "Carebook: " (the sender name some networks drop), worded in the GSM-7 alphabet so a typical
// message fits one 160-character segment. A user's name outside it (an emoji) turns the
// message into UCS-2; the size is reported so the sender and tests can see it.
import type { Locale } from '../enums.ts';
import {
  assertRenderable,
  factsOf,
  formatShortWhen,
  type Audience,
  type Facts,
  type MessageContext,
} from './context.ts';
import { smsSize, type SmsEncoding } from './gsm7.ts';

export interface RenderedSms {
  text: string;
  encoding: SmsEncoding;
  segments: number;
}

type Line = (f: Facts) => string;
type ByLocale = Record<Locale, Line>;

const cancelledForPatient: ByLocale = {
  fr: (f) =>
    f.by === 'patient'
      ? `vous avez annulé votre RDV avec ${f.practitioner} du ${f.when}.`
      : f.by === 'practitioner'
        ? `${f.practitioner} a annulé votre RDV du ${f.when}.`
        : `votre RDV avec ${f.practitioner} du ${f.when} est annulé.`,
  en: (f) =>
    f.by === 'patient'
      ? `you cancelled your appointment with ${f.practitioner} on ${f.when}.`
      : f.by === 'practitioner'
        ? `${f.practitioner} cancelled your appointment on ${f.when}.`
        : `your appointment with ${f.practitioner} on ${f.when} is cancelled.`,
};

const cancelledForPractitioner: ByLocale = {
  fr: (f) =>
    f.by === 'practitioner'
      ? `vous avez annulé le RDV de ${f.patient} du ${f.when}.`
      : f.by === 'patient'
        ? `${f.patient} a annulé son RDV du ${f.when}.`
        : `le RDV de ${f.patient} du ${f.when} est annulé.`,
  en: (f) =>
    f.by === 'practitioner'
      ? `you cancelled ${f.patient}'s appointment on ${f.when}.`
      : f.by === 'patient'
        ? `${f.patient} cancelled their appointment on ${f.when}.`
        : `${f.patient}'s appointment on ${f.when} is cancelled.`,
};

const SMS_TEXTS: Record<string, Partial<Record<Audience, ByLocale>>> = {
  'appointment.confirmed': {
    patient: {
      fr: (f) => `RDV confirmé avec ${f.practitioner} le ${f.when}.`,
      en: (f) => `appointment confirmed with ${f.practitioner} on ${f.when}.`,
    },
    practitioner: {
      fr: (f) => `nouveau RDV, ${f.patient} le ${f.when}.`,
      en: (f) => `new appointment, ${f.patient} on ${f.when}.`,
    },
  },
  'appointment.rescheduled': {
    patient: {
      fr: (f) => `votre RDV avec ${f.practitioner} est déplacé au ${f.when}.`,
      en: (f) => `your appointment with ${f.practitioner} is moved to ${f.when}.`,
    },
    practitioner: {
      fr: (f) => `le RDV de ${f.patient} est déplacé au ${f.when}.`,
      en: (f) => `${f.patient}'s appointment is moved to ${f.when}.`,
    },
  },
  'appointment.cancelled': { patient: cancelledForPatient, practitioner: cancelledForPractitioner },
  'appointment.hold_expired': {
    patient: {
      fr: (f) => `paiement non terminé à temps, le créneau du ${f.when} avec ${f.practitioner} est libéré.`,
      en: (f) => `payment not completed in time, your time on ${f.when} with ${f.practitioner} was released.`,
    },
  },
  'payment.failed': {
    patient: {
      fr: (f) =>
        `le paiement${f.amount ? ` de ${f.amount}` : ''} du RDV avec ${f.practitioner} le ${f.when} a échoué. RDV non confirmé.`,
      en: (f) =>
        `the payment${f.amount ? ` of ${f.amount}` : ''} for your appointment with ${f.practitioner} on ${f.when} failed. Not confirmed.`,
    },
  },
  'appointment.reminder': {
    patient: {
      fr: (f) => `rappel, RDV avec ${f.practitioner} le ${f.when}.`,
      en: (f) => `reminder, appointment with ${f.practitioner} on ${f.when}.`,
    },
  },
  // The offer's signed link opens its summary without sign-in: it is the point of this SMS.
  'homecare.offer': {
    practitioner: {
      fr: (f) =>
        `soins à domicile, ${f.care}${f.place ? ` à ${f.place}` : ''}, dès le ${f.when}.${f.link ? ` Voir: ${f.link}` : ''}`,
      en: (f) =>
        `home care, ${f.care}${f.place ? ` in ${f.place}` : ''}, from ${f.when}.${f.link ? ` See: ${f.link}` : ''}`,
    },
  },
  'homecare.accepted': {
    patient: {
      fr: (f) => `${f.practitioner} viendra pour ${f.care}, 1re visite le ${f.when}.`,
      en: (f) => `${f.practitioner} will come for ${f.care}, first visit on ${f.when}.`,
    },
  },
};

/** Topics with an SMS (booking news, reminders, home-care offers); every other topic has none. */
export const SMS_TOPICS = Object.keys(SMS_TEXTS);

/**
 * Typography outside GSM-7 that our own words or Intl bring in (no-break spaces around "€",
 * curly apostrophes in names like O’Brien): plain equivalents keep the message in GSM-7.
 */
const PLAIN: Record<string, string> = {
  '\u00a0': ' ',
  '\u202f': ' ',
  '\u2009': ' ',
  '\u2019': "'",
  '\u2018': "'",
  '\u201c': '"',
  '\u201d': '"',
  '«': '"',
  '»': '"',
  '\u2013': '-',
  '\u2014': '-',
};

const plain = (text: string) =>
  text
    .replace(/[\u00a0\u202f\u2009\u2018\u2019\u201c\u201d«»\u2013\u2014]/g, (c) => PLAIN[c] ?? c)
    .replace(/\s+/g, ' ');

/** The SMS for a topic, audience and language, or null when there is none. */
export function renderSms(
  topic: string,
  audience: Audience,
  locale: Locale,
  context: MessageContext,
): RenderedSms | null {
  const line = SMS_TEXTS[topic]?.[audience]?.[locale];
  if (!line) return null;
  assertRenderable(topic, context);
  const text = plain(`Carebook: ${line(factsOf(context, locale, formatShortWhen))}`).trim();
  const { encoding, segments } = smsSize(text);
  return { text, encoding, segments };
}
