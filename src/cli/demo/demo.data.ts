/** Realistic material for `guichet seed:demo`: an after-sales desk of a company selling and servicing equipment. */

export const DEMO_AGENTS = [
  { name: 'Camille Martin', email: 'camille.martin@demo.guichet.test', language: 'fr' as const },
  { name: 'Hugo Bernard', email: 'hugo.bernard@demo.guichet.test', language: 'fr' as const },
  { name: 'Léa Dubois', email: 'lea.dubois@demo.guichet.test', language: 'fr' as const },
  { name: 'Sam Taylor', email: 'sam.taylor@demo.guichet.test', language: 'en' as const },
];

export const DEMO_COMPANIES = [
  'Boulangerie Lefèvre',
  'Clinique Vétérinaire des Tilleuls',
  'Garage Moreau & Fils',
  'Hôtel Le Relais Saint-Jacques',
  'Pharmacie Centrale de Lyon',
  'Imprimerie Rousseau',
  'Cabinet Fontaine Avocats',
  'Société Générale de Froid',
  'Mairie de Saint-Émilion',
  'École Montessori Les Lucioles',
  'Brasserie du Port',
  'Laboratoire Biomédical Garnier',
  'Transports Giraud',
  'Fromagerie Chevalier',
  'Atelier Menuiserie Perrin',
  'Northwind Traders',
  'Contoso Logistics',
  'Fabrikam Dental Care',
  'Acme Hospitality Group',
  'Blue Yonder Airlines',
  'Cave Coopérative de Bordeaux',
  'Opticiens Mercier',
  'Résidence Seniors Les Glycines',
  'Centre Aquatique Municipal',
  'Agence Immobilière Blanc',
];

export const FIRST_NAMES = [
  'Sophie',
  'Julien',
  'Émilie',
  'Thomas',
  'Chloé',
  'Nicolas',
  'Manon',
  'Antoine',
  'Inès',
  'Maxime',
  'Sarah',
  'Lucas',
  'Olivia',
  'James',
  'Grace',
];
export const LAST_NAMES = [
  'Petit',
  'Durand',
  'Leroy',
  'Moreau',
  'Simon',
  'Laurent',
  'Lefebvre',
  'Michel',
  'Garcia',
  'Roux',
  'Fournier',
  'Girard',
  'Smith',
  'Brown',
  'Wilson',
];
export const ROLES = [
  'Gérant',
  'Responsable technique',
  'Assistante de direction',
  'Office manager',
  'IT contact',
  'Comptable',
];

