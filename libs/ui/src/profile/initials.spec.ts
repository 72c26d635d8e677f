import { describe, expect, it } from 'vitest';
import { initials } from './initials.ts';

describe('initials', () => {
  it('takes the first letters of the first and last names', () => {
    expect(initials('Camille Marie Dupont', 'c@example.fr')).toBe('CD');
    expect(initials('  élodie  ', null)).toBe('É');
  });

  it('falls back on the e-mail, then on a question mark', () => {
    expect(initials(null, 'zoe@example.fr')).toBe('Z');
    expect(initials('', '')).toBe('?');
  });
});
