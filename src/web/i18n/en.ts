import type { Catalog } from './catalog.js';
import { home } from './en/home.js';
import { tickets } from './en/tickets.js';
import { customers } from './en/customers.js';
import { dictionaries } from './en/dictionaries.js';
import { admin } from './en/admin.js';
import { customFields } from './en/customFields.js';
import { documents } from './en/documents.js';
import { settings } from './en/settings.js';
// <i18n-imports:mail>
import { notifications } from './en/notifications.js';
// <i18n-imports:notifications>
import { portalLink } from './en/portalLink.js';
// <i18n-imports:portal>
import { fieldservice } from './en/fieldservice.js';
// <i18n-imports:fieldservice>

/** English messages: the same keys as fr.ts. */
export const en: Catalog = {
  app: {
    name: 'Guichet',
    tagline: 'After-sales service and incident management',
    pageTitle: '{{page}} · Guichet',
  },
  common: {
    retry: 'Retry',
    loading: 'Loading…',
    language: 'Language',
    languages: { fr: 'Français', en: 'English' },
    backHome: 'Back to home',
    backToLogin: 'Back to sign in',
  },
  errors: {
    network: 'The server does not answer. Check your connection and try again.',
    unexpected: 'Something went wrong: {{message}}',
    forbiddenTitle: 'Access denied',
    forbiddenText: 'You do not have the permissions needed to view this page.',
    notFoundTitle: 'Page not found',
    notFoundText: 'The address you asked for matches no page in Guichet.',
  },
  validation: {
    required: 'Required',
    email: 'Invalid email address',
    passwordLength: 'Too short: at least {{min}} characters',
    passwordMismatch: 'The two passwords do not match',
  },
  nav: {
    label: 'Main navigation',
    toggle: 'Show or hide navigation',
    home: 'Home',
    tickets: 'Tickets',
    customers: 'Customers',
    admin: 'Administration',
  },
  userMenu: {
    open: 'Menu of {{name}}',
    signedInAs: 'Signed in as',
    logout: 'Log out',
    languageSaveFailed: 'The language could not be saved to your account.',
  },
  login: {
    title: 'Sign in',
    subtitle: 'Sign in to reach the support workspace.',
    email: 'Email address',
    emailPlaceholder: 'you@company.com',
    password: 'Password',
    submit: 'Sign in',
    invalidCredentials: 'Invalid email or password.',
    tooManyAttempts: 'Too many attempts. Retry in {{seconds}} s.',
    accountInactive: 'This account is deactivated. Contact an administrator.',
    setupRequiredTitle: 'Setup to complete',
    setupRequiredText: 'No administrator exists yet. Open the setup link printed in the server console.',
    passwordSaved: 'Your password is saved. You can sign in.',
  },
  setup: {
    title: 'Welcome to Guichet',
    subtitle: 'Create the first administrator account to get started.',
    email: 'Email address',
    name: 'Full name',
    password: 'Password',
    passwordHint: 'At least 10 characters.',
    language: 'Interface language',
    submit: 'Create the administrator',
    tokenInvalid: 'This setup link is invalid or has expired. Restart the server to get a new one.',
    alreadyDone: 'Guichet is already set up. Sign in with your account.',
    missingToken: 'The setup link is incomplete: the token is missing.',
    emailTaken: 'This email address is already in use.',
  },
  setPassword: {
    title: 'Choose a password',
    subtitle: 'Choose the password of your Guichet account.',
    password: 'New password',
    passwordHint: 'At least 10 characters.',
    confirm: 'Confirm the password',
    submit: 'Save the password',
    tokenInvalid: 'This link is invalid, already used or expired. Ask an administrator for a new one.',
    missingToken: 'The link is incomplete: the token is missing.',
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
