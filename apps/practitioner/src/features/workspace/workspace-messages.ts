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
};

export const workspaceMessages = { fr, en };
