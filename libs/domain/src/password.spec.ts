import { describe, expect, it } from 'vitest';
import { checkCurrentPassword, checkNewPassword, PASSWORD_MIN_LENGTH } from './password.ts';

describe('checkNewPassword', () => {
  it('asks for at least 8 characters, stricter than GoTrue’s 6', () => {
    expect(PASSWORD_MIN_LENGTH).toBe(8);
    expect(checkNewPassword('abc1234')).toEqual({ ok: false, issue: 'too_short' });
    expect(checkNewPassword('abcd1234')).toEqual({ ok: true, value: 'abcd1234' });
  });

  it('keeps spaces, which belong to the password', () => {
    expect(checkNewPassword('  pass phrase  ')).toEqual({ ok: true, value: '  pass phrase  ' });
  });

  it('reports an empty field as required', () => {
    expect(checkNewPassword('')).toEqual({ ok: false, issue: 'required' });
  });

  it('counts characters, not UTF-16 units, for the minimum', () => {
    expect(checkNewPassword('🔒🔒🔒🔒🔒🔒🔒').ok).toBe(false);
    expect(checkNewPassword('🔒🔒🔒🔒🔒🔒🔒🔒').ok).toBe(true);
  });

  it('refuses more than the 72 bytes bcrypt reads', () => {
    expect(checkNewPassword('a'.repeat(72)).ok).toBe(true);
    expect(checkNewPassword('a'.repeat(73))).toEqual({ ok: false, issue: 'too_long' });
    // 19 four-byte characters are 76 bytes although only 19 characters long.
    expect(checkNewPassword('🔒'.repeat(19))).toEqual({ ok: false, issue: 'too_long' });
  });
});

describe('checkCurrentPassword', () => {
  it('only requires something, so older short passwords still sign in', () => {
    expect(checkCurrentPassword('')).toEqual({ ok: false, issue: 'required' });
    expect(checkCurrentPassword('abc123')).toEqual({ ok: true, value: 'abc123' });
  });
});
