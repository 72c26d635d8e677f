import { describe, expect, it } from 'vitest';
import { checkEmail, EMAIL_MAX_LENGTH } from './email.ts';

describe('checkEmail', () => {
  it('normalises a valid address', () => {
    expect(checkEmail('  Alice.Martin@Example.FR ')).toEqual({ ok: true, value: 'alice.martin@example.fr' });
    expect(checkEmail('a+tag@sub.example.co.uk')).toEqual({ ok: true, value: 'a+tag@sub.example.co.uk' });
  });

  it('reports an empty field as required', () => {
    expect(checkEmail('   ')).toEqual({ ok: false, issue: 'required' });
  });

  it.each([
    'alice',
    'alice@',
    '@example.com',
    'alice@example',
    'al ice@example.com',
    'a@b@example.com',
    'a@example..com',
  ])('rejects %s', (input) => {
    expect(checkEmail(input)).toEqual({ ok: false, issue: 'invalid' });
  });

  it('rejects addresses longer than SMTP allows', () => {
    const local = 'a'.repeat(EMAIL_MAX_LENGTH - '@example.com'.length + 1);
    expect(checkEmail(`${local}@example.com`)).toEqual({ ok: false, issue: 'too_long' });
    expect(checkEmail(`${local.slice(1)}@example.com`).ok).toBe(true);
  });
});
