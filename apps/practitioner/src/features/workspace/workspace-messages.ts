// Names of the workspace's pages in the header menu, in both languages.
export const workspaceMessages = {
  fr: {
    menu: 'Mon espace',
    billing: 'Facturation',
  },
  en: {
    menu: 'My workspace',
    billing: 'Billing',
  },
} as const;
