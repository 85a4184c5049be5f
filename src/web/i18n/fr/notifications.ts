/** Staff notifications: the bell, its list, the email preference. French typography: \u00a0 before « : ». */
export const notifications = {
  bell: 'Notifications',
  bellUnread_one: 'Notifications\u00a0: {{count}} non lue',
  bellUnread_other: 'Notifications\u00a0: {{count}} non lues',
  title: 'Notifications',
  markAllRead: 'Tout marquer comme lu',
  markAllReadFailed: 'Les notifications n’ont pas pu être marquées comme lues.',
  empty: 'Aucune notification pour l’instant.',
  emptyHint:
    'Vous serez prévenu ici des nouveaux tickets, des messages des clients et des tickets qui vous sont assignés.',
  loadFailed: 'Les notifications n’ont pas pu être chargées.',
  loadMore: 'Afficher les plus anciennes',
  unread: 'Non lue',
  what: {
    created: '{{actor}} a ouvert le ticket {{ref}}',
    message: '{{actor}} a écrit sur le ticket {{ref}}',
    assigned: '{{actor}} vous a assigné le ticket {{ref}}',
  },
  whatNoActor: {
    created: 'Nouveau ticket {{ref}}',
    message: 'Nouveau message du client sur le ticket {{ref}}',
    assigned: 'Le ticket {{ref}} vous a été assigné',
  },
  emailPreference: 'M’envoyer mes notifications par e-mail',
  emailPreferenceOn: 'Vous recevrez aussi vos notifications par e-mail.',
  emailPreferenceOff: 'Vous ne recevrez plus vos notifications par e-mail.',
  emailPreferenceFailed: 'Votre choix n’a pas pu être enregistré.',
};