/** Subject, description, type code, severity code. */
export const DEMO_REQUESTS: [string, string, string, string][] = [
  [
    'Imprimante bloquée en erreur E04',
    "L'imprimante du rez-de-chaussée affiche l'erreur E04 depuis ce matin et n'imprime plus rien. Nous avons déjà éteint et rallumé l'appareil.",
    'ISSUE',
    'HIGH',
  ],
  [
    'Réseau Wi-Fi instable dans la salle de réunion',
    'Les connexions Wi-Fi coupent toutes les dix minutes environ dans la grande salle. Le problème touche tous les ordinateurs portables.',
    'ISSUE',
    'NORMAL',
  ],
  [
    'Demande de devis pour un second lecteur de badges',
    'Nous souhaiterions équiper la porte arrière du même lecteur de badges que l’entrée principale. Pouvez-vous nous faire une proposition ?',
    'COM',
    'LOW',
  ],
  [
    'Chambre froide : température trop élevée',
    'La chambre froide n°2 est montée à 9 °C cette nuit. Nous avons déplacé les produits mais il faut une intervention rapide.',
    'ISSUE',
    'BLOCKING',
  ],
  [
    'Comment exporter les relevés de la caisse ?',
    "Je n'arrive pas à retrouver le menu pour exporter les relevés mensuels de la caisse enregistreuse. Pouvez-vous m'indiquer la marche à suivre ?",
    'HELP',
    'LOW',
  ],
  [
    'Mise à jour du logiciel de planning',
    'Une nouvelle version du logiciel de planning est disponible. Merci de planifier la mise à jour un soir de semaine.',
    'REQUEST',
    'NORMAL',
  ],
  [
    'Climatisation bruyante au 2e étage',
    "L'unité de climatisation du deuxième étage fait un bruit de claquement régulier depuis lundi.",
    'ISSUE',
    'NORMAL',
  ],
  [
    'Ajout de trois postes utilisateurs',
    'Trois nouveaux collaborateurs arrivent le mois prochain : il faut préparer leurs postes et leurs accès.',
    'REQUEST',
    'NORMAL',
  ],
  [
    'Badge d’accès refusé pour une employée',
    "Le badge de Mme Petit est refusé à l'entrée depuis son retour de congés.",
    'ISSUE',
    'HIGH',
  ],
  [
    'Contrat de maintenance : renouvellement',
    'Notre contrat de maintenance arrive à échéance à la fin du trimestre. Quelles sont les conditions de renouvellement ?',
    'COM',
    'LOW',
  ],
  [
    'Coffee machine leaking water',
    'The coffee machine in the staff room leaks water onto the counter after each use.',
    'ISSUE',
    'NORMAL',
  ],
  [
    'Access to the supplier portal',
    'I cannot log in to the supplier portal any more; the password reset email never arrives.',
    'HELP',
    'NORMAL',
  ],
  [
    'Projector does not detect the laptop',
    'The meeting room projector shows "no signal" with every laptop we tried, with HDMI and USB-C adapters.',
    'ISSUE',
    'HIGH',
  ],
  [
    'Quote for a preventive maintenance visit',
    'Could you send us a quote for a yearly preventive maintenance visit of our three refrigerated display cases?',
    'COM',
    'LOW',
  ],
  [
    'Alarme intrusion déclenchée sans raison',
    "L'alarme s'est déclenchée deux nuits de suite vers 3 h sans aucune intrusion. Le détecteur du couloir semble en cause.",
    'ISSUE',
    'HIGH',
  ],
  [
    'Sauvegarde du serveur en échec',
    'Le rapport de sauvegarde indique un échec depuis trois jours : « disque de destination plein ».',
    'ISSUE',
    'BLOCKING',
  ],
  [
    'Formation des nouveaux arrivants',
    'Serait-il possible d’organiser une courte formation sur le logiciel de gestion pour deux nouveaux arrivants ?',
    'HELP',
    'LOW',
  ],
  [
    'Écran tactile de la borne d’accueil figé',
    "La borne d'accueil ne répond plus au toucher ; il faut la redémarrer plusieurs fois par jour.",
    'ISSUE',
    'NORMAL',
  ],
  [
    'Changement d’adresse de facturation',
    'Notre siège déménage : merci de mettre à jour l’adresse de facturation à partir du mois prochain.',
    'OTHER',
    'LOW',
  ],
  [
    'Lave-vaisselle professionnel : cycle interrompu',
    'Le lave-vaisselle s’arrête au milieu du cycle avec le voyant « eau » allumé.',
    'ISSUE',
    'HIGH',
  ],
];

export const STAFF_REPLIES = [
  '<p>Bonjour,</p><p>Merci pour votre message. Nous analysons la situation et revenons vers vous dans la journée.</p>',
  '<p>Bonjour,</p><p>Pouvez-vous nous envoyer une photo de l’écran d’erreur ainsi que le numéro de série de l’appareil ?</p>',
  '<p>Un technicien passera <strong>demain matin</strong> entre 9 h et 11 h. Merci de prévoir un accès au local.</p>',
  '<p>Hello,</p><p>Thanks for reporting this. Could you tell us since when it happens and whether anything changed recently?</p>',
  '<p>The part has been ordered and should arrive within 48 hours. We will plan the visit as soon as it is here.</p>',
  '<p>La mise à jour a été appliquée. Pouvez-vous confirmer que tout fonctionne de votre côté ?</p>',
];

export const PRIVATE_NOTES = [
  '<p>Client sous contrat premium : intervention sous 4 h.</p>',
  '<p>Vérifier le stock de pièces avant de confirmer la date.</p>',
  '<p>Same issue as last month on this site — probably the power supply.</p>',
  '<p>Appelé le client, répondeur. Rappeler demain.</p>',
];
