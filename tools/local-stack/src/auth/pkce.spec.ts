import { describe, expect, it } from 'vitest';
import { readPkceParams } from './pkce.ts';

const challenge = 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM';

describe('readPkceParams', () => {
  it('is undefined for the implicit flow', () => {
    expect(readPkceParams({})).toBeUndefined();
    expect(readPkceParams({ code_challenge: null, code_challenge_method: null })).toBeUndefined();
  });

  it('accepts s256 and plain, case-insensitively', () => {
    expect(readPkceParams({ code_challenge: challenge, code_challenge_method: 'S256' })).toEqual({
      challenge,
      method: 's256',
    });
    expect(readPkceParams({ code_challenge: challenge, code_challenge_method: 'plain' })).toEqual({
      challenge,
      method: 'plain',
    });
  });

  it('rejects half a challenge, bad lengths, characters and methods', () => {
    expect(() => readPkceParams({ code_challenge: challenge })).toThrow(
      'PKCE flow requires code_challenge_method and code_challenge',
    );
    expect(() => readPkceParams({ code_challenge: 'short', code_challenge_method: 's256' })).toThrow(
      'between 43 and 128',
    );
    expect(() => readPkceParams({ code_challenge: `${challenge}!`, code_challenge_method: 's256' })).toThrow(
      'alphanumeric',
    );
    expect(() => readPkceParams({ code_challenge: challenge, code_challenge_method: 'md5' })).toThrow(
      'not supported',
    );
  });
});
