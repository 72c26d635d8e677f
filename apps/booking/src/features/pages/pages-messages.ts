// Texts of the content pages (/pages/<slug>) and the footer links to them, under "booking.pages".
const fr = {
  footerLabel: 'Informations',
  links: { help: 'Aide', terms: 'Conditions d’utilisation', privacy: 'Confidentialité', about: 'À propos' },
  notFound: 'Cette page n’existe pas ou n’est pas encore publiée.',
  backHome: 'Retour à la recherche',
  otherLanguage: 'Cette page n’existe pas encore en français : voici la version anglaise.',
  title: 'Informations',
};

const en: typeof fr = {
  footerLabel: 'Information',
  links: { help: 'Help', terms: 'Terms of use', privacy: 'Privacy', about: 'About' },
  notFound: 'This page does not exist or is not published yet.',
  backHome: 'Back to search',
  otherLanguage: 'This page is not available in English yet: here is the French version.',
  title: 'Information',
};

export const pagesMessages = { fr, en };
