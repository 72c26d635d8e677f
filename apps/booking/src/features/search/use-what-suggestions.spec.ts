import { describe, expect, it } from 'vitest';
import type { SearchTerm } from '@carebook/data';
import { fold, matchTerms } from './use-what-suggestions.ts';

const term = (
  kind: SearchTerm['kind'],
  code: string,
  fr: string,
  en: string,
  professionCode = code,
): SearchTerm => ({
  kind,
  code,
  professionCode,
  name: { fr, en },
});
const terms = [
  term('profession', 'physiotherapist', 'Masseur-kinésithérapeute', 'Physiotherapist'),
  term('profession', 'psychologist', 'Psychologue', 'Psychologist'),
  term('specialty', 'child_psychology', 'Psychologie de l’enfant', 'Child psychology', 'psychologist'),
  term('specialty', 'sports_kine', 'Kiné du sport', 'Sports physiotherapy', 'physiotherapist'),
];

describe('what the search field suggests', () => {
  it('matches without accents or case, word starts first, professions before specialties', () => {
    expect(fold('Kinésithérapeute')).toBe('kinesitherapeute');
    expect(matchTerms(terms, 'KINE', 'fr').map((s) => s.label)).toEqual([
      'Kiné du sport',
      'Masseur-kinésithérapeute',
    ]);
    expect(matchTerms(terms, 'psycho', 'fr').map((s) => s.label)).toEqual([
      'Psychologue',
      'Psychologie de l’enfant',
    ]);
  });

  it('uses the reader’s language and keeps the profession of a specialty', () => {
    expect(matchTerms(terms, 'child', 'en')).toEqual([
      {
        kind: 'specialty',
        code: 'child_psychology',
        professionCode: 'psychologist',
        label: 'Child psychology',
      },
    ]);
    expect(matchTerms(terms, ' ', 'fr')).toEqual([]);
  });
});
