import { describe, expect, it } from 'vitest';
import { newOtp, newRandomPassword, newRefreshToken, otpHash, s256Challenge } from './secrets.ts';

describe('secrets', () => {
  it("hashes address + code with SHA-224 like GoTrue's token hash", () => {
    expect(otpHash('ana@example.com', '123456')).toBe(
      '05325077d7514b98175a66613cf250ef68f3fb3b9b6c7092e5e11d09',
    );
  });

  it('makes numeric codes of the asked length', () => {
    for (let i = 0; i < 50; i += 1) expect(newOtp(6)).toMatch(/^\d{6}$/);
  });

  it('makes 12-character lowercase base32 refresh tokens that do not repeat', () => {
    const tokens = new Set(Array.from({ length: 200 }, () => newRefreshToken()));
    expect(tokens.size).toBe(200);
    for (const t of tokens) expect(t).toMatch(/^[a-z2-7]{12}$/);
  });

  it('computes the PKCE S256 challenge of RFC 7636', () => {
    expect(s256Challenge('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).toBe(
      'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
    );
  });

  it('makes long random passwords', () => {
    expect(newRandomPassword().length).toBeGreaterThanOrEqual(40);
    expect(newRandomPassword()).not.toBe(newRandomPassword());
  });
});
