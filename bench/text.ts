/**
 * Subjects, descriptions and messages of the benchmark tickets, in French and English with accents.
 * Templates have slots filled from long lists (products, objects, problems, places, error codes,
 * people), so that a specific word is in a few percent of the tickets at most, as in a real helpdesk;
 * only the words of the templates themselves ("bonjour", "merci") are everywhere.
 */
import { CITIES, personName, type Random } from './data.js';

// prettier-ignore
const PRODUCTS = [
  'HP LaserJet Pro M404', 'Brother MFC-L2710DW', 'Canon i-SENSYS MF445', 'Epson WorkForce WF-4830', 'Kyocera TASKalfa 2554ci',
  'Ricoh IM C3000', 'Xerox VersaLink C405', 'Zebra ZD421', 'Synology DS920+', 'QNAP TS-453D', 'Fortinet FortiGate 60F',
  'Sophos XGS 2100', 'Cisco Meraki MX68', 'Ubiquiti UniFi U6', 'Netgear GS308', 'Dell Latitude 5440', 'Lenovo ThinkPad T14',
  'HP EliteBook 840', 'MacBook Air M2', 'Surface Pro 9', 'iPhone 14', 'Samsung Galaxy A54', 'Yealink T46U', 'Snom D785',
  'Microsoft Teams', 'Outlook', 'Sage Paie', 'Cegid Loop', 'EBP Compta', 'Odoo', 'Dolibarr', 'Veeam Backup',
  'Acronis Cyber Protect', 'Windows 11', 'Windows Server 2019', 'Office 365', 'Zoom Rooms', 'SumUp Air', 'Ingenico Move/5000',
  'APC Back-UPS 1500', 'Eaton 5SC', 'Logitech Rally', 'Poly Studio X30', 'Bitdefender GravityZone', 'ESET Endpoint',
  'TeamViewer', 'AnyDesk', 'Google Workspace', 'Salesforce', 'Pennylane', 'Qonto', 'Chorus Pro', 'Doctolib', 'Axonaut',
];
// prettier-ignore
const OBJECTS_FR = [
  'L’imprimante du bureau', 'L’imprimante réseau', 'L’imprimante multifonction', 'Le scanner', 'Le serveur de fichiers',
  'La messagerie', 'Le VPN', 'Le poste de travail', 'Le logiciel de paie', 'La badgeuse', 'Le routeur', 'Le téléphone IP',
  'Le standard téléphonique', 'La caisse enregistreuse', 'Le terminal de paiement', 'L’écran', 'Le portable', 'La tablette',
  'Le NAS', 'La sauvegarde', 'Le Wi-Fi', 'Le pare-feu', 'L’application mobile', 'Le site internet', 'Le logiciel de comptabilité',
  'La visioconférence', 'Le serveur Exchange', 'L’agenda partagé', 'Le photocopieur', 'Le logiciel de facturation',
  'La licence Office', 'Le contrôleur de domaine', 'L’onduleur', 'La baie de stockage', 'Le lecteur de badges',
  'Le vidéoprojecteur', 'L’imprimante d’étiquettes', 'Le switch', 'La borne Wi-Fi', 'Le logiciel de caisse', 'L’antivirus',
  'Le partage réseau', 'La climatisation de la salle serveur', 'Le lecteur de cartes Vitale', 'La douchette code-barres',
];
// prettier-ignore
const PROBLEMS_FR = [
  'ne répond plus', 'affiche une erreur au démarrage', 'est très lent depuis la mise à jour', 'ne se connecte plus',
  'refuse le mot de passe', 'redémarre sans arrêt', 'fait un bruit étrange', 'n’imprime que des pages blanches',
  'a perdu sa configuration', 'bloque la clôture', 'ne synchronise plus', 'demande une réactivation', 'plante à l’ouverture',
  'est inaccessible à distance', 'signale un bourrage papier', 'affiche un certificat expiré', 'coupe toutes les dix minutes',
  'ne reconnaît plus la clé USB', 'indique une licence invalide', 'sature le disque', 'chauffe anormalement',
  'envoie les courriels en double', 'ne trouve plus le serveur', 'refuse la carte bancaire', 'imprime en travers',
];
// prettier-ignore
const OBJECTS_EN = [
  'The office printer', 'The network printer', 'The scanner', 'The file server', 'Email', 'The VPN', 'My laptop',
  'The payroll software', 'The badge reader', 'The router', 'The IP phone', 'The cash register', 'The payment terminal',
  'The monitor', 'The tablet', 'The NAS', 'The backup job', 'The Wi-Fi', 'The firewall', 'The mobile app', 'The website',
  'The accounting software', 'Video conferencing', 'The shared calendar', 'The label printer', 'The switch', 'The UPS',
];
// prettier-ignore
const PROBLEMS_EN = [
  'stopped responding', 'shows an error at startup', 'is very slow since the update', 'cannot reach the network',
  'rejects the password', 'keeps rebooting', 'makes a strange noise', 'prints blank pages', 'lost its settings',
  'does not sync any more', 'asks to be activated again', 'crashes on launch', 'cannot be reached remotely',
  'reports a paper jam', 'shows an expired certificate', 'drops every ten minutes', 'says the licence is invalid',
];
// prettier-ignore
const REQUESTS_FR = [
  'Demande de devis pour', 'Question sur la facture de', 'Création d’un compte pour', 'Installation de', 'Renouvellement du contrat de',
  'Formation à', 'Déménagement de', 'Ajout d’un utilisateur sur', 'Mise à jour de', 'Remplacement de',
];
// prettier-ignore
const PLACES = [
  'au siège', 'à l’accueil', 'en comptabilité', 'à l’entrepôt', 'au magasin', 'en salle de réunion', 'au service client',
  'à l’atelier', 'chez un commercial', 'au deuxième étage', 'à l’agence de', 'en télétravail', 'in the warehouse', 'at reception',
];

