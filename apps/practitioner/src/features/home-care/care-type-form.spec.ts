import { describe, expect, it } from 'vitest';
import { careTypeCode, careTypeProblems } from './care-type-form.ts';

describe('careTypeProblems', () => {
  it('accepts names of 2 to 100 characters and a whole duration from 5 to 240 minutes', () => {
    expect(careTypeProblems({ nameFr: 'Pansement', nameEn: 'Dressing', durationMinutes: 30 })).toEqual({});
    expect(careTypeProblems({ nameFr: 'ab', nameEn: 'x'.repeat(100), durationMinutes: 240 })).toEqual({});
  });

  it('names each field that breaks a rule', () => {
    expect(careTypeProblems({ nameFr: ' a ', nameEn: 'x'.repeat(101), durationMinutes: 4 })).toEqual({
      nameFr: 'nameLength',
      nameEn: 'nameLength',
      durationMinutes: 'durationRange',
    });
    expect(careTypeProblems({ nameFr: 'Soin', nameEn: 'Care', durationMinutes: null }).durationMinutes).toBe(
      'durationRange',
    );
    expect(careTypeProblems({ nameFr: 'Soin', nameEn: 'Care', durationMinutes: 12.5 }).durationMinutes).toBe(
      'durationRange',
    );
  });
});

describe('careTypeCode', () => {
  it('turns a French name into the table code shape', () => {
    expect(careTypeCode('Prise de sang')).toBe('prise_de_sang');
    expect(careTypeCode('Soins post-opératoires')).toBe('soins_post_operatoires');
    expect(careTypeCode('  Kiné à domicile 2 ')).toBe('kine_a_domicile');
  });

  it('gives null when no letters remain or the code would be too short', () => {
    expect(careTypeCode('123')).toBeNull();
    expect(careTypeCode('É')).toBeNull();
  });

  it('keeps codes within 61 characters without a trailing underscore', () => {
    const code = careTypeCode('a'.repeat(60) + ' b');
    expect(code).toBe('a'.repeat(60));
  });
});
