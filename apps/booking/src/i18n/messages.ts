// Texts of the booking app itself, under the "booking" key; shared texts live in @carebook/ui.
// vue-i18n syntax: never write a bare at-sign or pipe in a text.
import { paymentsMessages } from '../features/payments/payments-messages.ts';
import { pagesMessages } from '../features/pages/pages-messages.ts';
import { homeCareMessages } from '../features/home-care/home-care-messages.ts';

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
    },
    footer: 'Carebook · Consultations avec des praticiens de santé vérifiés',
    payments: paymentsMessages.fr,
    pages: pagesMessages.fr,
    homeCare: homeCareMessages.fr,
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
    },
    footer: 'Carebook · Consultations with verified health practitioners',
    payments: paymentsMessages.en,
    pages: pagesMessages.en,
    homeCare: homeCareMessages.en,
  },
};

export const bookingMessages = { fr, en };
