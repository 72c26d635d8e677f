// Names of the workspace's pages in the header menu, under "practitioner.nav", in both languages.
const fr = {
  menu: 'Mon espace',
  billing: 'Facturation',
  rounds: 'Ma tournée',
  homeVisits: 'Visites à domicile',
};

const en: typeof fr = {
  menu: 'My workspace',
  billing: 'Billing',
  rounds: 'My rounds',
  homeVisits: 'Home visits',
};

export const workspaceMessages = { fr, en };
