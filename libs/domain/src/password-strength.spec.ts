import { describe, expect, it } from 'vitest';
import { checkPasswordStrength } from './password-strength.ts';

describe('checkPasswordStrength', () => {
  it.each([
    '12345678',
    'password',
    'motdepasse',
    'azertyuiop',
    'iloveyou',
    'Password1',
    'abcd1234',
    'aaaaaaaa',
  ])('refuses the guessable %s', (password) => {
    expect(checkPasswordStrength(password)).toEqual({ ok: false, issue: 'common' });
  });

  it.each(['correct-horse-1', 'e2e-correct-horse', 'carebook-demo', 'zqxv-ywpt-81', 'hj4k-p9w!'])(
    'accepts %s',
    (password) => {
      expect(checkPasswordStrength(password)).toEqual({ ok: true, value: password });
    },
  );

  it('refuses a password made of the person’s own e-mail or name', () => {
    expect(checkPasswordStrength('marguerite.dupontel').ok).toBe(true);
    expect(checkPasswordStrength('marguerite.dupontel', ['marguerite.dupontel@example.com'])).toEqual({
      ok: false,
      issue: 'common',
    });
  });
});
