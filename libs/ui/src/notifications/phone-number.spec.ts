import { describe, expect, it } from 'vitest';
import { checkPhone } from './phone-number.ts';

describe('checkPhone', () => {
  it('keeps an E.164 number, tidied of what people type between digits', () => {
    expect(checkPhone('+33 6 12 34 56 78')).toEqual({ ok: true, value: '+33612345678' });
    expect(checkPhone('+33 (0)6')).toMatchObject({ ok: false });
    expect(checkPhone('+1 (415) 555-0100')).toEqual({ ok: true, value: '+14155550100' });
    expect(checkPhone('0033.6.12.34.56.78')).toEqual({ ok: true, value: '+33612345678' });
  });

  it('reads an empty field as no phone', () => {
    expect(checkPhone('   ')).toEqual({ ok: true, value: null });
  });

  it('asks for the country code when the number has none', () => {
    expect(checkPhone('06 12 34 56 78')).toEqual({ ok: false, issue: 'international' });
  });

  it('refuses what the database would: letters, a leading 0, too short or too long', () => {
    for (const bad of ['+33 6 AB', '+0612345678', '+12345', '+1234567890123456'])
      expect(checkPhone(bad), bad).toEqual({ ok: false, issue: 'invalid' });
    expect(checkPhone('+1234567')).toEqual({ ok: true, value: '+1234567' });
    expect(checkPhone('+123456789012345')).toEqual({ ok: true, value: '+123456789012345' });
  });
});
