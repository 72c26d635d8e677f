// Names of the workspace's pages in the header menu, under "practitioner.nav", in both languages.
const fr = {
  menu: 'Mon espace',
  billing: 'Facturation',
  appointments: 'Rendez-vous',
  patients: 'Patients',
  profile: 'Profil',
  availability: 'Disponibilités',
  integrations: 'Intégrations',
};

const en: typeof fr = {
  menu: 'My workspace',
  billing: 'Billing',
  appointments: 'Appointments',
  patients: 'Patients',
  profile: 'Profile',
  availability: 'Availability',
  integrations: 'Integrations',
};

export const workspaceMessages = { fr, en };
