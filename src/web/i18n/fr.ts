import { home } from './fr/home.js';
import { tickets } from './fr/tickets.js';
import { customers } from './fr/customers.js';
import { dictionaries } from './fr/dictionaries.js';
import { admin } from './fr/admin.js';
import { customFields } from './fr/customFields.js';
import { documents } from './fr/documents.js';
import { settings } from './fr/settings.js';
// <i18n-imports:mail>
import { notifications } from './fr/notifications.js';
// <i18n-imports:notifications>
import { portalLink } from './fr/portalLink.js';
// <i18n-imports:portal>
import { fieldservice } from './fr/fieldservice.js';
// <i18n-imports:fieldservice>

/**
 * French messages. en.ts must have exactly the same keys (checked by tsc and by i18n.test.ts).
 * French typography: a no-break space (\u00a0) before « : » and between a number and its unit.
 */
export const fr = {
  app: {
    name: 'Guichet',
    tagline: 'Service après-vente et gestion des incidents',
    pageTitle: '{{page}} · Guichet',
  },
  common: {
    retry: 'Réessayer',
    loading: 'Chargement…',
    language: 'Langue',
    languages: { fr: 'Français', en: 'English' },
    backHome: 'Retour à l’accueil',
    backToLogin: 'Retour à la connexion',
  },
  errors: {
    network: 'Le serveur ne répond pas. Vérifiez votre connexion et réessayez.',
    unexpected: 'Une erreur inattendue est survenue\u00a0: {{message}}',
    forbiddenTitle: 'Accès refusé',
    forbiddenText: 'Vous n’avez pas les droits nécessaires pour afficher cette page.',
    notFoundTitle: 'Page introuvable',
    notFoundText: 'L’adresse demandée ne correspond à aucune page de Guichet.',
  },
  validation: {
    required: 'Champ obligatoire',
    email: 'Adresse e-mail invalide',
    passwordLength: 'Trop court\u00a0: au moins {{min}} caractères',
    passwordMismatch: 'Les deux mots de passe ne correspondent pas',
  },
  nav: {
    label: 'Navigation principale',
    toggle: 'Afficher ou masquer la navigation',
    home: 'Accueil',
    tickets: 'Tickets',
    customers: 'Clients',
    admin: 'Administration',
  },
  userMenu: {
    open: 'Menu de {{name}}',
    signedInAs: 'Connecté en tant que',
    logout: 'Se déconnecter',
    languageSaveFailed: 'La langue n’a pas pu être enregistrée sur votre compte.',
  },
  login: {
    title: 'Connexion',
    subtitle: 'Connectez-vous pour accéder à l’espace support.',
    email: 'Adresse e-mail',
    emailPlaceholder: 'vous@entreprise.fr',
    password: 'Mot de passe',
    submit: 'Se connecter',
    invalidCredentials: 'Adresse e-mail ou mot de passe invalide.',
    tooManyAttempts: 'Trop de tentatives. Réessayez dans {{seconds}}\u00a0s.',
    accountInactive: 'Ce compte est désactivé. Contactez un administrateur.',
    setupRequiredTitle: 'Installation à terminer',
    setupRequiredText:
      'Aucun administrateur n’existe encore. Ouvrez le lien d’installation affiché dans la console du serveur.',
    passwordSaved: 'Votre mot de passe est enregistré. Vous pouvez vous connecter.',
  },
  setup: {
    title: 'Bienvenue dans Guichet',
    subtitle: 'Créez le premier compte administrateur pour commencer.',
    email: 'Adresse e-mail',
    name: 'Nom complet',
    password: 'Mot de passe',
    passwordHint: 'Au moins 10 caractères.',
    language: 'Langue de l’interface',
    submit: 'Créer l’administrateur',
    tokenInvalid:
      'Ce lien d’installation est invalide ou a expiré. Redémarrez le serveur pour en obtenir un nouveau.',
    alreadyDone: 'Guichet est déjà installé. Connectez-vous avec votre compte.',
    missingToken: 'Le lien d’installation est incomplet\u00a0: il manque le jeton.',
    emailTaken: 'Cette adresse e-mail est déjà utilisée.',
  },
  setPassword: {
    title: 'Choisir un mot de passe',
    subtitle: 'Choisissez le mot de passe de votre compte Guichet.',
    password: 'Nouveau mot de passe',
    passwordHint: 'Au moins 10 caractères.',
    confirm: 'Confirmer le mot de passe',
    submit: 'Enregistrer le mot de passe',
    tokenInvalid:
      'Ce lien est invalide, a déjà servi ou a expiré. Demandez-en un nouveau à un administrateur.',
    missingToken: 'Le lien est incomplet\u00a0: il manque le jeton.',
  },
  home,
  tickets,
  customers,
  dictionaries,
  customFields,
  documents,
  settings,
  // <i18n:mail>
  notifications,
  // <i18n:notifications>
  portalLink,
  // <i18n:portal>
  fieldservice,
  // <i18n:fieldservice>
  admin,
};
