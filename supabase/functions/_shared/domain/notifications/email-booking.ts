// GENERATED from libs/domain/src/notifications/email-booking.ts by supabase/functions/_shared/sync-domain.ts: do not edit.
// Change libs/domain, then run `npm exec -- node supabase/functions/_shared/sync-domain.ts`.
// Booking e-mails: held, confirmed, moved, cancelled (worded by who cancelled), released,
// reminded, and the consultation's payment failing or being refunded.
import {
  quotedEn,
  quotedFr,
  reasonEn,
  reasonFr,
  rows,
  type ByLocale,
  type EmailTable,
} from './email-parts.ts';

const cancelledForPatient: ByLocale = {
  fr: (f) => ({
    subject:
      f.by === 'patient'
        ? `Vous avez annulé votre rendez-vous avec ${f.practitioner}`
        : `Rendez-vous annulé avec ${f.practitioner}`,
    lines: [
      f.by === 'patient'
        ? `Vous avez annulé votre rendez-vous${quotedFr(f)} avec ${f.practitioner} du ${f.when}.`
        : f.by === 'practitioner'
          ? `${f.practitioner} a annulé votre rendez-vous${quotedFr(f)} du ${f.when}.`
          : `Votre rendez-vous${quotedFr(f)} avec ${f.practitioner} du ${f.when} a été annulé par Carebook.`,
      ...reasonFr(f),
      'Vous pouvez reprendre rendez-vous à tout moment.',
    ],
    rows: rows(f, 'fr', 'patient'),
    action: 'Reprendre rendez-vous',
  }),
  en: (f) => ({
    subject:
      f.by === 'patient'
        ? `You cancelled your appointment with ${f.practitioner}`
        : `Appointment cancelled with ${f.practitioner}`,
    lines: [
      f.by === 'patient'
        ? `You cancelled your${quotedEn(f)} appointment with ${f.practitioner} on ${f.when}.`
        : f.by === 'practitioner'
          ? `${f.practitioner} cancelled your${quotedEn(f)} appointment on ${f.when}.`
          : `Your${quotedEn(f)} appointment with ${f.practitioner} on ${f.when} was cancelled by Carebook.`,
      ...reasonEn(f),
      'You can book again at any time.',
    ],
    rows: rows(f, 'en', 'patient'),
    action: 'Book again',
  }),
};

const cancelledForPractitioner: ByLocale = {
  fr: (f) => ({
    subject:
      f.by === 'practitioner'
        ? `Vous avez annulé le rendez-vous de ${f.patient}`
        : `Rendez-vous annulé : ${f.patient}`,
    lines: [
      f.by === 'practitioner'
        ? `Vous avez annulé le rendez-vous de ${f.patient}${quotedFr(f)} du ${f.when}.`
        : f.by === 'patient'
          ? `${f.patient} a annulé son rendez-vous${quotedFr(f)} du ${f.when}.`
          : `Le rendez-vous de ${f.patient}${quotedFr(f)} du ${f.when} a été annulé par Carebook.`,
      ...reasonFr(f),
      'Le créneau est de nouveau libre.',
    ],
    rows: rows(f, 'fr', 'practitioner'),
    action: 'Voir mon agenda',
  }),
  en: (f) => ({
    subject:
      f.by === 'practitioner'
        ? `You cancelled ${f.patient}'s appointment`
        : `Appointment cancelled: ${f.patient}`,
    lines: [
      f.by === 'practitioner'
        ? `You cancelled ${f.patient}'s${quotedEn(f)} appointment on ${f.when}.`
        : f.by === 'patient'
          ? `${f.patient} cancelled their${quotedEn(f)} appointment on ${f.when}.`
          : `${f.patient}'s${quotedEn(f)} appointment on ${f.when} was cancelled by Carebook.`,
      ...reasonEn(f),
      'The time is free again.',
    ],
    rows: rows(f, 'en', 'practitioner'),
    action: 'Open my calendar',
  }),
};

