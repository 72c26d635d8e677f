// French texts of the "Notifications" section of the account page: phone, time zone and the
// category x channel grid of preferences.
export const notificationSettingsFr = {
  title: 'Notifications',
  subtitle: 'Choisissez comment Carebook vous prévient. Chaque choix est enregistré aussitôt.',
  loadError: 'Impossible de charger vos préférences de notification.',
  phone: {
    label: 'Numéro de téléphone mobile',
    hint: 'Au format international, par exemple +33 6 12 34 56 78. Laissez vide pour ne recevoir aucun SMS.',
    save: 'Enregistrer le numéro',
    saved: 'Numéro enregistré.',
    removed: 'Numéro supprimé : vous ne recevrez plus de SMS.',
    issues: {
      international: 'Commencez par + et l’indicatif du pays, par exemple +33 6 12 34 56 78.',
      invalid:
        'Ce numéro n’est pas valide : + puis l’indicatif du pays et le numéro, 7 à 15 chiffres en tout.',
    },
  },
  timeZone: {
    label: 'Fuseau horaire',
    hint: 'Les heures de vos messages sont écrites dans ce fuseau.',
    saved: 'Fuseau horaire enregistré.',
  },
  grid: {
    caption: 'Recevoir les messages, par sujet et par canal',
    category: 'Sujet',
    categories: {
      booking: 'Réservations',
      reminders: 'Rappels',
      account: 'Compte',
    },
    categoryHints: {
      booking: 'Confirmations, déplacements, annulations, paiements.',
      reminders: 'La veille et une heure avant chaque rendez-vous.',
      account: 'Vérification du profil, abonnement, agenda connecté.',
    },
    channels: {
      email: 'E-mail',
      sms: 'SMS',
      in_app: 'Dans l’application',
    },
    toggle: '{category} par {channel}',
    required: 'Indispensable pour vos réservations : toujours activé.',
    smsNeedsPhone: 'Ajoutez un numéro de téléphone pour recevoir des SMS.',
    saveError: 'Ce choix n’a pas été enregistré.',
  },
};
