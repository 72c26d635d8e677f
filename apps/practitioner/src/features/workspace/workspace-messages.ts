// Names of the workspace's pages in the header menu, in both languages.
export const workspaceMessages = {
  fr: {
    menu: 'Mon espace',
    calendar: 'Agenda',
    billing: 'Facturation',
  },
  en: {
    menu: 'My workspace',
    calendar: 'Calendar',
    billing: 'Billing',
  },
};
