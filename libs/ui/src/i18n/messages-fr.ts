// French texts of the shared components. French is the default language of Carebook.
// vue-i18n syntax: {name} interpolates; never write a bare at-sign or pipe in a text (a pipe
// separates plural forms, only in the keys messages.spec.ts lists as plural).
import { notificationsFr } from './notifications-fr.ts';
import { searchFr } from './search-fr.ts';
import { notificationSettingsFr } from './notification-settings-fr.ts';
import {
  appointmentPageFr,
  bookingFlowFr,
  myAppointmentsFr,
  practitionerPageFr,
  slotGridFr,
} from './booking-flow-fr.ts';

export const fr = {
  common: {
    brand: 'Carebook',
    loading: 'Chargement…',
    retry: 'Réessayer',
    home: 'Accueil',
    account: 'Mon compte',
    signIn: 'Se connecter',
    signUp: 'Créer un compte',
    signOut: 'Se déconnecter',
    skipToContent: 'Aller au contenu',
  },
  locale: {
    label: 'Langue',
    fr: 'Français',
    en: 'English',
  },
  auth: {
    signInTab: 'Connexion',
    signUpTab: 'Inscription',
    signInTitle: 'Bon retour parmi nous',
    signUpTitle: 'Créez votre compte',
    email: 'Adresse e-mail',
    password: 'Mot de passe',
    fullName: 'Nom complet',
    passwordHint: 'Au moins {min} caractères.',
    showPassword: 'Afficher le mot de passe',
    hidePassword: 'Masquer le mot de passe',
    submitSignIn: 'Se connecter',
    submitSignUp: 'Créer mon compte',
    noAccount: 'Pas encore de compte ?',
    haveAccount: 'Déjà un compte ?',
    validation: {
      email: {
        required: 'Saisissez votre adresse e-mail.',
        invalid: 'Cette adresse e-mail ne semble pas valide.',
        too_long: 'Cette adresse e-mail est trop longue.',
      },
      password: {
        required: 'Saisissez votre mot de passe.',
        too_short: 'Le mot de passe doit contenir au moins {min} caractères.',
        too_long: 'Le mot de passe est trop long.',
        common: 'Ce mot de passe est trop courant ou trop facile à deviner. Choisissez-en un autre.',
      },
      fullName: {
        required: 'Saisissez votre nom.',
        too_long: 'Ce nom est trop long.',
      },
    },
    confirm: {
      title: 'Vérifiez votre boîte e-mail',
      body: 'Nous avons envoyé un lien de confirmation à {email}. Ouvrez-le pour activer votre compte, puis choisissez votre mot de passe.',
      resend: 'Renvoyer l’e-mail',
      resent: 'E-mail renvoyé. Pensez à vérifier vos courriers indésirables.',
      back: 'Retour à la connexion',
      devInbox: 'Ouvrir la boîte de réception locale (développement)',
    },
    choosePassword: {
      title: 'Choisissez votre mot de passe',
      body: 'Votre adresse est confirmée. Choisissez le mot de passe qui vous servira à vous connecter.',
      submit: 'Enregistrer le mot de passe',
      done: 'Mot de passe enregistré.',
    },
    notConfirmed: 'Votre adresse e-mail n’est pas encore confirmée.',
  },
  errors: {
    invalid_credentials: 'E-mail ou mot de passe incorrect.',
    email_not_confirmed: 'Confirmez votre adresse e-mail avant de vous connecter.',
    user_already_exists: 'Un compte existe déjà avec cette adresse e-mail. Connectez-vous.',
    weak_password: 'Ce mot de passe est trop faible. Choisissez-en un plus long ou plus varié.',
    rate_limited: 'Trop de tentatives. Patientez quelques minutes avant de réessayer.',
    not_authenticated: 'Connectez-vous pour continuer.',
    session_expired: 'Votre session a expiré. Connectez-vous à nouveau.',
    link_expired: 'Ce lien est invalide ou a expiré. Demandez-en un nouveau.',
    forbidden: 'Vous n’avez pas accès à cette information.',
    not_found: 'Introuvable.',
    invalid_input: 'Certaines informations sont invalides.',
    text_too_long: 'Ce texte est trop long. Raccourcissez-le et réessayez.',
    out_of_range: 'Cette valeur est hors des limites permises.',
    already_exists: 'Cet élément existe déjà.',
    invalid_window: 'La période choisie est invalide : la fin doit suivre le début.',
    window_too_wide: 'La période choisie est trop longue. Choisissez-en une plus courte.',
    not_bookable: 'Ce praticien ou ce type de consultation n’est pas ouvert à la réservation.',
    self_booking: 'Vous ne pouvez pas prendre rendez-vous avec vous-même.',
    inside_notice:
      'Ce créneau est trop proche : ce praticien demande un délai de prévenance. Choisissez un créneau plus tardif.',
    beyond_horizon:
      'Ce créneau est trop éloigné : les réservations ne sont pas encore ouvertes à cette date.',
    outside_hours: 'Ce créneau est en dehors des horaires du praticien. Choisissez un autre créneau.',
    slot_taken:
      'Ce créneau vient d’être réservé par quelqu’un d’autre. Choisissez l’un des prochains créneaux libres.',
    off_grid: 'Ce créneau n’est pas proposé. Choisissez l’un des créneaux affichés.',
    active_limit_reached: 'Vous avez déjà 3 rendez-vous à venir avec ce praticien.',
    idempotency_conflict:
      'Cette demande a déjà servi à une autre réservation. Rechargez la page et réessayez.',
    appointment_closed: 'Ce rendez-vous est déjà annulé ou terminé.',
    cutoff_passed:
      'Il est trop tard pour modifier ou annuler ce rendez-vous en ligne. Contactez le praticien.',
    hold_expired: 'Le délai de paiement de ce créneau est écoulé. Réservez-le à nouveau.',
    reason_required: 'Indiquez un motif.',
    location_incomplete: 'Le lieu de recherche est incomplet. Choisissez une adresse dans la liste.',
    invalid_time_zone: 'Ce fuseau horaire est inconnu. Choisissez-en un dans la liste.',
    registration_invalid: 'Ce numéro d’enregistrement n’est pas valide.',
    registration_required: 'Un numéro d’enregistrement est nécessaire avant l’envoi.',
    registration_locked:
      'La profession et le numéro ne peuvent plus changer après l’envoi. Demandez à l’équipe de rouvrir votre profil.',
    specialty_mismatch: 'Cette spécialité appartient à une autre profession.',
    illegal_transition:
      'Ce changement d’état n’est pas possible depuis l’état actuel. Rechargez la page pour voir l’état à jour.',
    staff_only: 'Seule l’équipe Carebook peut faire cela.',
    self_review:
      'Vous ne pouvez pas statuer sur votre propre profil : un autre membre de l’équipe doit le faire.',
    owner_only: 'Seul le praticien peut envoyer son profil.',
    staff_edit_limited: 'L’équipe ne modifie que la vérification d’un profil, pas son contenu.',
    staff_role_locked: 'Le rôle équipe se gère depuis la liste des membres de l’équipe.',
    signature_invalid: 'Cette requête n’est pas signée correctement.',
    already_subscribed:
      'Vous avez déjà un abonnement en cours : changez de formule depuis l’espace de facturation.',
    payment_closed: 'Ce rendez-vous n’attend plus de paiement : il est déjà réglé ou n’est plus réservé.',
    preference_required:
      'Les confirmations et annulations de vos rendez-vous vous parviennent toujours par e-mail et dans l’application.',
    already_taken: 'Un autre praticien a accepté cette demande juste avant vous.',
    visit_unavailable:
      'Une des visites ne tient plus dans votre agenda (un rendez-vous a été pris entre-temps).',
    request_closed: 'Cette demande de soins a été annulée.',
    invalid_json: 'La requête envoyée est invalide. Rechargez la page et réessayez.',
    document_file_missing: 'Le fichier de ce document est introuvable.',
    network: 'Le service est injoignable. Vérifiez votre connexion et réessayez.',
    unexpected_data: 'Réponse inattendue du serveur.',
    unknown: 'Une erreur inattendue est survenue.',
  },
  profile: {
    title: 'Profil',
    email: 'E-mail',
    fullName: 'Nom',
    role: 'Type de compte',
    locale: 'Langue',
    memberSince: 'Membre depuis',
    noName: 'Nom non renseigné',
    roles: {
      patient: 'Patient',
      practitioner: 'Praticien',
      staff: 'Équipe Carebook',
    },
  },
  account: {
    title: 'Mon compte',
    subtitle: 'Les informations liées à votre compte Carebook.',
    loadError: 'Impossible de charger votre profil.',
    signingOut: 'Déconnexion…',
  },
  notifications: notificationsFr,
  search: searchFr,
  notificationSettings: notificationSettingsFr,
  slotGrid: slotGridFr,
  practitionerPage: practitionerPageFr,
  bookingFlow: bookingFlowFr,
  appointmentPage: appointmentPageFr,
  myAppointments: myAppointmentsFr,
  notFound: {
    code: '404',
    title: 'Page introuvable',
    body: 'La page demandée n’existe pas ou a été déplacée.',
    back: 'Retour à l’accueil',
  },
};

export type MessageSchema = typeof fr;
