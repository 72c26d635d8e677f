// Names of the workspace's pages in the header menu, in both languages.
export const workspaceMessages = {
  fr: {
    menu: 'Mon espace',
    billing: 'Facturation',
    profile: 'Profil',
    availability: 'Disponibilités',
  },
  en: {
    menu: 'My workspace',
    billing: 'Billing',
    profile: 'Profile',
    availability: 'Availability',
  },
};
