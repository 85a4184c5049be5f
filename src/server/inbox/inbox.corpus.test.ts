import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CORPUS_DIR as DIR, corpusFile as fixture } from './inbox.fixtures.js';
import { parseIncoming } from './inbox.parse.js';
import { UnparseableMailError, type AutomaticKind } from './inbox.types.js';

const parse = (name: string) => parseIncoming(fixture(name));

interface Imported {
  subject: string;
  from: string;
  automatic: AutomaticKind | null;
  attachments: string[];
  quoteFolded: boolean;
  /** In `text`. */
  has: string;
  /** Quoted history (or anything else) that must not be in `text`. */
  hasNot: string;
}
type Expected = Imported | { error: 'unparseable' | 'no_sender' };

/** Every file of the corpus, and what the ticket would show of it. */
const CORPUS: Record<string, Expected> = {
  'android-gmail-reply.eml': {
    subject: 'Re: [TS2603-0081] Serveur de fichiers inaccessible',
    from: 'karim.haddad@example.org',
    automatic: null,
    attachments: [],
    quoteFolded: true,
    has: 'le lecteur réseau est revenu',
    hasNot: 'Le serveur a été redémarré',
  },
  'apple-mail-reply-inline-image.eml': {
    subject: 'Re: [TS2603-0063] Écran noir au démarrage',
    from: 'herve.lefevre@example.net',
    automatic: null,
    attachments: ['IMG_0412.png'],
    quoteFolded: true,
    has: 'Voici une photo de l’écran au démarrage.',
    hasNot: 'Pourriez-vous nous envoyer',
  },
  'attachments-unnamed.eml': {
    subject: 'Alerte disque plein sur SRV-FICHIERS',
    from: 'supervision@example.net',
    automatic: null,
    attachments: ['image-1.png', 'attachment-2.bin'],
    quoteFolded: false,
    has: 'is 97% full',
    hasNot: 'used_pct',
  },
  'body-base64.eml': {
    subject: 'Borne Wi-Fi du hall',
    from: 'antoine.colin@example.net',
    automatic: null,
    attachments: [],
    quoteFolded: false,
    has: 'la borne Wi-Fi du hall d’accueil redémarre',
    hasNot: 'composer_signature',
  },
  'body-iso8859-1-8bit.eml': {
    subject: 'Câble réseau défectueux',
    from: 'francois.lemee@example.org',
    automatic: null,
    attachments: [],
    quoteFolded: false,
    has: 'Le câble réseau du bureau 104 est défectueux',
    hasNot: '\ufffd',
  },
  'body-quoted-printable.eml': {
    subject: 'Erreur de calcul de TVA',
    from: 'marc.aubert@example.net',
    automatic: null,
    attachments: [],
    quoteFolded: false,
    has: '20 % de 150,00 € = 30,00 € et non 35,00 € comme indiqué',
    hasNot: '=3D',
  },
  'body-windows1252-qp.eml': {
    subject: 'Devis en attente de signature',
    from: 'alice.perrin@example.org',
    automatic: null,
    attachments: [],
    quoteFolded: false,
    has: 'Le devis de 1 250 € n’a pas été validé',
    hasNot: '\u0080',
  },
  'broken-mime-boundary.eml': { error: 'unparseable' },
  'calendar-invite.eml': {
    subject: 'Intervention sur site : remplacement du copieur',
    from: 'claire.petit@example.org',
    automatic: null,
    attachments: ['invite.ics'],
    quoteFolded: false,
    has: 'remplacement du copieur du 1er étage',
    hasNot: 'BEGIN:VCALENDAR',
  },
  'dsn-bounce.eml': {
    subject: 'Undelivered Mail Returned to Sender',
    from: 'mailer-daemon@mx.example.com',
    automatic: 'bounce',
    attachments: ['message-1.eml'],
    quoteFolded: false,
    has: 'User unknown',
    hasNot: 'votre demande TS2603-0101 a bien été enregistrée',
  },
  'exchange-oof.eml': {
    subject: 'Automatic reply: [TS2603-0095] Licence Office expirée',
    from: 'emma.leroy@example.org',
    automatic: 'auto_reply',
    attachments: [],
    quoteFolded: false,
    has: 'out of the office until March 12',
    hasNot: '<div>',
  },
  'forwarded-as-attachment.eml': {
    subject: 'Fwd: Panne du serveur de messagerie',
    from: 'olivier.chevalier@example.net',
    automatic: null,
    attachments: ['Panne du serveur de messagerie.eml'],
    quoteFolded: false,
    has: 'nobody in the Lyon office can send mail',
    hasNot: 'ne répond plus depuis 7 h',
  },
  'forwarded-inline.eml': {
    subject: 'Fwd: Commande 4471 non reçue',
    from: 'julie.vasseur@example.org',
    automatic: null,
    attachments: [],
    quoteFolded: false,
    has: "ma commande 4471 n'est toujours pas arrivée",
    hasNot: 'gmail_quote',
  },
  'gmail-new-with-attachment.eml': {
    subject: 'Erreur sur la facture F-2026-0311',
    from: 'camille.rousseau@example.org',
    automatic: null,
    attachments: ['Facture F-2026-0311.pdf'],
    quoteFolded: false,
    has: 'le montant facturé ne correspond pas au devis',
    hasNot: 'JVBERi0',
  },
  'gmail-web-reply.eml': {
    subject: 'Re: [TS2603-0057] Cannot log in to the customer portal',
    from: 'laura.bianchi@example.org',
    automatic: null,
    attachments: [],
    quoteFolded: true,
    has: 'The reset link worked, thank you!',
    hasNot: 'We have sent you a new password reset link',
  },
  'html-only.eml': {
    subject: 'Demande de devis pour 12 postes',
    from: 'nadia.roux@example.org',
    automatic: null,
    attachments: [],
    quoteFolded: false,
    has: 'le remplacement de 12 postes de travail',
    hasNot: 'piege',
  },
  'inline-image-cid-unnamed.eml': {
    subject: 'Lecteur de badges en erreur',
    from: 'isabelle.noel@example.org',
    automatic: null,
    attachments: ['image-1.png'],
    quoteFolded: false,
    has: "Le lecteur de badges de l'entrée B affiche ce message",
    hasNot: 'cid:',
  },
  'iphone-short-reply.eml': {
    subject: 'Re: [TS2603-0070] Badge d’accès désactivé',
    from: 'sophie.bernard@example.org',
    automatic: null,
    attachments: [],
    quoteFolded: true,
    has: 'Ça remarche, merci beaucoup !',
    hasNot: 'votre badge a été réactivé',
  },
  'japanese-iso2022jp.eml': {
    subject: 'プリンターが動きません',
    from: 'taro.yamada@example.net',
    automatic: null,
    attachments: [],
    quoteFolded: false,
    has: '3階のプリンターが印刷できません。',
    hasNot: '\u001b$B',
  },
  'long-subject-folded.eml': {
    subject:
      "Demande urgente concernant le renouvellement des licences antivirus pour l'ensemble des postes du site " +
      'de Grenoble et la migration vers la nouvelle console de gestion centralisée avant la fin du mois',
    from: 'yannick.blanc@example.net',
    automatic: null,
    attachments: [],
    quoteFolded: false,
    has: 'the details are in the subject line',
    hasNot: 'Subject:',
  },
  'mailing-list.eml': {
    subject: "[users] Mise à jour 4.2 : retour d'expérience",
    from: 'hugo.mercier@example.net',
    automatic: 'bulk',
    attachments: [],
    quoteFolded: false,
    has: "La mise à jour 4.2 s'est bien passée",
    hasNot: 'List-Id',
  },
  'microsoft-ndr.eml': {
    subject: 'Undeliverable: [TS2603-0103] Votre demande a bien été enregistrée',
    from: 'microsoftexchange329e71ec88ae4615bbc36ab6ce41109e@example.org',
    automatic: 'bounce',
    attachments: ['attachment-1.txt'],
    quoteFolded: false,
    has: "f.nguyen wasn't found at example.org",
    hasNot: '<p>',
  },
  'mutt-reply-references.eml': {
    subject: 'Re: [TS2603-0112] Backup tape not ejected',
    from: 'victor.laine@example.org',
    automatic: null,
    attachments: [],
    quoteFolded: true,
    has: 'You can close the ticket.',
    hasNot: 'Please update the drive firmware',
  },
  'newsletter-precedence-bulk.eml': {
    subject: 'Nos nouveautés de mars 🌱',
    from: 'news@example.net',
    automatic: 'bulk',
    attachments: [],
    quoteFolded: false,
    has: 'Découvrez notre nouvelle gamme',
    hasNot: 'mcnTextContent',
  },
  'no-from.eml': { error: 'no_sender' },
  'no-message-id.eml': {
    subject: 'Echec de la sauvegarde hebdomadaire',
    from: 'nas@example.net',
    automatic: null,
    attachments: [],
    quoteFolded: false,
    has: 'La tâche « Hebdo-Compta » a échoué',
    hasNot: 'msmtp',
  },
  'not-a-mail.eml': { error: 'unparseable' },
  'ooo-auto-replied-fr.eml': {
    subject: 'Absent : Re: [TS2603-0090] Mise à jour du logiciel de caisse',
    from: 'julien.moreau@example.org',
    automatic: 'auto_reply',
    attachments: [],
    quoteFolded: false,
    has: "Je suis absent jusqu'au lundi 16 mars inclus",
    hasNot: 'Sieve',
  },
  'ooo-x-autoreply.eml': {
    subject: 'Absent du bureau',
    from: 'lucas.fontaine@example.net',
    automatic: 'auto_reply',
    attachments: [],
    quoteFolded: false,
    has: "Je suis en congé jusqu'au 9 mars.",
    hasNot: 'X-Autoreply',
  },
  'outlook-desktop-reply-fr.eml': {
    subject: 'RE: [TS2603-0042] Imprimante en panne au 2e étage',
    from: 'marie.martin@example.org',
    automatic: null,
    attachments: [],
    quoteFolded: true,
    has: "L'imprimante est toujours bloquée après le redémarrage : le voyant orange clignote",
    hasNot: 'Avez-vous essayé de débrancher',
  },
  'outlook-desktop-wordhtml-en.eml': {
    subject: 'RE: [TS2603-0051] Paper jam on the HP printer',
    from: 'paul.smith@example.net',
    automatic: null,
    attachments: [],
    quoteFolded: true,
    has: 'the second drawer still reports a paper jam (code 13.B2)',
    hasNot: 'we have shipped a replacement toner cartridge',
  },
  'outlook-forward-tr.eml': {
    subject: 'TR: Livraison des onduleurs',
    from: 'martine.carre@example.org',
    automatic: null,
    attachments: [],
    quoteFolded: false,
    has: 'la livraison des trois onduleurs prévue le 5 mars est reportée au 19 mars',
    hasNot: 'divRplyFwdMsg',
  },
  'outlook-web-reply.eml': {
    subject: 'Re: [TS2603-0047] VPN certificate error',
    from: 'jean.dupont@example.net',
    automatic: null,
    attachments: ['vpn-error.png'],
    quoteFolded: true,
    has: 'The VPN client still refuses my certificate',
    hasNot: 'We pushed a new VPN profile',
  },
  'plain-only.eml': {
    subject: 'Scanner in room B12 out of order',
    from: 'pierre.lambert@example.net',
    automatic: null,
    attachments: [],
    quoteFolded: false,
    has: 'The scanner in room B12 no longer powers on since this morning.\nThe power LED stays off',
    hasNot: 'Gnus',
  },
  'reply-only-quote.eml': {
    subject: 'Re: [TS2603-0110] Replacement laptop',
    from: 'nathan.roy@example.org',
    automatic: null,
    attachments: [],
    quoteFolded: false,
    has: 'Your replacement laptop is ready for pickup',
    hasNot: 'gmail_attr',
  },
  'roundcube-reply-fr.eml': {
    subject: 'Re: [TS2603-0115] Poste de travail lent',
    from: 'chantal.dumas@example.net',
    automatic: null,
    attachments: [],
    quoteFolded: true,
    has: 'Le poste est toujours aussi lent',
    hasNot: 'Nous avons nettoye le disque',
  },
  'subject-iso8859-1-q.eml': {
    subject: 'Problème de connexion à la messagerie',
    from: 'bruno.garnier@example.net',
    automatic: null,
    attachments: [],
    quoteFolded: false,
    has: 'Outlook keeps asking for my password',
    hasNot: '=?',
  },
  'subject-utf8-base64.eml': {
    subject: 'Problème d’accès au VPN — urgent 🔒',
    from: 'lea.fabre@example.org',
    automatic: null,
    attachments: [],
    quoteFolded: false,
    has: 'je ne peux plus travailler à distance',
    hasNot: 'travailler \nà distance',
  },
  'thunderbird-reply-flowed.eml': {
    subject: 'Re: [TS2603-0088] Sauvegarde nocturne en échec',
    from: 'thomas.girard@example.net',
    automatic: null,
    attachments: [],
    quoteFolded: true,
    // format=flowed: the soft break after "0x80070005, " joins the two lines again.
    has: 'échoué avec le code 0x80070005, alors que le disque externe',
    hasNot: 'Merci de vérifier que le disque externe est branché',
  },
};

