import type { Language } from '../../common/languages.js';

/**
 * The ready-to-send message with a customer's personalized link, in both languages: shown on the
 * third-party page to copy, and sent by "send by email".
 */
export function customerLinkText(language: Language, customerName: string, url: string): string {
  if (language === 'fr') {
    return [
      'Bonjour,',
      '',
      `Voici le lien personnel de ${customerName} vers notre portail d’assistance :`,
      url,
      '',
      'Il vous permet d’ouvrir une demande en choisissant la personne concernée, et de suivre toutes vos demandes, sans mot de passe.',
      'Ce lien est personnel : ne le transmettez qu’aux personnes de votre organisation. Nous pouvons le remplacer à tout moment sur simple demande.',
      '',
      'Cordialement,',
    ].join('\n');
  }
  return [
    'Hello,',
    '',
    `Here is the personal link of ${customerName} to our support portal:`,
    url,
    '',
    'With it you can open a request for the person concerned, and follow all your requests, without a password.',
    'This link is personal: share it only within your organisation. We can replace it at any time on request.',
    '',
    'Kind regards,',
  ].join('\n');
}

export const customerLinkSubject: Record<Language, string> = {
  fr: 'Votre lien vers notre portail d’assistance',
  en: 'Your link to our support portal',
};
