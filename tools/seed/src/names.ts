// Common French first and last names, street names and company-name parts: enough variety that
// 30,000 generated people read like a real user base.

// prettier-ignore
export const FEMALE_FIRST_NAMES = [
  'Camille', 'Léa', 'Manon', 'Chloé', 'Emma', 'Inès', 'Sarah', 'Julie', 'Laura', 'Marie',
  'Anaïs', 'Pauline', 'Clara', 'Mathilde', 'Lucie', 'Océane', 'Justine', 'Élodie', 'Charlotte', 'Juliette',
  'Margaux', 'Audrey', 'Émilie', 'Céline', 'Sophie', 'Nathalie', 'Isabelle', 'Sandrine', 'Aurélie', 'Caroline',
  'Hélène', 'Claire', 'Amandine', 'Mélanie', 'Alice', 'Louise', 'Jeanne', 'Zoé', 'Agathe', 'Nadia',
  'Fatima', 'Yasmine', 'Salomé', 'Victoire', 'Valérie', 'Christine', 'Sylvie', 'Delphine', 'Morgane', 'Elsa',
] as const;

// prettier-ignore
export const MALE_FIRST_NAMES = [
  'Julien', 'Thomas', 'Nicolas', 'Maxime', 'Antoine', 'Alexandre', 'Hugo', 'Lucas', 'Louis', 'Paul',
  'Romain', 'Quentin', 'Kevin', 'Guillaume', 'Pierre', 'Mathieu', 'Sébastien', 'Vincent', 'Olivier', 'Laurent',
  'François', 'Philippe', 'David', 'Jérôme', 'Benoît', 'Damien', 'Florian', 'Adrien', 'Baptiste', 'Clément',
  'Théo', 'Gabriel', 'Arthur', 'Raphaël', 'Nathan', 'Léo', 'Mehdi', 'Karim', 'Yanis', 'Samuel',
  'Étienne', 'Cédric', 'Frédéric', 'Grégoire', 'Rémi', 'Xavier', 'Bruno', 'Éric', 'Christophe', 'Stéphane',
] as const;

// prettier-ignore
export const LAST_NAMES = [
  'Martin', 'Bernard', 'Thomas', 'Petit', 'Robert', 'Richard', 'Durand', 'Dubois', 'Moreau', 'Laurent',
  'Simon', 'Michel', 'Lefebvre', 'Leroy', 'Roux', 'David', 'Bertrand', 'Morel', 'Fournier', 'Girard',
  'Bonnet', 'Dupont', 'Lambert', 'Fontaine', 'Rousseau', 'Vincent', 'Muller', 'Lefèvre', 'Faure', 'André',
  'Mercier', 'Blanc', 'Guérin', 'Boyer', 'Garnier', 'Chevalier', 'François', 'Legrand', 'Gauthier', 'Garcia',
  'Perrin', 'Robin', 'Clément', 'Morin', 'Nicolas', 'Henry', 'Roussel', 'Mathieu', 'Gautier', 'Masson',
  'Marchand', 'Duval', 'Denis', 'Dumont', 'Marie', 'Lemaire', 'Noël', 'Meyer', 'Dufour', 'Meunier',
  'Brun', 'Blanchard', 'Giraud', 'Joly', 'Rivière', 'Lucas', 'Brunet', 'Gaillard', 'Barbier', 'Arnaud',
  'Martinez', 'Gérard', 'Roche', 'Renard', 'Schmitt', 'Roy', 'Leroux', 'Colin', 'Vidal', 'Caron',
  'Picard', 'Roger', 'Fabre', 'Aubert', 'Lemoine', 'Renaud', 'Dumas', 'Lacroix', 'Olivier', 'Philippe',
  'Bourgeois', 'Pierre', 'Benoît', 'Rey', 'Leclerc', 'Payet', 'Rolland', 'Leclercq', 'Guillaume', 'Lecomte',
  'Nguyen', 'Benali', 'Haddad', 'Diallo', 'Lopez', 'Fernandes', 'Da Silva', 'Le Gall', 'Le Roux', 'Kerbrat',
] as const;

// prettier-ignore
export const STREETS = [
  'rue de la République', 'rue Victor Hugo', 'avenue Jean Jaurès', 'boulevard Gambetta', 'rue Pasteur',
  'avenue du Général de Gaulle', 'rue des Lilas', 'place de la Mairie', 'rue de la Paix', 'rue Émile Zola',
  'boulevard Voltaire', 'rue Carnot', 'avenue Foch', 'rue Saint-Michel', 'rue du Moulin',
  'rue des Écoles', 'avenue de la Gare', 'rue Nationale', 'rue de Verdun', 'quai des Chartreux',
  'rue Jules Ferry', 'rue du Docteur Roux', 'allée des Tilleuls', 'rue Lamartine', 'cours Mirabeau',
  'rue Anatole France', 'impasse des Vignes', 'rue de Strasbourg', 'boulevard de la Liberté', 'rue Molière',
] as const;

/** Street part of a practice address: "Cabinet" floors and numbers included. */
export const ADDRESS_COMPLEMENTS = [
  '',
  '',
  '',
  'Cabinet médical, ',
  'Maison de santé, ',
  'Centre paramédical, ',
] as const;

export const COMPANY_SECTORS = [
  'Logistique',
  'Conseil',
  'Assurances',
  'Industrie',
  'Énergie',
  'Transports',
  'Informatique',
  'Distribution',
  'Ingénierie',
  'Bâtiment',
  'Agroalimentaire',
  'Télécom',
  'Banque',
  'Pharma',
  'Aéronautique',
  'Immobilier',
] as const;

export const COMPANY_FORMS = ['Groupe', 'Société', 'Ateliers', 'Compagnie', 'Maison', ''] as const;

/** Personal mailboxes of seeded people: reserved example domains, so nothing can reach a real inbox. */
export const PERSONAL_EMAIL_DOMAINS = ['example.com', 'example.org', 'example.net'] as const;

/** Languages spoken besides French, with how often practitioners speak them. */
export const EXTRA_LANGUAGES = [
  ['en', 0.45],
  ['es', 0.1],
  ['de', 0.06],
  ['it', 0.06],
  ['ar', 0.06],
  ['pt', 0.04],
] as const;
