import { describe, expect, it } from 'vitest';
import { gsm7Septets, isGsm7, smsSize } from './gsm7.ts';

describe('GSM 03.38 alphabet', () => {
  it('has the 127 basic characters (escape aside) and the 10 of the extension table', () => {
    const all = Array.from({ length: 0x3000 }, (_, i) => String.fromCharCode(i));
    expect(all.filter((c) => gsm7Septets(c) === 1)).toHaveLength(127);
    expect(all.filter((c) => gsm7Septets(c) === 2).join('')).toBe('\f[\\]^{|}~€');
  });

  it.each([...'éèùìòàÇÉÄÖÑÜäöñüÅåØøÆæß¤§¡¿£¥@$_ΔΦΓΛΩΠΨΣΘΞ\n\r'])('carries %j in one septet', (c) => {
    expect(gsm7Septets(c)).toBe(1);
  });

  // French letters the alphabet lacks: a message holding one goes out as UCS-2.
  it.each([...'êâîôûçëïÿœÈÀÙÊÂÎÔÛËÏŒ’«»\u00a0'])('has no %j', (c) => {
    expect(gsm7Septets(c)).toBeNull();
  });

  it.each([...'^{}\\[]~|€\f'])('counts %j from the extension table twice', (c) => {
    expect(gsm7Septets(c)).toBe(2);
  });

  it('knows a GSM-7 text from one that is not', () => {
    expect(isGsm7('Carebook: RDV confirmé à 09:00, 45,00 €')).toBe(true);
    expect(isGsm7('Carebook: François')).toBe(false);
    expect(isGsm7('Carebook: Paul 🙂')).toBe(false);
  });
});

describe('SMS segments', () => {
  it.each([
    ['', 'gsm7', 0, 0],
    ['a'.repeat(160), 'gsm7', 160, 1],
    ['a'.repeat(161), 'gsm7', 161, 2],
    ['a'.repeat(306), 'gsm7', 306, 2],
    ['a'.repeat(307), 'gsm7', 307, 3],
    ['€'.repeat(80), 'gsm7', 160, 1],
    ['a'.repeat(159) + '€', 'gsm7', 161, 2],
    ['ç'.repeat(70), 'ucs2', 70, 1],
    ['ç'.repeat(71), 'ucs2', 71, 2],
    ['ç'.repeat(134), 'ucs2', 134, 2],
    ['ç'.repeat(135), 'ucs2', 135, 3],
    ['🙂'.repeat(35), 'ucs2', 70, 1],
  ])('%j: %s, %i units, %i segments', (text, encoding, units, segments) => {
    expect(smsSize(text)).toEqual({ encoding, units, segments });
  });

  it('never cuts an escape pair or a surrogate pair across two segments', () => {
    // 152 septets then "€" (2): 154 do not fit the first 153-septet segment, so "€" opens the second.
    expect(smsSize('a'.repeat(152) + '€' + 'a'.repeat(152)).segments).toBe(3);
    expect(smsSize('a'.repeat(151) + '€' + 'a'.repeat(153)).segments).toBe(2);
    // 66 units then an emoji (2 units) in UCS-2: same rule at 67.
    expect(smsSize('ç'.repeat(66) + '🙂' + 'ç'.repeat(66)).segments).toBe(3);
    expect(smsSize('ç'.repeat(65) + '🙂' + 'ç'.repeat(67)).segments).toBe(2);
  });
});
