/** The staff home page. */
export const home = {
  title: 'Bonjour, {{name}}',
  description: 'Votre point de départ pour suivre les demandes des clients et le travail de l’équipe.',
  open: 'Ouvrir',
  cards: {
    myOpen: 'Mes tickets ouverts',
    myOpenHint: 'Assignés à vous et pas encore clôturés',
    unread: 'Tickets non lus',
    unreadHint: 'Personne ne les a encore ouverts',
    overdue: 'Tickets en retard',
    overdueHint: 'Délais de réponse dépassés',
    seeList: 'Voir la liste',
  },
  chart: {
    title: 'Tickets par statut',
    description: 'Tous les tickets, clôturés compris\u00a0; les effacés sont à part.',
    empty: 'Pas encore de ticket.',
    total: 'Total',
  },
  loadError: 'Les statistiques n’ont pas pu être chargées.',
};