export const BOOKING_EMAILS: EmailTable = {
  'appointment.held': {
    patient: {
      fr: (f) => ({
        subject: `Créneau réservé pour vous avec ${f.practitioner}`,
        lines: [
          `Le créneau du ${f.when} avec ${f.practitioner} vous est réservé.`,
          f.holdUntil
            ? `Terminez le paiement avant le ${f.holdUntil} pour confirmer le rendez-vous ; sinon le créneau sera libéré.`
            : 'Terminez le paiement pour confirmer le rendez-vous ; sinon le créneau sera libéré.',
        ],
        rows: rows(f, 'fr', 'patient'),
        action: 'Terminer le paiement',
      }),
      en: (f) => ({
        subject: `Time held for you with ${f.practitioner}`,
        lines: [
          `The time on ${f.when} with ${f.practitioner} is held for you.`,
          f.holdUntil
            ? `Complete the payment before ${f.holdUntil} to confirm the appointment; otherwise the time will be released.`
            : 'Complete the payment to confirm the appointment; otherwise the time will be released.',
        ],
        rows: rows(f, 'en', 'patient'),
        action: 'Complete the payment',
      }),
    },
  },
  'appointment.confirmed': {
    patient: {
      fr: (f) => ({
        subject: `Rendez-vous confirmé avec ${f.practitioner}`,
        lines: [
          `Votre rendez-vous${quotedFr(f)} avec ${f.practitioner} est confirmé pour le ${f.when}.`,
          'Vous pouvez le déplacer ou l’annuler depuis «\u00a0Mes rendez-vous\u00a0».',
        ],
        rows: rows(f, 'fr', 'patient'),
        action: 'Voir mes rendez-vous',
      }),
      en: (f) => ({
        subject: `Appointment confirmed with ${f.practitioner}`,
        lines: [
          `Your${quotedEn(f)} appointment with ${f.practitioner} is confirmed for ${f.when}.`,
          'You can move or cancel it in “My appointments”.',
        ],
        rows: rows(f, 'en', 'patient'),
        action: 'See my appointments',
      }),
    },
    practitioner: {
      fr: (f) => ({
        subject: `Nouveau rendez-vous : ${f.patient}`,
        lines: [`${f.patient} a réservé${quotedFr(f)} le ${f.when}.`],
        rows: rows(f, 'fr', 'practitioner'),
        action: 'Voir mon agenda',
      }),
      en: (f) => ({
        subject: `New appointment: ${f.patient}`,
        lines: [`${f.patient} booked${quotedEn(f) || ' an appointment'} on ${f.when}.`],
        rows: rows(f, 'en', 'practitioner'),
        action: 'Open my calendar',
      }),
    },
  },
  'appointment.rescheduled': {
    patient: {
      fr: (f) => ({
        subject: `Rendez-vous déplacé avec ${f.practitioner}`,
        lines: [
          `Votre rendez-vous${quotedFr(f)} avec ${f.practitioner} a lieu désormais le ${f.when}.`,
          ...(f.before ? [`Il était prévu le ${f.before}.`] : []),
        ],
        rows: rows(f, 'fr', 'patient'),
        action: 'Voir mes rendez-vous',
      }),
      en: (f) => ({
        subject: `Appointment moved with ${f.practitioner}`,
        lines: [
          `Your${quotedEn(f)} appointment with ${f.practitioner} now takes place on ${f.when}.`,
          ...(f.before ? [`It was planned for ${f.before}.`] : []),
        ],
        rows: rows(f, 'en', 'patient'),
        action: 'See my appointments',
      }),
    },
    practitioner: {
      fr: (f) => ({
        subject: `Rendez-vous déplacé : ${f.patient}`,
        lines: [
          `Le rendez-vous de ${f.patient}${quotedFr(f)} a lieu désormais le ${f.when}` +
            (f.before ? `, au lieu du ${f.before}.` : '.'),
        ],
        rows: rows(f, 'fr', 'practitioner'),
        action: 'Voir mon agenda',
      }),
      en: (f) => ({
        subject: `Appointment moved: ${f.patient}`,
        lines: [
          `${f.patient}'s${quotedEn(f)} appointment now takes place on ${f.when}` +
            (f.before ? `, instead of ${f.before}.` : '.'),
        ],
        rows: rows(f, 'en', 'practitioner'),
        action: 'Open my calendar',
      }),
    },
  },
  'appointment.cancelled': { patient: cancelledForPatient, practitioner: cancelledForPractitioner },
  'appointment.changed_in_google': {
    practitioner: {
      fr: (f) => ({
        subject: `Rendez-vous modifié dans Google Agenda : ${f.patient}`,
        lines: [
          `L’événement du rendez-vous de ${f.patient}${quotedFr(f)} du ${f.when} a été déplacé ou supprimé dans Google Agenda.`,
          'Le rendez-vous n’a pas changé dans Carebook et votre patient n’a pas été prévenu. Déplacez-le ou annulez-le dans Carebook si besoin : il est signalé dans votre agenda.',
        ],
        rows: rows(f, 'fr', 'practitioner'),
        action: 'Voir mon agenda',
      }),
      en: (f) => ({
        subject: `Appointment changed in Google Calendar: ${f.patient}`,
        lines: [
          `The event of ${f.patient}'s${quotedEn(f)} appointment on ${f.when} was moved or deleted in Google Calendar.`,
          'The appointment did not change in Carebook and your patient was not told. Move or cancel it in Carebook if needed: it is marked in your calendar.',
        ],
        rows: rows(f, 'en', 'practitioner'),
        action: 'Open my calendar',
      }),
    },
  },
  'appointment.hold_expired': {
    patient: {
      fr: (f) => ({
        subject: 'Votre créneau n’a pas été réservé',
        lines: [
          `Le paiement du rendez-vous avec ${f.practitioner} du ${f.when} n’a pas été terminé à temps : le créneau a été libéré.`,
          'Vous pouvez réserver à nouveau depuis le profil du praticien.',
        ],
        action: 'Réserver à nouveau',
      }),
      en: (f) => ({
        subject: 'Your time was not booked',
        lines: [
          `Payment for the appointment with ${f.practitioner} on ${f.when} was not completed in time: the time was released.`,
          'You can book again from the practitioner’s profile.',
        ],
        action: 'Book again',
      }),
    },
  },
  'appointment.reminder': {
    patient: {
      fr: (f) => ({
        subject: `Rappel : rendez-vous avec ${f.practitioner}`,
        lines: [
          `Rappel : votre rendez-vous${quotedFr(f)} avec ${f.practitioner} a lieu le ${f.when}.`,
          'Un empêchement ? Annulez-le depuis «\u00a0Mes rendez-vous\u00a0» pour libérer le créneau.',
        ],
        rows: rows(f, 'fr', 'patient'),
        action: 'Voir mes rendez-vous',
      }),
      en: (f) => ({
        subject: `Reminder: appointment with ${f.practitioner}`,
        lines: [
          `Reminder: your${quotedEn(f)} appointment with ${f.practitioner} is on ${f.when}.`,
          'Cannot make it? Cancel it in “My appointments” to free the time.',
        ],
        rows: rows(f, 'en', 'patient'),
        action: 'See my appointments',
      }),
    },
  },
  'payment.failed': {
    patient: {
      fr: (f) => ({
        subject: `Paiement refusé : rendez-vous avec ${f.practitioner}`,
        lines: [
          `Le paiement${f.amount ? ` de ${f.amount}` : ''} pour votre rendez-vous avec ${f.practitioner} du ${f.when} n’a pas abouti.`,
          'Le rendez-vous n’est pas confirmé tant que le paiement n’a pas réussi. Réessayez, par exemple avec une autre carte.',
        ],
        rows: [...rows(f, 'fr', 'patient'), ...(f.amount ? [['Montant', f.amount] as [string, string]] : [])],
        action: 'Réessayer le paiement',
      }),
      en: (f) => ({
        subject: `Payment declined: appointment with ${f.practitioner}`,
        lines: [
          `The payment${f.amount ? ` of ${f.amount}` : ''} for your appointment with ${f.practitioner} on ${f.when} did not go through.`,
          'The appointment is not confirmed until the payment succeeds. Try again, for example with another card.',
        ],
        rows: [...rows(f, 'en', 'patient'), ...(f.amount ? [['Amount', f.amount] as [string, string]] : [])],
        action: 'Try the payment again',
      }),
    },
  },
  'payment.refunded': {
    patient: {
      fr: (f) => ({
        subject: `Remboursement effectué${f.amount ? ` : ${f.amount}` : ''}`,
        lines: [
          `Nous avons remboursé${f.amount ? ` ${f.amount}` : ' le paiement'} pour votre rendez-vous avec ${f.practitioner} du ${f.when}.`,
          'Selon votre banque, le remboursement peut mettre quelques jours à apparaître sur votre compte.',
        ],
        rows: [...rows(f, 'fr', 'patient'), ...(f.amount ? [['Montant', f.amount] as [string, string]] : [])],
        action: 'Voir mes rendez-vous',
      }),
      en: (f) => ({
        subject: `Refund issued${f.amount ? `: ${f.amount}` : ''}`,
        lines: [
          `We refunded${f.amount ? ` ${f.amount}` : ' the payment'} for your appointment with ${f.practitioner} on ${f.when}.`,
          'Depending on your bank, the refund may take a few days to show on your account.',
        ],
        rows: [...rows(f, 'en', 'patient'), ...(f.amount ? [['Amount', f.amount] as [string, string]] : [])],
        action: 'See my appointments',
      }),
    },
  },
};
