// Texts of the Integrations page (Google Calendar), under "practitioner.integrations", in both
// languages (English checked against French's shape). vue-i18n syntax: never a bare at-sign; a
// pipe only between plural forms.
const fr = {
  title: 'Intégrations',
  subtitle:
    'Reliez votre agenda Google : vos événements bloquent vos créneaux et vos rendez-vous y apparaissent, avec un lien de visio.',
  google: {
    name: 'Google Agenda',
    notConnected: 'Google Agenda n’est pas relié.',
    notConnectedHint:
      'Après l’avoir relié, vos événements Google ne seront plus proposés à la réservation et chaque rendez-vous Carebook sera ajouté à votre agenda, avec un lien Google Meet pour les visios.',
    connect: 'Relier Google Agenda',
    reconnect: 'Relier à nouveau',
    disconnect: 'Déconnecter',
    syncNow: 'Synchroniser maintenant',
    account: 'Compte Google',
    status: 'État',
    statuses: { active: 'Synchronisé', broken: 'Accès perdu' },
    lastSync: 'Dernière synchronisation réussie',
    never: 'Pas encore',
    currentError: 'Dernier problème',
    nextTry: 'Nouvel essai prévu le {when}.',
    errors: {
      invalid_grant:
        'Google a retiré l’accès de Carebook (mot de passe changé ou accès révoqué). Reliez votre agenda à nouveau.',
      rateLimitExceeded: 'Google limite momentanément nos demandes ; Carebook réessaie de lui-même.',
      network: 'Google n’a pas répondu ; Carebook réessaie de lui-même.',
      other: 'Google a refusé une demande ; si cela dure, reliez votre agenda à nouveau.',
    },
    calendars: 'Vos agendas',
    calendarsHint:
      'Cochez les agendas dont les événements vous rendent indisponible, et choisissez celui qui reçoit vos rendez-vous.',
    blocks: 'Bloque mes créneaux',
    receives: 'Reçoit mes rendez-vous',
    receivesLegend: 'Agenda qui reçoit les rendez-vous',
    primary: 'principal',
    readOnly: 'lecture seule',
    save: 'Enregistrer mes choix',
    saved: 'Vos choix sont enregistrés.',
    synced: 'Synchronisation terminée.',
    back: {
      connected: 'Google Agenda est relié. Vos événements sont pris en compte.',
      denied: 'Vous n’avez pas autorisé Carebook : rien n’a été relié.',
      expired: 'Le lien de connexion a expiré. Recommencez.',
      failed: 'La connexion à Google n’a pas abouti. Réessayez.',
    },
    confirmTitle: 'Déconnecter Google Agenda ?',
    confirmBody:
      'Carebook perd l’accès à votre agenda : vos événements Google ne bloqueront plus vos créneaux et vos nouveaux rendez-vous n’y seront plus ajoutés. Les événements déjà créés restent dans Google.',
    cancel: 'Annuler',
    disconnected: 'Google Agenda est déconnecté.',
    busyTitle: 'Prochains moments occupés dans Google',
    busyNone: 'Aucun événement à venir dans les agendas qui bloquent vos créneaux.',
    busyRange: '{day}, {from} – {to} ({zone})',
  },
};

const en: typeof fr = {
  title: 'Integrations',
  subtitle:
    'Connect your Google Calendar: your events block your times and your appointments show there, with a video link.',
  google: {
    name: 'Google Calendar',
    notConnected: 'Google Calendar is not connected.',
    notConnectedHint:
      'Once connected, times taken by your Google events are no longer offered for booking, and every Carebook appointment is added to your calendar, with a Google Meet link for video calls.',
    connect: 'Connect Google Calendar',
    reconnect: 'Connect again',
    disconnect: 'Disconnect',
    syncNow: 'Sync now',
    account: 'Google account',
    status: 'Status',
    statuses: { active: 'In sync', broken: 'Access lost' },
    lastSync: 'Last successful sync',
    never: 'Not yet',
    currentError: 'Latest problem',
    nextTry: 'Next try planned for {when}.',
    errors: {
      invalid_grant:
        'Google withdrew Carebook’s access (password changed or access revoked). Connect your calendar again.',
      rateLimitExceeded: 'Google is limiting our requests for now; Carebook retries by itself.',
      network: 'Google did not answer; Carebook retries by itself.',
      other: 'Google refused a request; if this goes on, connect your calendar again.',
    },
    calendars: 'Your calendars',
    calendarsHint:
      'Tick the calendars whose events make you unavailable, and choose the one that receives your appointments.',
    blocks: 'Blocks my times',
    receives: 'Receives my appointments',
    receivesLegend: 'Calendar that receives appointments',
    primary: 'primary',
    readOnly: 'read only',
    save: 'Save my choices',
    saved: 'Your choices are saved.',
    synced: 'Sync finished.',
    back: {
      connected: 'Google Calendar is connected. Your events are taken into account.',
      denied: 'You did not allow Carebook: nothing was connected.',
      expired: 'The connection link expired. Start again.',
      failed: 'Connecting to Google did not work. Try again.',
    },
    confirmTitle: 'Disconnect Google Calendar?',
    confirmBody:
      'Carebook loses access to your calendar: your Google events will no longer block your times and new appointments will no longer be added to it. Events already created stay in Google.',
    cancel: 'Cancel',
    disconnected: 'Google Calendar is disconnected.',
    busyTitle: 'Next busy times from Google',
    busyNone: 'No upcoming event in the calendars that block your times.',
    busyRange: '{day}, {from} – {to} ({zone})',
  },
};

export const integrationsMessages = { fr, en };