describe('the .eml corpus', () => {
  it('has an expectation for every file and a line in its README for each', () => {
    const files = readdirSync(DIR).filter((f) => f.endsWith('.eml'));
    expect(files.length).toBeGreaterThanOrEqual(32);
    expect(files.sort()).toEqual(Object.keys(CORPUS).sort());
    const readme = readFileSync(DIR + 'README.md', 'utf8');
    for (const f of files) expect(readme, f).toContain(`\`${f}\``);
  });

  it.each(Object.entries(CORPUS))('%s', async (name, expected) => {
    if ('error' in expected) {
      const error = await parse(name).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(UnparseableMailError);
      expect((error as UnparseableMailError).reason).toBe(expected.error);
      return;
    }
    const m = await parse(name);
    expect(m.subject).toBe(expected.subject);
    expect(m.from?.address).toBe(expected.from);
    expect(m.automatic?.kind ?? null).toBe(expected.automatic);
    expect(m.attachments.map((a) => a.filename)).toEqual(expected.attachments);
    expect(m.quoteFolded).toBe(expected.quoteFolded);
    expect(m.text).toContain(expected.has);
    expect(m.text).not.toContain(expected.hasNot);
    // What every imported message has, whatever its client.
    expect(m.text).toBe(m.text.trim());
    expect(m.html).not.toMatch(/<(head|style|script|html|body)\b|<!--|cid:/i);
    expect(m.html.includes('<details>')).toBe(m.quoteFolded);
    expect(m.messageId).toMatch(/^<[^<>\s]+>$/);
    expect(m.size).toBe(fixture(name).length);
    for (const a of m.attachments) expect(a.size).toBe(a.content.length);
  });
});
