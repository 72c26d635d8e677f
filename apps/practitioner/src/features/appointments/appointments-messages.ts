// Texts of the Appointments page and of the list rows the patient page reuses, under
// "practitioner.appointments". vue-i18n syntax: never a bare at-sign or pipe. Counted texts have
// one key per plural form (one / other), chosen with pluralForm from @carebook/ui.
const fr = {
  title: 'Rendez-vous',
  subtitle: 'Tous vos rendez-vous, à venir comme passés. Ouvrez une ligne pour voir la fiche du patient.',
  zone: 'Heures affichées dans votre fuseau : {zone}',
  filterLabel: 'Quels rendez-vous',
  filters: {
    upcoming: 'À venir',
    past: 'Passés',
    cancelled: 'Annulés',
    no_show: 'Absences',
    all: 'Tous',
  },
  search: 'Rechercher un patient',
  searchHint: 'Nom ou adresse e-mail',
  loading: 'Chargement des rendez-vous…',
  count: {
    one: '{n} rendez-vous',
    other: '{n} rendez-vous',
  },
  empty: {
    upcoming: 'Aucun rendez-vous à venir.',
    past: 'Aucun rendez-vous passé.',
    cancelled: 'Aucun rendez-vous annulé.',
    no_show: 'Aucune absence enregistrée.',
    all: 'Aucun rendez-vous pour l’instant.',
    search: 'Aucun rendez-vous ne correspond à « {search} ».',
  },
  retry: 'Réessayer',
  when: '{date}, {from} – {to}',
  unnamed: 'Patient sans nom',
  openPatient: 'Ouvrir la fiche de {name}',
  note: 'Note privée',
  status: {
    held: 'En attente de paiement',
    confirmed: 'Confirmé',
    cancelled: 'Annulé',
    completed: 'Terminé',
    no_show: 'Absent',
    past: 'Passé',
  },
  cancelledBy: {
    patient: 'par le patient',
    practitioner: 'par vous',
    staff: 'par l’équipe Carebook',
    system: 'paiement non reçu à temps',
  },
  modes: {
    video: 'Vidéo',
    in_person: 'Au cabinet',
    at_home: 'À domicile',
  },
  pager: {
    label: 'Pages',
    previous: 'Page précédente',
    next: 'Page suivante',
    range: '{from} – {to} sur {total}',
  },
};

const en: typeof fr = {
  title: 'Appointments',
  subtitle: 'All your appointments, upcoming and past. Open a row to see the patient’s page.',
  zone: 'Times shown in your time zone: {zone}',
  filterLabel: 'Which appointments',
  filters: {
    upcoming: 'Upcoming',
    past: 'Past',
    cancelled: 'Cancelled',
    no_show: 'No-shows',
    all: 'All',
  },
  search: 'Search for a patient',
  searchHint: 'Name or e-mail address',
  loading: 'Loading appointments…',
  count: {
    one: '{n} appointment',
    other: '{n} appointments',
  },
  empty: {
    upcoming: 'No upcoming appointments.',
    past: 'No past appointments.',
    cancelled: 'No cancelled appointments.',
    no_show: 'No no-shows recorded.',
    all: 'No appointments yet.',
    search: 'No appointment matches “{search}”.',
  },
  retry: 'Try again',
  when: '{date}, {from} – {to}',
  unnamed: 'Unnamed patient',
  openPatient: 'Open {name}’s page',
  note: 'Private note',
  status: {
    held: 'Awaiting payment',
    confirmed: 'Confirmed',
    cancelled: 'Cancelled',
    completed: 'Completed',
    no_show: 'No-show',
    past: 'Past',
  },
  cancelledBy: {
    patient: 'by the patient',
    practitioner: 'by you',
    staff: 'by the Carebook team',
    system: 'payment not received in time',
  },
  modes: {
    video: 'Video',
    in_person: 'In person',
    at_home: 'At home',
  },
  pager: {
    label: 'Pages',
    previous: 'Previous page',
    next: 'Next page',
    range: '{from} – {to} of {total}',
  },
};

export const appointmentsMessages = { fr, en };
