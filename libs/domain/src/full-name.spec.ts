import { describe, expect, it } from 'vitest';
import { checkFullName, FULL_NAME_MAX_LENGTH } from './full-name.ts';

describe('checkFullName', () => {
  it('trims and collapses whitespace', () => {
    expect(checkFullName('  Camille   Dupont ')).toEqual({ ok: true, value: 'Camille Dupont' });
  });

  it('keeps accents and hyphens', () => {
    expect(checkFullName('Zoé Lefèvre-Nguyễn')).toEqual({ ok: true, value: 'Zoé Lefèvre-Nguyễn' });
  });

  it('requires a name', () => {
    expect(checkFullName(' \t ')).toEqual({ ok: false, issue: 'required' });
  });

  it('caps the length', () => {
    expect(checkFullName('x'.repeat(FULL_NAME_MAX_LENGTH)).ok).toBe(true);
    expect(checkFullName('x'.repeat(FULL_NAME_MAX_LENGTH + 1))).toEqual({ ok: false, issue: 'too_long' });
  });
});