export function subject(r: Random): string {
  const k = r.int(10);
  if (k < 4) return `${r.pick(OBJECTS_FR)} ${r.pick(PROBLEMS_FR)} ${r.pick(PLACES)}`;
  if (k < 6) return `${r.pick(PRODUCTS)} : ${r.pick(PROBLEMS_FR)}`;
  if (k < 8) return `${r.pick(OBJECTS_EN)} ${r.pick(PROBLEMS_EN)}`;
  const obj = r
    .pick(OBJECTS_FR)
    .replace(/^(Le |La |L’)/, '')
    .toLowerCase();
  return `${r.pick(REQUESTS_FR)} ${obj} (${r.pick(CITIES)})`;
}

// prettier-ignore
const DESCRIPTION_FR = [
  'Bonjour, depuis ce matin {obj} {pb} et plusieurs collègues sont bloqués.', 'Le modèle concerné est un {product}.',
  'Nous avons redémarré le matériel sans succès, le message {code} réapparaît.', 'L’activité est perturbée {place}.',
  'Le problème semble lié à la dernière mise à jour de {product}.', 'Le journal indique l’erreur {code} vers {hour}.',
  'Merci de rappeler {name} au poste {ext} pour planifier une intervention.', 'Le câble a été changé, {obj} {pb} quand même.',
  'Nous souhaiterions aussi un devis pour remplacer le {product}, qui a plus de {num} ans.', 'Depuis le {date}, {obj} {pb}.',
  'Un utilisateur signale que ses fichiers ont disparu du dossier partagé « {folder} ».', 'Le voyant clignote en orange.',
  'La facture n° {code} ne correspond pas au bon de commande.', 'Nous utilisons {product} sur {num} postes.',
  'C’est urgent : nous avons un audit le {date}.', 'Le prestataire précédent avait configuré {product}.',
];
// prettier-ignore
const DESCRIPTION_EN = [
  'Hello, since this morning {objEn} {pbEn} and several colleagues are stuck.', 'The model is a {product}.',
  'We restarted it without success; error {code} comes back.', 'Work is disrupted {place}.',
  'It looks related to the latest {product} update.', 'Please call {name} on extension {ext}.',
  'We would like a quote to replace the {product}, which is {num} years old.', 'The log shows {code} around {hour}.',
];
// prettier-ignore
const REPLIES = [
  'Bonjour {name}, merci pour votre message : nous prenons votre demande en charge.', 'Pouvez-vous nous envoyer une capture du message {code} ?',
  'Nous avons appliqué le correctif sur le {product}, pouvez-vous confirmer ?', 'Un technicien passera le {date} entre {hour} et midi.',
  'Le {product} est sous garantie jusqu’en {year}, nous lançons l’échange.', 'Nous avons renouvelé le certificat du {product}.',
  'La mise à jour {version} du {product} corrige ce défaut.', 'Nous avons réinitialisé le mot de passe de {name}.',
  'Hello {name}, thanks, we are on it.', 'Could you send us the serial number of the {product}?',
  'The {product} firmware {version} fixes this; we installed it.', 'We reset the licence of the {product}.',
];
// prettier-ignore
const CUSTOMER_REPLIES = [
  'Merci, c’est réglé de notre côté.', 'Le problème est revenu vers {hour}, même symptôme.', 'Voici le numéro de série : {serial}.',
  'Le {product} affiche maintenant {code}.', 'Pouvez-vous passer plutôt le {date} ?', 'Thanks, it works again.',
  'Same issue again at {hour}.', 'Serial number: {serial}.', 'Notre comptable {name} ne peut toujours pas se connecter.',
];
// prettier-ignore
const NOTES = [
  'Note interne : client sous contrat de maintenance, intervention gratuite.', 'Note interne : vérifier la garantie du {product}.',
  'Internal note: escalate to level 2 if not solved by {date}.', 'Note interne : pièce commandée chez le grossiste, réf. {serial}.',
  'Note interne : le client a déjà eu le même souci en {year} sur le {product}.', 'Internal note: waiting for the vendor ({product}).',
];
// prettier-ignore
const FOLDERS = ['Comptabilité', 'RH', 'Direction', 'Commercial', 'Factures 2026', 'Photos chantier', 'Devis', 'Archives'];

