// Texts of the booking app itself, under the "booking" key; shared texts live in @carebook/ui.
// vue-i18n syntax: never write a bare at-sign or pipe in a text.
import { paymentsMessages } from '../features/payments/payments-messages.ts';

const fr = {
  booking: {
    titles: {
      home: 'Consultez un praticien vérifié',
      auth: 'Connexion',
      account: 'Mon compte',
      notFound: 'Page introuvable',
      payments: 'Mes paiements',
    },
    home: {
      eyebrow: 'Santé et bien-être, en vidéo ou au cabinet',
      title: 'Consultez un praticien vérifié, au moment qui vous convient',
      lead: 'Carebook vous met en relation avec des psychologues, diététiciens, kinésithérapeutes et autres professionnels dont notre équipe a vérifié les diplômes et le numéro d’inscription. Choisissez un créneau, payez en ligne, consultez en vidéo ou au cabinet.',
      ctaSignUp: 'Créer mon compte gratuit',
      ctaSignIn: 'J’ai déjà un compte',
      ctaAccount: 'Accéder à mon compte',
      proofTitle: 'Ce que Carebook vérifie pour vous',
      proof: {
        registration: 'Numéro d’inscription professionnelle contrôlé',
        diplomas: 'Diplômes examinés par notre équipe',
        payment: 'Paiement en ligne sécurisé',
      },
      featuresTitle: 'Pourquoi Carebook',
      features: {
        verified: {
          title: 'Des praticiens vérifiés',
          body: 'Chaque profil est relu par notre équipe avant publication : pas de profil en ligne sans contrôle.',
        },
        modes: {
          title: 'En vidéo ou au cabinet',
          body: 'Consultez depuis chez vous ou rendez-vous au cabinet : chaque praticien indique ce qu’il propose.',
        },
        payment: {
          title: 'Réservation et paiement en ligne',
          body: 'Réservez un créneau libre et payez en ligne ; confirmation et rappels arrivent par e-mail.',
        },
      },
      stepsTitle: 'Comment ça marche',
      steps: {
        account: { title: 'Créez votre compte', body: 'Une adresse e-mail et un mot de passe suffisent.' },
        choose: { title: 'Choisissez', body: 'Un praticien, un type de consultation et un créneau libre.' },
        consult: { title: 'Consultez', body: 'Rejoignez l’appel vidéo ou rendez-vous au cabinet.' },
      },
    },
    footer: 'Carebook · Consultations avec des praticiens de santé vérifiés',
    payments: paymentsMessages.fr,
  },
};

const en: typeof fr = {
  booking: {
    titles: {
      home: 'See a verified practitioner',
      auth: 'Sign in',
      account: 'My account',
      notFound: 'Page not found',
      payments: 'My payments',
    },
    home: {
      eyebrow: 'Health and wellbeing, by video or in person',
      title: 'See a verified practitioner, at a time that suits you',
      lead: 'Carebook connects you with psychologists, dietitians, physiotherapists and other professionals whose diplomas and registration our team has checked. Pick a slot, pay online, and consult by video or at the practice.',
      ctaSignUp: 'Create my free account',
      ctaSignIn: 'I already have an account',
      ctaAccount: 'Go to my account',
      proofTitle: 'What Carebook checks for you',
      proof: {
        registration: 'Professional registration number checked',
        diplomas: 'Diplomas reviewed by our team',
        payment: 'Secure online payment',
      },
      featuresTitle: 'Why Carebook',
      features: {
        verified: {
          title: 'Verified practitioners',
          body: 'Our team reviews every profile before it is published: nothing goes online unchecked.',
        },
        modes: {
          title: 'By video or in person',
          body: 'Consult from home or go to the practice: each practitioner says what they offer.',
        },
        payment: {
          title: 'Book and pay online',
          body: 'Book a free slot and pay online; the confirmation and reminders come by email.',
        },
      },
      stepsTitle: 'How it works',
      steps: {
        account: { title: 'Create your account', body: 'An email address and a password are all it takes.' },
        choose: { title: 'Choose', body: 'A practitioner, a type of consultation and a free slot.' },
        consult: { title: 'Consult', body: 'Join the video call or go to the practice.' },
      },
    },
    footer: 'Carebook · Consultations with verified health practitioners',
    payments: paymentsMessages.en,
  },
};

export const bookingMessages = { fr, en };
