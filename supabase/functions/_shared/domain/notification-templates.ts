// GENERATED from libs/domain/src/notification-templates.ts by supabase/functions/_shared/sync-domain.ts: do not edit.
// Change libs/domain, then run `npm exec -- node supabase/functions/_shared/sync-domain.ts`.
// The e-mails Carebook sends, in French and English: one small renderer, the texts beside it.
// Dates are written in the appointment's time zone, and the zone is named, so nobody has to guess
// which 09:00 is meant. Pure: the notify function and tests call it with the message's context.
import type { Locale, Role } from './enums.ts';

/** What claim_deliveries returns beside the outbox payload (names, instants, zone...). */
export interface MessageContext {
  appointment_id?: string;
  patient_id?: string;
  practitioner_id?: string;
  starts_at?: string;
  /** The former start of a rescheduled appointment (the outbox payload's `from`). */
  from?: string;
  time_zone?: string;
  practitioner_name?: string;
  patient_name?: string | null;
  consultation_fr?: string;
  consultation_en?: string;
  mode?: string;
  address?: string | null;
  reason?: string | null;
  by?: string;
  /** Reminders: the start time the reminder was planned for, and how long before it goes out. */
  reminded_starts_at?: string;
  minutes_before?: number;
  status?: string;
}

/** Which side of an appointment (or practitioner account) a message speaks to. */
export type Audience = Extract<Role, 'patient' | 'practitioner'>;

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

const LOCALE_TAGS: Record<Locale, string> = { fr: 'fr-FR', en: 'en-GB' };

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
  }).format(new Date(instant));
  return `${text} (${timeZone})`;
}

const escapeHtml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

interface Parts {
  subject: string;
  /** Paragraphs, plain text. */
  lines: string[];
}

type Texts = (
  c: Required<Pick<MessageContext, 'practitioner_name'>> & {
    when: string;
    before: string;
    what: string;
    patient: string;
    reason: string;
  },
) => Parts;