function fill(r: Random, template: string, name: string): string {
  return template.replace(/\{(\w+)\}/g, (_, slot: string) => {
    switch (slot) {
      case 'obj': return r.pick(OBJECTS_FR).toLowerCase();
      case 'objEn': return r.pick(OBJECTS_EN).toLowerCase();
      case 'pb': return r.pick(PROBLEMS_FR);
      case 'pbEn': return r.pick(PROBLEMS_EN);
      case 'product': return r.pick(PRODUCTS);
      case 'place': return r.pick(PLACES);
      case 'code': return `0x${r.int(0xfffffff).toString(16).toUpperCase()}`;
      case 'serial': return `${r.pick(['SN', 'S/N ', 'CN'])}${r.int(1e9).toString(36).toUpperCase()}`;
      case 'name': return name || personName(r);
      case 'ext': return String(200 + r.int(700));
      case 'num': return String(2 + r.int(30));
      case 'hour': return `${8 + r.int(10)} h ${String(r.int(60)).padStart(2, '0')}`;
      case 'date': return `${1 + r.int(28)}/${1 + r.int(12)}/2026`;
      case 'year': return String(2019 + r.int(8));
      case 'version': return `${1 + r.int(9)}.${r.int(20)}.${r.int(100)}`;
      case 'folder': return r.pick(FOLDERS);
      default: return slot;
    }
  });
} // prettier-ignore

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A description or message: HTML for the `message`/`body` column and its plain text. */
export interface Text {
  html: string;
  text: string;
}
function paragraphs(parts: string[]): Text {
  return { html: parts.map((p) => `<p>${escapeHtml(p)}</p>`).join(''), text: parts.join('\n') };
}
function some(r: Random, pool: string[], n: number, name: string): Text {
  return paragraphs(Array.from({ length: n }, () => fill(r, r.pick(pool), name)));
}

export const description = (r: Random, contact: string) =>
  some(r, r.int(3) === 0 ? DESCRIPTION_EN : DESCRIPTION_FR, 2 + r.int(3), contact);
export const staffReply = (r: Random, contact: string) => some(r, REPLIES, 1 + r.int(2), contact);
export const customerReply = (r: Random, contact: string) => some(r, CUSTOMER_REPLIES, 1 + r.int(2), contact);
export const internalNote = (r: Random) => some(r, NOTES, 1, '');
