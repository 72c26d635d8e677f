import { describe, expect, it } from 'vitest';
import { formatEuros, parseEuros, slugFor, squareCrop, typeIssues, type TypeForm } from './profile-fields.ts';

describe('slug', () => {
  it('keeps letters and digits of the name, without accents, and adds the suffix', () => {
    expect(slugFor('Dr Zoé Lefèvre', 'k3x9')).toBe('dr-zoe-lefevre-k3x9');
    expect(slugFor('  ', 'ab12')).toBe('praticien-ab12');
    expect(slugFor('Ç'.repeat(10) + ' ' + 'a'.repeat(70), 'x1')).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });
});

describe('euros', () => {
  it('reads French and English decimals', () => {
    expect(parseEuros('45')).toBe(4500);
    expect(parseEuros('45,50')).toBe(4550);
    expect(parseEuros('45.5')).toBe(4550);
    expect(parseEuros('1 200')).toBe(120000);
    expect(parseEuros('-3')).toBeNull();
    expect(parseEuros('4,555')).toBeNull();
    expect(parseEuros('')).toBeNull();
  });
  it('writes cents back the way each language reads them', () => {
    expect(formatEuros(4550, 'fr')).toBe('45,50');
    expect(formatEuros(4500, 'en')).toBe('45');
  });
});

describe('consultation type form', () => {
  const good: TypeForm = {
    nameFr: 'Première consultation',
    nameEn: '',
    durationMinutes: 50,
    price: '60',
    mode: 'video',
    bufferBeforeMinutes: 0,
    bufferAfterMinutes: 10,
    minNoticeHours: 2,
    horizonDays: 60,
    cancelCutoffHours: 24,
  };
  it('accepts what the database accepts', () => {
    expect(typeIssues(good)).toEqual({});
  });
  it('names each field out of bounds', () => {
    expect(
      typeIssues({
        ...good,
        nameFr: 'A',
        durationMinutes: 500,
        price: 'abc',
        bufferAfterMinutes: 300,
        horizonDays: 0,
        minNoticeHours: 721,
        cancelCutoffHours: -1,
      }),
    ).toEqual({
      nameFr: 'name',
      durationMinutes: 'duration',
      price: 'price',
      bufferAfterMinutes: 'buffer',
      horizonDays: 'horizon',
      minNoticeHours: 'notice',
      cancelCutoffHours: 'cutoff',
    });
  });
});

describe('square crop', () => {
  it('takes the centred square of landscape and portrait images', () => {
    expect(squareCrop(1200, 800)).toEqual({ sx: 200, sy: 0, size: 800 });
    expect(squareCrop(600, 901)).toEqual({ sx: 0, sy: 150, size: 600 });
  });
});
