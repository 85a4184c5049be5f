/**
 * Reproducible names for the benchmark data: people and third parties named like real small companies,
 * French and English, with accents. A seeded PRNG makes two runs produce the same data.
 */

export { createRandom, type Random } from '../src/cli/demo/random.js';
import type { Random } from '../src/cli/demo/random.js';

// prettier-ignore
const SURNAMES = [
  'Dupont', 'Lefèvre', 'Moreau', 'Dubois', 'Lambert', 'Fontaine', 'Rousseau', 'Girard', 'Bonnet', 'Mercier',
  'Faure', 'André', 'Gauthier', 'Perrin', 'Chevalier', 'Robin', 'Clément', 'Morel', 'Nicolas', 'Henry',
  'Roussel', 'Mathieu', 'Garnier', 'Leroy', 'Boyer', 'Lemaître', 'Brunet', 'Blanchard', 'Guérin', 'Muller',
  'Müller', 'Schmitt', 'Roche', 'Renaud', 'Barbier', 'Arnaud', 'Martinez', 'Legrand', 'Gaillard', 'Picard',
  'Aubert', 'Huet', 'Bertrand', 'Bérard', 'Lacroix', 'Carpentier', 'Leclerc', 'Hébert', 'Meunier', 'Joly',
  'Colin', 'Vidal', 'Caron', 'Hervé', 'Benoît', 'Rémy', 'Noël', 'Baptiste', 'Marchand', 'Prévost',
  'Charpentier', 'Dufour', 'Pelletier', 'Brun', 'Deschamps', 'Lefebvre', 'Giraud', 'Renard', 'Roger', 'Masson',
  'Fournier', 'Laurent', 'Simon', 'Michel', 'Lemoine', 'Bouvier', 'Besnard', 'Perrot', 'Ménard', 'Thibault',
  'Smith', 'Johnson', 'Brown', 'Taylor', 'Wilson', 'Davies', 'Evans', 'Thomas', 'Roberts', 'Walker',
  'Wright', 'Thompson', 'White', 'Hughes', 'Edwards', 'Green', 'Hall', 'Wood', 'Harris', 'Clarke',
  'Jackson', 'Turner', 'Hill', 'Moore', 'Cooper', 'Ward', 'Morris', 'King', 'Watson', 'Baker',
  'Da Silva', 'Ferreira', 'Gonçalves', 'Nuñez', 'García', 'López', 'Rossi', 'Russo', 'Esposito', 'Bianchi',
  'Ørsted', 'Jørgensen', 'Åberg', 'Łukasz', 'Žižek', 'Dvořák', 'Weiß', 'Groß', 'Köhler', 'Schäfer',
  'Œuvray', 'Cœurdacier', 'Lœillet', 'Bœuf', 'Sœur', 'Château', 'Bâtard', 'Crête', 'Forêt', 'Île',
  'Lévêque', 'Béranger', 'Désiré', 'Éloi', 'Étienne', 'Émile', 'Hélène', 'Jérôme', 'Loïc', 'Maëlle',
];
// prettier-ignore
const TRADES = [
  'Boulangerie', 'Garage', 'Pharmacie', 'Cabinet', 'Étude notariale', 'Clinique vétérinaire', 'Hôtel',
  'Restaurant', 'Imprimerie', 'Menuiserie', 'Plomberie', 'Électricité', 'Transports', 'Laboratoire',
  'Agence immobilière', 'Librairie', 'Fromagerie', 'Brasserie', 'Auto-école', 'Crèche', 'Cave', 'Atelier',
  'Bureau d’études', 'Cabinet comptable', 'Cabinet dentaire', 'Opticien', 'Pressing', 'Quincaillerie',
  'Bakery', 'Consulting', 'Logistics', 'Dental practice', 'Law firm', 'Architects', 'Print shop',
];
// prettier-ignore
const SUFFIXES = ['SARL', 'SAS', 'SA', '& Fils', 'et Associés', 'Industries', 'Ltd', 'Group', 'Services', 'EURL'];
// prettier-ignore
export const CITIES = [
  'Lyon', 'Marseille', 'Toulouse', 'Nantes', 'Besançon', 'Orléans', 'Fréjus', 'Nîmes', 'Sète', 'Épinal',
  'Évry', 'Montréal', 'Genève', 'Liège', 'Bruxelles', 'Québec', 'Lille', 'Rennes', 'Grenoble', 'Angoulême',
  'Londres', 'Dublin', 'Manchester', 'Zürich', 'Köln',
];

export function companyName(r: Random): string {
  switch (r.int(4)) {
    case 0:
      return `${r.pick(TRADES)} ${r.pick(SURNAMES)}`;
    case 1:
      return `${r.pick(SURNAMES)} ${r.pick(SUFFIXES)}`;
    case 2:
      return `${r.pick(TRADES)} ${r.pick(SURNAMES)} ${r.pick(CITIES)}`;
    default:
      return `${r.pick(SURNAMES)} & ${r.pick(SURNAMES)}`;
  }
}

// prettier-ignore
const FIRST_NAMES = [
  'Amélie', 'Benoît', 'Céline', 'Damien', 'Élodie', 'François', 'Gaëlle', 'Hugo', 'Inès', 'Jérôme', 'Kévin',
  'Léa', 'Mathéo', 'Noémie', 'Océane', 'Pierre', 'Quentin', 'Raphaël', 'Sébastien', 'Thérèse', 'Ulysse',
  'Valérie', 'William', 'Xavier', 'Yannick', 'Zoé', 'Alice', 'Bob', 'Chloé', 'David', 'Emma', 'George',
];
export function personName(r: Random): string {
  return `${r.pick(FIRST_NAMES)} ${r.pick(SURNAMES)}`;
}
