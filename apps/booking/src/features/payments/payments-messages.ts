// Texts of the Payments page and its header link, under "booking.payments". vue-i18n syntax:
// never a bare at-sign or pipe. Counted texts have one key per plural form (one / other).
const fr = {
  nav: 'Mes paiements',
  title: 'Mes paiements',
  subtitle: 'Vos consultations réglées en ligne, leurs remboursements et leurs reçus.',
  count: {
    one: '{n} paiement',
    other: '{n} paiements',
  },
  empty: 'Aucun paiement pour l’instant. Les consultations que vous réglez en ligne apparaîtront ici.',
  appointment: 'Consultation du {when}',
  unknownPractitioner: 'Praticien',
  amount: 'Montant',
  paidOn: 'Payé le {date}',
  refundedOn: 'Remboursé le {date}',
  receipt: 'Reçu',
  pay: 'Payer',
  payLabel: 'Payer {amount} pour la consultation du {when}',
  receiptLabel: 'Reçu du paiement de {amount} pour la consultation du {when}',
  back: {
    confirmed: 'Votre rendez-vous est confirmé.',
    toPayments: 'Voir mes paiements',
  },
  statuses: {
    open: 'En attente de paiement',
    paid: 'Payé',
    failed: 'Paiement refusé',
    expired: 'Non payé : délai dépassé',
    refund_pending: 'Remboursement en cours',
    refunded: 'Remboursé',
    refund_failed: 'Remboursement échoué : notre équipe vous contacte',
  },
};

const en: typeof fr = {
  nav: 'My payments',
  title: 'My payments',
  subtitle: 'Consultations you paid for online, their refunds and their receipts.',
  count: {
    one: '{n} payment',
    other: '{n} payments',
  },
  empty: 'No payments yet. Consultations you pay for online will show here.',
  appointment: 'Consultation on {when}',
  unknownPractitioner: 'Practitioner',
  amount: 'Amount',
  paidOn: 'Paid on {date}',
  refundedOn: 'Refunded on {date}',
  receipt: 'Receipt',
  pay: 'Pay',
  payLabel: 'Pay {amount} for the consultation on {when}',
  receiptLabel: 'Receipt of the {amount} payment for the consultation on {when}',
  back: {
    confirmed: 'Your appointment is confirmed.',
    toPayments: 'See my payments',
  },
  statuses: {
    open: 'Awaiting payment',
    paid: 'Paid',
    failed: 'Payment declined',
    expired: 'Not paid: time ran out',
    refund_pending: 'Refund pending',
    refunded: 'Refunded',
    refund_failed: 'Refund failed: our team will contact you',
  },
};

export const paymentsMessages = { fr, en };
