// Names of the workspace's pages in the header menu, under "practitioner.nav", in both languages.
const fr = {
  menu: 'Mon espace',
  billing: 'Facturation',
};

const en: typeof fr = {
  menu: 'My workspace',
  billing: 'Billing',
};

export const workspaceMessages = { fr, en };
