import { describe, expect, it } from 'vitest';
import { validateEmail } from './validate-email.ts';

describe('validateEmail', () => {
  it('lower-cases valid addresses', () => {
    expect(validateEmail('Ana.Lopez+test@Example.COM')).toBe('ana.lopez+test@example.com');
  });

  it("answers GoTrue's validation messages", () => {
    expect(() => validateEmail('')).toThrow('An email address is required');
    expect(() => validateEmail(`${'a'.repeat(250)}@example.com`)).toThrow('An email address is too long');
    for (const bad of [
      'ana',
      'ana@',
      '@example.com',
      'ana@example',
      'a na@example.com',
      'ana@exa_mple.com',
    ]) {
      expect(() => validateEmail(bad)).toThrow('Unable to validate email address: invalid format');
    }
  });
});
