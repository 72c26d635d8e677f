// Slugs, e-mail local parts and practitioners' bios in French and English. Bios are built from
// the same choices in both languages, so the two versions say the same thing.
import type { Mode } from './catalog.ts';
import type { Random } from './random.ts';

/** Lower-case ASCII words joined by hyphens: "Saint-Étienne (Loire)" -> "saint-etienne-loire". */
export function slugify(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Hands out "base", then "base2", "base3"... so generated slugs and e-mails never collide. */
export class UniqueNames {
  private readonly seen = new Map<string, number>();

  /** How many times `base` has been asked for, this time included. */
  count(base: string): number {
    const n = (this.seen.get(base) ?? 0) + 1;
    this.seen.set(base, n);
    return n;
  }

  take(base: string, separator = ''): string {
    const n = this.count(base);
    return n === 1 ? base : `${base}${separator}${n}`;
  }
}

const LANGUAGE_NAMES: Record<string, readonly [string, string]> = {
  en: ['anglais', 'English'],
  es: ['espagnol', 'Spanish'],
  de: ['allemand', 'German'],
  it: ['italien', 'Italian'],
  ar: ['arabe', 'Arabic'],
  pt: ['portugais', 'Portuguese'],
};

const MODE_NAMES: Record<Mode, readonly [string, string]> = {
  in_person: ['au cabinet', 'at my practice'],
  video: ['en vidéo', 'by video'],
  at_home: ['à domicile', 'at your home'],
};

/** "Gestion du stress" -> "gestion du stress", but acronyms such as "EMDR" stay as they are. */
function lowerFirst(name: string): string {
  return /^\p{Lu}\p{Ll}/u.test(name) ? name[0]!.toLowerCase() + name.slice(1) : name;
}

function list(items: readonly string[], and: string): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${and} ${items[items.length - 1]}`;
}

const OPENINGS: readonly (readonly [string, string])[] = [
  ["J'exerce à {city} depuis {years} ans.", 'I have been practising in {city} for {years} years.'],
  [
    "Après {years} ans de pratique, je consulte aujourd'hui à {city}.",
    'After {years} years of practice, I now see patients in {city}.',
  ],
  [
    'Mon cabinet est à {city}, où je reçois depuis {years} ans.',
    'My practice is in {city}, where I have been seeing patients for {years} years.',
  ],
];

const APPROACHES: readonly (readonly [string, string])[] = [
  [
    "Ma pratique repose sur l'écoute, la bienveillance et des objectifs que nous fixons ensemble.",
    'My practice rests on listening, kindness and goals we set together.',
  ],
  [
    'Chaque accompagnement commence par un bilan pour comprendre votre situation et vos attentes.',
    'Every course of care starts with an assessment of your situation and what you expect.',
  ],
  [
    'Je travaille en lien avec votre médecin traitant et les autres professionnels qui vous suivent.',
    'I work closely with your GP and the other professionals who look after you.',
  ],
  [
    'Je privilégie une approche concrète, avec des exercices simples à faire entre les séances.',
    'I favour a practical approach, with simple exercises to do between sessions.',
  ],
  ['Je reçois les adultes, les adolescents et les seniors.', 'I see adults, teenagers and older people.'],
];

export interface BioInput {
  city: string;
  years: number;
  /** Specialty names, French and English, in the same order. */
  specialties: readonly (readonly [string, string])[];
  modes: readonly Mode[];
  languages: readonly string[];
}

export function bios(rng: Random, input: BioInput): { fr: string; en: string } {
  const opening = rng.pick(OPENINGS);
  const approaches = rng.sample(APPROACHES, rng.int(1, 2));
  const fill = (s: string) => s.replace('{city}', input.city).replace('{years}', String(input.years));
  const fr: string[] = [fill(opening[0])];
  const en: string[] = [fill(opening[1])];
  if (input.specialties.length > 0) {
    fr.push(
      `Je vous accompagne notamment pour : ${list(
        input.specialties.map(([f]) => lowerFirst(f)),
        'et',
      )}.`,
    );
    en.push(
      `I can help in particular with ${list(
        input.specialties.map(([, e]) => lowerFirst(e)),
        'and',
      )}.`,
    );
  }
  for (const [f, e] of approaches) {
    fr.push(f);
    en.push(e);
  }
  fr.push(
    `Consultations ${list(
      input.modes.map((m) => MODE_NAMES[m][0]),
      'ou',
    )}.`,
  );
  en.push(
    `Consultations ${list(
      input.modes.map((m) => MODE_NAMES[m][1]),
      'or',
    )}.`,
  );
  const spoken = input.languages.filter((l) => l !== 'fr' && LANGUAGE_NAMES[l]);
  if (spoken.length > 0) {
    fr.push(
      `Je consulte aussi en ${list(
        spoken.map((l) => LANGUAGE_NAMES[l]![0]),
        'et',
      )}.`,
    );
    en.push(
      `I also consult in ${list(
        spoken.map((l) => LANGUAGE_NAMES[l]![1]),
        'and',
      )}.`,
    );
  }
  return { fr: fr.join(' '), en: en.join(' ') };
}