const T: Record<string, Partial<Record<Audience, Record<Locale, Texts>>>> = {
  'appointment.confirmed': {
    patient: {
      fr: (c) => ({
        subject: `Rendez-vous confirmé avec ${c.practitioner_name}`,
        lines: [
          `Votre rendez-vous « ${c.what} » avec ${c.practitioner_name} est confirmé pour le ${c.when}.`,
          'Vous pouvez le déplacer ou l’annuler depuis « Mes rendez-vous ».',
        ],
      }),
      en: (c) => ({
        subject: `Appointment confirmed with ${c.practitioner_name}`,
        lines: [
          `Your "${c.what}" appointment with ${c.practitioner_name} is confirmed for ${c.when}.`,
          'You can move or cancel it in “My appointments”.',
        ],
      }),
    },
    practitioner: {
      fr: (c) => ({
        subject: `Nouveau rendez-vous : ${c.patient}`,
        lines: [`${c.patient} a réservé « ${c.what} » le ${c.when}.`],
      }),
      en: (c) => ({
        subject: `New appointment: ${c.patient}`,
        lines: [`${c.patient} booked "${c.what}" on ${c.when}.`],
      }),
    },
  },
  'appointment.rescheduled': {
    patient: {
      fr: (c) => ({
        subject: `Rendez-vous déplacé avec ${c.practitioner_name}`,
        lines: [
          `Votre rendez-vous « ${c.what} » avec ${c.practitioner_name} a lieu désormais le ${c.when}.`,
          `Il était prévu le ${c.before}.`,
        ],
      }),
      en: (c) => ({
        subject: `Appointment moved with ${c.practitioner_name}`,
        lines: [
          `Your "${c.what}" appointment with ${c.practitioner_name} now takes place on ${c.when}.`,
          `It was planned for ${c.before}.`,
        ],
      }),
    },
    practitioner: {
      fr: (c) => ({
        subject: `Rendez-vous déplacé : ${c.patient}`,
        lines: [
          `Le rendez-vous de ${c.patient} (« ${c.what} ») a lieu désormais le ${c.when}, au lieu du ${c.before}.`,
        ],
      }),
      en: (c) => ({
        subject: `Appointment moved: ${c.patient}`,
        lines: [
          `${c.patient}'s appointment ("${c.what}") now takes place on ${c.when}, instead of ${c.before}.`,
        ],
      }),
    },
  },
  'appointment.cancelled': {
    patient: {
      fr: (c) => ({
        subject: `Rendez-vous annulé avec ${c.practitioner_name}`,
        lines: [
          `Votre rendez-vous « ${c.what} » avec ${c.practitioner_name} du ${c.when} est annulé.`,
          ...(c.reason ? [`Motif : ${c.reason}`] : []),
          'Vous pouvez reprendre rendez-vous à tout moment.',
        ],
      }),
      en: (c) => ({
        subject: `Appointment cancelled with ${c.practitioner_name}`,
        lines: [
          `Your "${c.what}" appointment with ${c.practitioner_name} on ${c.when} is cancelled.`,
          ...(c.reason ? [`Reason: ${c.reason}`] : []),
          'You can book again at any time.',
        ],
      }),
    },
    practitioner: {
      fr: (c) => ({
        subject: `Rendez-vous annulé : ${c.patient}`,
        lines: [
          `Le rendez-vous de ${c.patient} (« ${c.what} ») du ${c.when} est annulé ; le créneau est de nouveau libre.`,
          ...(c.reason ? [`Motif : ${c.reason}`] : []),
        ],
      }),
      en: (c) => ({
        subject: `Appointment cancelled: ${c.patient}`,
        lines: [
          `${c.patient}'s appointment ("${c.what}") on ${c.when} is cancelled; the time is free again.`,
          ...(c.reason ? [`Reason: ${c.reason}`] : []),
        ],
      }),
    },
  },
  'appointment.reminder': {
    patient: {
      fr: (c) => ({
        subject: `Rappel : rendez-vous avec ${c.practitioner_name}`,
        lines: [
          `Rappel : votre rendez-vous « ${c.what} » avec ${c.practitioner_name} a lieu le ${c.when}.`,
          'Un empêchement ? Annulez-le depuis « Mes rendez-vous » pour libérer le créneau.',
        ],
      }),
      en: (c) => ({
        subject: `Reminder: appointment with ${c.practitioner_name}`,
        lines: [
          `Reminder: your "${c.what}" appointment with ${c.practitioner_name} is on ${c.when}.`,
          'Cannot make it? Cancel it in “My appointments” to free the time.',
        ],
      }),
    },
  },
  'appointment.hold_expired': {
    patient: {
      fr: (c) => ({
        subject: 'Votre créneau n’a pas été réservé',
        lines: [
          `Le paiement du rendez-vous avec ${c.practitioner_name} du ${c.when} n’a pas été terminé à temps : le créneau a été libéré.`,
          'Vous pouvez réserver à nouveau depuis le profil du praticien.',
        ],
      }),
      en: (c) => ({
        subject: 'Your time was not booked',
        lines: [
          `Payment for the appointment with ${c.practitioner_name} on ${c.when} was not completed in time: the time was released.`,
          'You can book again from the practitioner’s profile.',
        ],
      }),
    },
  },
  'practitioner.verification.submitted': {
    practitioner: {
      fr: () => ({
        subject: 'Profil envoyé pour vérification',
        lines: ['Nous avons bien reçu votre profil. L’équipe Carebook le vérifie et vous répond par e-mail.'],
      }),
      en: () => ({
        subject: 'Profile sent for verification',
        lines: ['We received your profile. The Carebook team is checking it and will answer by e-mail.'],
      }),
    },
  },
  'practitioner.verification.verified': {
    practitioner: {
      fr: () => ({
        subject: 'Votre profil est vérifié',
        lines: [
          'Bonne nouvelle : votre profil est vérifié. Il apparaît dans la recherche dès que votre abonnement est actif.',
        ],
      }),
      en: () => ({
        subject: 'Your profile is verified',
        lines: [
          'Good news: your profile is verified. It appears in search as soon as your subscription is active.',
        ],
      }),
    },
  },
  'practitioner.verification.rejected': {
    practitioner: {
      fr: (c) => ({
        subject: 'Votre profil doit être complété',
        lines: [
          'L’équipe Carebook n’a pas pu vérifier votre profil.',
          `Motif : ${c.reason}`,
          'Corrigez-le puis envoyez-le à nouveau depuis votre espace.',
        ],
      }),
      en: (c) => ({
        subject: 'Your profile needs changes',
        lines: [
          'The Carebook team could not verify your profile.',
          `Reason: ${c.reason}`,
          'Fix it, then send it again from your workspace.',
        ],
      }),
    },
  },
  'practitioner.verification.suspended': {
    practitioner: {
      fr: (c) => ({
        subject: 'Votre profil est suspendu',
        lines: [
          'Votre profil n’apparaît plus dans la recherche.',
          `Motif : ${c.reason}`,
          'Répondez à cet e-mail pour en parler avec l’équipe.',
        ],
      }),
      en: (c) => ({
        subject: 'Your profile is suspended',
        lines: [
          'Your profile no longer appears in search.',
          `Reason: ${c.reason}`,
          'Reply to this e-mail to talk with the team.',
        ],
      }),
    },
  },
};

/** Topics with an e-mail, for tests and for the fan-out rules to agree with. */
export const EMAIL_TOPICS = Object.keys(T);

/** The e-mail for a topic, audience and language, or null when that audience gets none. */
export function renderEmail(
  topic: string,
  audience: Audience,
  locale: Locale,
  context: MessageContext,
): RenderedEmail | null {
  const texts = T[topic]?.[audience]?.[locale];
  if (!texts) return null;
  const zone = context.time_zone ?? 'Europe/Paris';
  const parts = texts({
    practitioner_name: context.practitioner_name ?? '',
    when: context.starts_at ? formatWhen(context.starts_at, zone, locale) : '',
    // `from` is the former start in a rescheduled message, the former state in a verification one.
    before:
      context.from && !Number.isNaN(Date.parse(context.from)) ? formatWhen(context.from, zone, locale) : '',
    what: (locale === 'en' ? context.consultation_en : context.consultation_fr) ?? '',
    patient: context.patient_name ?? (locale === 'fr' ? 'Un patient' : 'A patient'),
    reason: context.reason ?? '',
  });
  const sign = locale === 'fr' ? 'L’équipe Carebook' : 'The Carebook team';
  const text = [...parts.lines, '', `— ${sign}`].join('\n\n').replace(/\n\n\n\n/g, '\n\n');
  const html =
    `<!doctype html><html lang="${locale}"><body style="font-family: Arial, Helvetica, sans-serif; font-size: 16px; line-height: 1.5; color: #1a1a1a; max-width: 560px; margin: 0 auto; padding: 24px;">` +
    parts.lines.map((l) => `<p style="margin: 0 0 16px;">${escapeHtml(l)}</p>`).join('') +
    `<p style="margin: 24px 0 0; color: #555;">${escapeHtml(sign)}</p></body></html>`;
  return { subject: parts.subject, text, html };
}
