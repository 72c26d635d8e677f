// Texts of the practitioner app itself, under the "practitioner" key; shared texts live in
// @carebook/ui. vue-i18n syntax: never write a bare at-sign or pipe in a text.
import { appointmentsMessages } from '../features/appointments/appointments-messages.ts';
import { availabilityMessages } from '../features/availability/availability-messages.ts';
import { billingMessages } from '../features/billing/billing-messages.ts';
import { calendarMessages } from '../features/calendar/calendar-messages.ts';
import { onboardingMessages } from '../features/onboarding/onboarding-messages.ts';
import { patientsMessages } from '../features/patients/patients-messages.ts';
import { integrationsMessages } from '../features/integrations/integrations-messages.ts';
import { workspaceMessages } from '../features/workspace/workspace-messages.ts';
import { staffMessages } from '../features/staff/staff-messages.ts';
import { homeCareMessages } from '../features/home-care/home-care-messages.ts';

const fr = {
  practitioner: {
    titles: {
      home: 'L’espace des praticiens',
      auth: 'Connexion',
      account: 'Mon compte',
      notFound: 'Page introuvable',
      billing: 'Facturation',
      calendar: 'Agenda',
    },
    home: {
      eyebrow: 'Carebook Pro, pour les praticiens de santé et de bien-être',
      title: 'Votre activité, organisée au même endroit',
      lead: 'Publiez un profil vérifié, définissez vos disponibilités et laissez vos patients réserver et payer en ligne. Vos rendez-vous, vos patients et votre agenda restent à jour, sans échanges de messages.',
      ctaSignIn: 'Accéder à mon espace',
      ctaSignUp: 'Créer un compte praticien',
      ctaAccount: 'Mon compte',
      featuresTitle: 'Tout ce qu’il faut pour votre cabinet',
      features: {
        profile: {
          title: 'Un profil vérifié',
          body: 'Transmettez votre numéro d’inscription et vos diplômes : notre équipe les vérifie avant la mise en ligne de votre profil.',
        },
        availability: {
          title: 'Disponibilités et agenda',
          body: 'Définissez vos types de consultation, vos horaires de la semaine et vos exceptions ; synchronisez Google Agenda.',
        },
        appointments: {
          title: 'Rendez-vous et patients',
          body: 'Retrouvez vos réservations, vos patients et leurs paiements d’un coup d’œil.',
        },
      },
      staffTitle: 'Membre de l’équipe Carebook ?',
      staffBody: 'Connectez-vous ici avec votre compte équipe pour examiner les profils de praticiens.',
    },
    auth: {
      note: 'Les comptes créés ici sont des comptes praticiens. Vous cherchez à consulter ? Utilisez l’application Carebook pour les patients.',
    },
    footer: 'Carebook Pro · L’espace des praticiens',
    billing: billingMessages.fr,
    appointments: appointmentsMessages.fr,
    patients: patientsMessages.fr,
    availability: availabilityMessages.fr,
    onboarding: onboardingMessages.fr,
    calendar: calendarMessages.fr,
    integrations: integrationsMessages.fr,
    nav: workspaceMessages.fr,
    staff: staffMessages.fr,
    homeCare: homeCareMessages.fr,
  },
};

const en: typeof fr = {
  practitioner: {
    titles: {
      home: 'The practitioners’ workspace',
      auth: 'Sign in',
      account: 'My account',
      notFound: 'Page not found',
      billing: 'Billing',
      calendar: 'Calendar',
    },
    home: {
      eyebrow: 'Carebook Pro, for health and wellbeing practitioners',
      title: 'Your practice, organised in one place',
      lead: 'Publish a verified profile, set your availability and let your patients book and pay online. Your appointments, patients and calendar stay up to date, without back-and-forth messages.',
      ctaSignIn: 'Go to my workspace',
      ctaSignUp: 'Create a practitioner account',
      ctaAccount: 'My account',
      featuresTitle: 'Everything your practice needs',
      features: {
        profile: {
          title: 'A verified profile',
          body: 'Send your registration number and diplomas: our team checks them before your profile goes live.',
        },
        availability: {
          title: 'Availability and calendar',
          body: 'Set your consultation types, weekly hours and exceptions; sync with Google Calendar.',
        },
        appointments: {
          title: 'Appointments and patients',
          body: 'See your bookings, your patients and their payments at a glance.',
        },
      },
      staffTitle: 'On the Carebook team?',
      staffBody: 'Sign in here with your staff account to review practitioner profiles.',
    },
    auth: {
      note: 'Accounts created here are practitioner accounts. Looking for a consultation? Use the Carebook app for patients.',
    },
    footer: 'Carebook Pro · The practitioners’ workspace',
    billing: billingMessages.en,
    appointments: appointmentsMessages.en,
    patients: patientsMessages.en,
    availability: availabilityMessages.en,
    onboarding: onboardingMessages.en,
    calendar: calendarMessages.en,
    integrations: integrationsMessages.en,
    nav: workspaceMessages.en,
    staff: staffMessages.en,
    homeCare: homeCareMessages.en,
  },
};

export const practitionerMessages = { fr, en };
