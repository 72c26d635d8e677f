import { describe, expect, it } from 'vitest';
import { Random } from './random.ts';
import { bios, slugify, UniqueNames } from './text.ts';

describe('text helpers', () => {
  it('slugifies French names', () => {
    expect(slugify('Saint-Étienne (Loire)')).toBe('saint-etienne-loire');
    expect(slugify('  Zoé  Le Gall ')).toBe('zoe-le-gall');
  });

  it('numbers repeated names', () => {
    const u = new UniqueNames();
    expect([u.take('a', '-'), u.take('a', '-'), u.take('b', '-'), u.take('a', '-')]).toEqual([
      'a',
      'a-2',
      'b',
      'a-3',
    ]);
  });

  it('writes the same bio in French and English', () => {
    const b = bios(new Random('bio'), {
      city: 'Lyon',
      years: 8,
      specialties: [
        ['Gestion du stress', 'Stress management'],
        ['EMDR', 'EMDR'],
      ],
      modes: ['video', 'at_home'],
      languages: ['fr', 'en'],
    });
    expect(b.fr).toContain('Lyon');
    expect(b.fr).toContain('8 ans');
    expect(b.fr).toContain('gestion du stress et EMDR');
    expect(b.fr).toContain('en vidéo ou à domicile');
    expect(b.fr).toContain('en anglais');
    expect(b.en).toContain('8 years');
    expect(b.en).toContain('stress management and EMDR');
    expect(b.en).toContain('by video or at your home');
    expect(b.en).toContain('in English');
  });
});
