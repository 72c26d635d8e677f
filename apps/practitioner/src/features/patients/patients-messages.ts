// Texts of the Patients page, a patient's page and the private note editor, under
// "practitioner.patients". vue-i18n syntax: never a bare at-sign or pipe. Counted texts have one
// key per plural form (one / other), chosen with pluralForm from @carebook/ui.
const fr = {
  title: 'Patients',
  subtitle: 'Les personnes qui ont pris rendez-vous avec vous, les plus récentes d’abord.',
  search: 'Rechercher un patient',
  searchHint: 'Nom ou adresse e-mail',
  loading: 'Chargement des patients…',
  count: {
    one: '{n} patient',
    other: '{n} patients',
  },
  empty: 'Aucun patient pour l’instant : ils apparaîtront ici dès leur première réservation.',
  emptySearch: 'Aucun patient ne correspond à « {search} ».',
  columns: {
    name: 'Patient',
    contact: 'Contact',
    last: 'Dernier rendez-vous',
    next: 'Prochain rendez-vous',
    visits: 'Consultations',
  },
  none: 'Aucun',
  noContact: 'Pas de téléphone',
  visits: {
    one: '{n} consultation',
    other: '{n} consultations',
  },
  back: 'Tous les patients',
  page: {
    loading: 'Chargement de la fiche…',
    notFound: 'Ce patient n’existe pas, ou il n’a jamais pris rendez-vous avec vous.',
    contact: 'Coordonnées',
    email: 'E-mail',
    phone: 'Téléphone',
    noPhone: 'Non renseigné',
    history: 'Historique avec vous',
    historyHint:
      'Seuls vos rendez-vous avec ce patient sont listés. Les notes privées ne sont visibles que par vous.',
    historyEmpty: 'Aucun rendez-vous dans cette liste.',
    cancelReason: 'Motif : {reason}',
  },
  notes: {
    label: 'Note privée',
    hint: 'Visible par vous seul·e. Enregistrée automatiquement.',
    placeholder: 'Observations, suites à donner…',
    loading: 'Chargement de la note…',
    loadFailed: 'La note n’a pas pu être chargée.',
    saving: 'Enregistrement…',
    saved: 'Enregistrée à {time}',
    savedEarlier: 'Enregistrée le {date}',
    failed: 'Non enregistrée : {reason}',
    retry: 'Réessayer',
    tooLong: '{n} caractères au plus.',
    counter: '{n} / {max}',
  },
};

const en: typeof fr = {
  title: 'Patients',
  subtitle: 'The people who booked with you, most recent first.',
  search: 'Search for a patient',
  searchHint: 'Name or e-mail address',
  loading: 'Loading patients…',
  count: {
    one: '{n} patient',
    other: '{n} patients',
  },
  empty: 'No patients yet: they will show here as soon as they book.',
  emptySearch: 'No patient matches “{search}”.',
  columns: {
    name: 'Patient',
    contact: 'Contact',
    last: 'Last appointment',
    next: 'Next appointment',
    visits: 'Visits',
  },
  none: 'None',
  noContact: 'No phone',
  visits: {
    one: '{n} visit',
    other: '{n} visits',
  },
  back: 'All patients',
  page: {
    loading: 'Loading the patient’s page…',
    notFound: 'This patient does not exist, or never booked with you.',
    contact: 'Contact details',
    email: 'E-mail',
    phone: 'Phone',
    noPhone: 'Not given',
    history: 'History with you',
    historyHint:
      'Only your appointments with this patient are listed. Private notes are visible to you alone.',
    historyEmpty: 'No appointments in this list.',
    cancelReason: 'Reason: {reason}',
  },
  notes: {
    label: 'Private note',
    hint: 'Visible to you alone. Saved automatically.',
    placeholder: 'Observations, next steps…',
    loading: 'Loading the note…',
    loadFailed: 'The note could not be loaded.',
    saving: 'Saving…',
    saved: 'Saved at {time}',
    savedEarlier: 'Saved on {date}',
    failed: 'Not saved: {reason}',
    retry: 'Try again',
    tooLong: '{n} characters at most.',
    counter: '{n} / {max}',
  },
};

export const patientsMessages = { fr, en };
