/** Ticket documents and attachments. French typography: \u00a0 before « : » and « ? ». */
export const documents = {
  title: 'Documents',
  count: 'Documents\u00a0: {{count}}',
  empty: 'Aucun document sur ce ticket pour l’instant.',
  columns: {
    name: 'Nom',
    type: 'Type',
    size: 'Taille',
    uploadedBy: 'Déposé par',
    date: 'Date',
    attachedTo: 'Rattaché à',
    actions: 'Actions',
  },
  ticketLevel: 'Ticket',
  message: 'Message n°\u00a0{{id}}',
  unknownUploader: 'Inconnu',
  download: 'Télécharger {{name}}',
  upload: 'Ajouter des fichiers',
  uploading: 'Envoi en cours… {{percent}}',
  uploaded: 'Fichiers ajoutés\u00a0: {{count}}',
  delete: 'Supprimer {{name}}',
  deleted: 'Le document «\u00a0{{name}}\u00a0» a été supprimé.',
  confirm: {
    title: 'Supprimer ce document\u00a0?',
    text: '«\u00a0{{name}}\u00a0» sera retiré du ticket. La suppression est inscrite dans l’historique.',
    cancel: 'Annuler',
    confirm: 'Supprimer',
  },
  picker: {
    add: 'Joindre des fichiers',
    remove: 'Retirer {{name}}',
    limits: 'Jusqu’à {{max}} fichiers, {{size}}\u00a0Mo au plus chacun.',
    tooMany: 'Au plus {{max}} fichiers par message. Non ajoutés\u00a0: {{names}}.',
    tooBig: 'Plus de {{max}}\u00a0Mo, non ajoutés\u00a0: {{names}}.',
  },
  errors: {
    fileTooLarge: '«\u00a0{{name}}\u00a0» dépasse la taille permise ({{max}}\u00a0Mo).',
    tooManyFiles: 'Trop de fichiers\u00a0: au plus {{max}} par message.',
    forbiddenType:
      '«\u00a0{{name}}\u00a0» est un programme ou un script\u00a0: ce type de fichier est refusé.',
    ticketDeleted: 'Ce ticket est effacé\u00a0: restaurez-le avant de modifier ses documents.',
  },
};
