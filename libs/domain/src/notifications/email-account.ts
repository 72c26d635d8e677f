// Account e-mails: welcome, practitioner verification, subscription payment, calendar sync.
import { reasonEn, reasonFr, type EmailTable } from './email-parts.ts';

export const ACCOUNT_EMAILS: EmailTable = {
  'subscription.payment_failed': {
    practitioner: {
      fr: (f) => ({
        subject: 'Le paiement de votre abonnement a échoué',
        lines: [
          `Le paiement${f.amount ? ` de ${f.amount}` : ''} de votre abonnement${f.plan ? ` «\u00a0${f.plan}\u00a0»` : ''} Carebook a échoué.`,
          'Mettez à jour votre moyen de paiement pour que votre profil reste visible dans la recherche.',
        ],
        action: 'Mettre à jour le paiement',
      }),
      en: (f) => ({
        subject: 'Your subscription payment failed',
        lines: [
          `The payment${f.amount ? ` of ${f.amount}` : ''} for your Carebook${f.plan ? ` "${f.plan}"` : ''} subscription failed.`,
          'Update your payment method so that your profile stays visible in search.',
        ],
        action: 'Update the payment method',
      }),
    },
  },
  'account.welcome': {
    patient: {
      fr: () => ({
        subject: 'Bienvenue sur Carebook',
        lines: [
          'Votre compte Carebook est prêt.',
          'Cherchez un praticien par spécialité ou par ville et réservez en ligne ; vos rendez-vous se retrouvent dans «\u00a0Mes rendez-vous\u00a0».',
        ],
        action: 'Trouver un praticien',
      }),
      en: () => ({
        subject: 'Welcome to Carebook',
        lines: [
          'Your Carebook account is ready.',
          'Search for a practitioner by specialty or city and book online; your appointments are in “My appointments”.',
        ],
        action: 'Find a practitioner',
      }),
    },
    practitioner: {
      fr: () => ({
        subject: 'Bienvenue sur Carebook',
        lines: [
          'Votre compte praticien Carebook est prêt.',
          'Complétez votre profil et envoyez-le pour vérification : une fois vérifié et votre abonnement actif, les patients peuvent réserver en ligne.',
        ],
        action: 'Compléter mon profil',
      }),
      en: () => ({
        subject: 'Welcome to Carebook',
        lines: [
          'Your Carebook practitioner account is ready.',
          'Complete your profile and send it for verification: once it is verified and your subscription is active, patients can book online.',
        ],
        action: 'Complete my profile',
      }),
    },
    staff: {
      fr: () => ({
        subject: 'Bienvenue dans l’équipe Carebook',
        lines: ['Votre compte équipe Carebook est prêt : vous pouvez vérifier les profils des praticiens.'],
        action: 'Ouvrir Carebook',
      }),
      en: () => ({
        subject: 'Welcome to the Carebook team',
        lines: ['Your Carebook staff account is ready: you can review practitioners’ profiles.'],
        action: 'Open Carebook',
      }),
    },
  },
  'calendar.connection_broken': {
    practitioner: {
      fr: () => ({
        subject: 'Carebook n’a plus accès à votre agenda Google',
        lines: [
          'La synchronisation avec Google Agenda est interrompue : Carebook n’y a plus accès.',
          'Tant qu’elle n’est pas rétablie, vos événements Google ne bloquent plus de créneaux et les nouveaux rendez-vous n’y sont pas ajoutés. Reconnectez votre agenda depuis vos réglages.',
        ],
        action: 'Reconnecter Google Agenda',
      }),
      en: () => ({
        subject: 'Carebook lost access to your Google Calendar',
        lines: [
          'The sync with Google Calendar stopped: Carebook no longer has access to it.',
          'Until it is restored, your Google events no longer block times and new appointments are not added to it. Reconnect your calendar in your settings.',
        ],
        action: 'Reconnect Google Calendar',
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
        action: 'Ouvrir mon espace',
      }),
      en: () => ({
        subject: 'Your profile is verified',
        lines: [
          'Good news: your profile is verified. It appears in search as soon as your subscription is active.',
        ],
        action: 'Open my workspace',
      }),
    },
  },
  'practitioner.verification.rejected': {
    practitioner: {
      fr: (f) => ({
        subject: 'Votre profil doit être complété',
        lines: [
          'L’équipe Carebook n’a pas pu vérifier votre profil.',
          ...reasonFr(f),
          'Corrigez-le puis envoyez-le à nouveau depuis votre espace.',
        ],
        action: 'Corriger mon profil',
      }),
      en: (f) => ({
        subject: 'Your profile needs changes',
        lines: [
          'The Carebook team could not verify your profile.',
          ...reasonEn(f),
          'Fix it, then send it again from your workspace.',
        ],
        action: 'Fix my profile',
      }),
    },
  },
  'practitioner.verification.suspended': {
    practitioner: {
      fr: (f) => ({
        subject: 'Votre profil est suspendu',
        lines: [
          'Votre profil n’apparaît plus dans la recherche.',
          ...reasonFr(f),
          'Répondez à cet e-mail pour en parler avec l’équipe.',
        ],
      }),
      en: (f) => ({
        subject: 'Your profile is suspended',
        lines: [
          'Your profile no longer appears in search.',
          ...reasonEn(f),
          'Reply to this e-mail to talk with the team.',
        ],
      }),
    },
  },
};
