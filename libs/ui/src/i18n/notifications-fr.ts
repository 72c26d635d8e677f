// French texts of the notification bell and list, and the sentence of each notification topic
// (topics.<topic>.<audience>, audience `any` when both sides read the same). {appointment}, {on},
// {practitioner} and {patient} are filled from parts.* so that a missing field still reads well.
export const notificationsFr = {
  title: 'Notifications',
  // Three forms: none, one, several (chosen by the plural rules in plural-rules.ts).
  unreadCount: 'Aucune notification non lue | {count} notification non lue | {count} notifications non lues',
  markAllRead: 'Tout marquer comme lu',
  unread: 'Non lue :',
  empty: 'Aucune notification pour le moment',
  emptyHint: 'Vos confirmations, rappels et messages de compte apparaîtront ici.',
  loadError: 'Impossible de charger vos notifications.',
  markError: 'Impossible de marquer comme lu.',
  close: 'Fermer les notifications',
  received: 'Reçue le {when}',
  parts: {
    appointment: 'rendez-vous',
    appointmentNamed: 'rendez-vous « {name} »',
    on: 'le {when}',
    onUnknown: 'à la date prévue',
    practitioner: 'votre praticien',
    patient: 'un patient',
    reason: 'Motif : {reason}',
    amount: 'Montant : {amount}',
  },
  topics: {
    appointment: {
      held: {
        patient: 'Votre {appointment} avec {practitioner} {on} vous est réservé en attendant le paiement.',
        practitioner: 'Un {appointment} avec {patient} {on} est réservé en attendant le paiement.',
      },
      confirmed: {
        patient: 'Votre {appointment} avec {practitioner} {on} est confirmé.',
        practitioner: 'Nouveau {appointment} avec {patient} {on}.',
      },
      rescheduled: {
        patient: 'Votre {appointment} avec {practitioner} a désormais lieu {on}.',
        practitioner: 'Le {appointment} avec {patient} a désormais lieu {on}.',
      },
      cancelled: {
        patient: 'Votre {appointment} avec {practitioner} {on} est annulé.',
        practitioner: 'Le {appointment} avec {patient} {on} est annulé ; le créneau est de nouveau libre.',
      },
      hold_expired: {
        patient:
          'Le paiement n’a pas été terminé à temps : votre {appointment} avec {practitioner} {on} n’est plus réservé.',
        practitioner:
          'Le {appointment} avec {patient} {on} n’a pas été payé à temps ; le créneau est de nouveau libre.',
      },
      reminder: {
        patient: 'Rappel : votre {appointment} avec {practitioner} a lieu {on}.',
        practitioner: 'Rappel : votre {appointment} avec {patient} a lieu {on}.',
      },
      changed_in_google: {
        practitioner: 'Le {appointment} avec {patient} {on} a été déplacé ou supprimé dans Google Agenda. Rien n’a changé dans Carebook : vérifiez-le dans votre agenda.',
      },
    },
    payment: {
      failed: {
        any: 'Le paiement de votre {appointment} avec {practitioner} {on} a échoué. Réessayez pour garder le créneau.',
      },
      refunded: { any: 'Votre {appointment} avec {practitioner} {on} a été remboursé.' },
    },
    subscription: {
      payment_failed: {
        any: 'Le paiement de votre abonnement a échoué. Mettez à jour votre moyen de paiement.',
      },
    },
    practitioner: {
      verification: {
        submitted: { any: 'Votre profil a été envoyé pour vérification. Nous vous répondrons rapidement.' },
        verified: { any: 'Votre profil est vérifié : il peut désormais être publié.' },
        rejected: { any: 'Votre profil n’a pas été validé. Corrigez-le, puis renvoyez-le.' },
        suspended: { any: 'Votre profil est suspendu : il n’apparaît plus dans la recherche.' },
      },
    },
    account: {
      welcome: { any: 'Bienvenue sur Carebook !' },
    },
    homecare: {
      offer: {
        any: 'Une demande de soins à domicile près de chez vous attend un praticien : ouvrez-la pour la voir et l’accepter.',
      },
      accepted: {
        any: '{practitioner} a accepté votre demande de soins à domicile : vos visites sont planifiées.',
      },
      escalated: {
        any: 'Une demande de soins à domicile a dépassé son délai d’urgence : attribuez-la à la main.',
      },
      stuck: {
        any: 'Une demande de soins à domicile semble bloquée : vérifiez-la sur le tableau des soins à domicile.',
      },
    },
    calendar: {
      connection_broken: {
        any: 'Carebook n’a plus accès à votre agenda Google. Reconnectez-le pour garder vos disponibilités à jour.',
      },
    },
  },
  other: 'Vous avez une nouvelle notification.',
};
