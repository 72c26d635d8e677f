// Names of the workspace's pages in the header menu, under "practitioner.nav", in both languages.
const fr = {
  menu: 'Mon espace',
  calendar: 'Agenda',
  availability: 'Disponibilités',
  appointments: 'Rendez-vous',
  patients: 'Patients',
  profile: 'Profil',
  integrations: 'Intégrations',
  billing: 'Facturation',
  staff: 'Bureau de l’équipe',
  rounds: 'Ma tournée',
  homeVisits: 'Visites à domicile',
};

const en: typeof fr = {
  menu: 'My workspace',
  calendar: 'Calendar',
  availability: 'Availability',
  appointments: 'Appointments',
  patients: 'Patients',
  profile: 'Profile',
  integrations: 'Integrations',
  billing: 'Billing',
  staff: 'Staff desk',
  rounds: 'My rounds',
  homeVisits: 'Home visits',
};

export const workspaceMessages = { fr, en };
