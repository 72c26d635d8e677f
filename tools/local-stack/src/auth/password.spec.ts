import { describe, expect, it } from 'vitest';
import { hashPassword, isBcryptHash, passwordProblem, verifyPassword } from './password.ts';

describe('password hashing', () => {
  it('writes $2a$ bcrypt hashes (what hosted GoTrue stores) that verify', async () => {
    const hash = await hashPassword('correct horse');
    expect(hash).toMatch(/^\$2a\$10\$/);
    expect(isBcryptHash(hash)).toBe(true);
    expect(await verifyPassword('correct horse', hash)).toBe(true);
    expect(await verifyPassword('wrong horse', hash)).toBe(false);
  });

  it('never matches a missing or malformed hash', async () => {
    expect(await verifyPassword('x', null)).toBe(false);
    expect(await verifyPassword('x', 'plain-text')).toBe(false);
  });
});

describe('passwordProblem', () => {
  it('accepts passwords of the minimum length that are not guessable', () => {
    expect(passwordProblem('hj4k-p9w!', 9)).toBeUndefined();
  });

  it('refuses a common password with the reason hosted GoTrue gives leaked ones', () => {
    expect(passwordProblem('12345678', 8)).toMatchObject({
      status: 422,
      code: 'weak_password',
      message: 'Password is known to be weak and easy to guess, please choose a different one.',
      extra: { weak_password: { reasons: ['pwned'] } },
    });
    expect(passwordProblem('ana.lopez.1', 8)).toBeUndefined();
    expect(passwordProblem('ana.lopez.1', 8, ['ana.lopez@example.com'])).toMatchObject({ code: 'weak_password' });
  });

  it('reports short passwords as weak_password with the length reason', () => {
    expect(passwordProblem('12345', 6)).toMatchObject({
      status: 422,
      code: 'weak_password',
      message: 'Password should be at least 6 characters.',
      extra: { weak_password: { reasons: ['length'] } },
    });
  });

  it('refuses passwords bcrypt would truncate', () => {
    expect(passwordProblem('x'.repeat(73), 6)).toMatchObject({ status: 400, code: 'validation_failed' });
  });
});
