// Names of the workspace's pages in the header menu, in both languages.
export const workspaceMessages = {
  fr: {
    menu: 'Mon espace',
    billing: 'Facturation',
    staff: 'Bureau de l’équipe',
  },
  en: {
    menu: 'My workspace',
    billing: 'Billing',
    staff: 'Staff desk',
  },
};
