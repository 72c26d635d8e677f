import { decodeJwt } from 'jose';
import { describe, expect, it } from 'vitest';
import { StorageError } from './errors.ts';
import { assertExpiresIn, signToken, verifyToken } from './signed-url.ts';

const SECRET = 'super-secret-jwt-token-with-at-least-32-characters-long';
const NOW = 1_750_000_000;

async function rejection(p: Promise<unknown>): Promise<StorageError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof StorageError) return err;
    throw err;
  }
  throw new Error('expected a StorageError');
}

describe('signed URL tokens', () => {
  it('hold the object path, the scope and an expiry expiresIn seconds away', async () => {
    const token = await signToken(SECRET, { url: 'docs/u1/a.pdf', scope: 'download' }, 60, NOW);
    expect(decodeJwt(token)).toMatchObject({
      url: 'docs/u1/a.pdf',
      scope: 'download',
      iat: NOW,
      exp: NOW + 60,
    });
    await expect(verifyToken(SECRET, token, 'docs', 'u1/a.pdf', 'download', NOW + 59)).resolves.toEqual({
      url: 'docs/u1/a.pdf',
      scope: 'download',
      exp: NOW + 60,
    });
  });

  it('stop working once expired', async () => {
    const token = await signToken(SECRET, { url: 'docs/a', scope: 'download' }, 60, NOW);
    const err = await rejection(verifyToken(SECRET, token, 'docs', 'a', 'download', NOW + 61));
    expect(err.code).toBe('InvalidJWT');
    expect(err.message).toMatch(/exp/);
  });

  it('grant exactly one object', async () => {
    const token = await signToken(SECRET, { url: 'docs/a', scope: 'download' }, 60, NOW);
    expect((await rejection(verifyToken(SECRET, token, 'docs', 'b', 'download', NOW))).code).toBe(
      'InvalidSignature',
    );
    expect((await rejection(verifyToken(SECRET, token, 'other', 'a', 'download', NOW))).code).toBe(
      'InvalidSignature',
    );
  });

  it('are bound to their scope: a download token cannot upload', async () => {
    const token = await signToken(SECRET, { url: 'docs/a', scope: 'download' }, 60, NOW);
    const err = await rejection(verifyToken(SECRET, token, 'docs', 'a', 'upload', NOW));
    expect(err.message).toBe('Token is not scoped for upload');
  });

  it('carry owner and upsert for uploads', async () => {
    const token = await signToken(
      SECRET,
      { url: 'docs/a', scope: 'upload', owner: 'u1', upsert: true },
      60,
      NOW,
    );
    await expect(verifyToken(SECRET, token, 'docs', 'a', 'upload', NOW)).resolves.toMatchObject({
      owner: 'u1',
      upsert: true,
    });
  });

  it('are refused when signed with another secret or tampered with', async () => {
    const foreign = await signToken(
      'another-secret-that-is-long-enough-for-hs256',
      { url: 'docs/a', scope: 'download' },
      60,
      NOW,
    );
    expect((await rejection(verifyToken(SECRET, foreign, 'docs', 'a', 'download', NOW))).code).toBe(
      'InvalidJWT',
    );
    expect((await rejection(verifyToken(SECRET, 'not-a-jwt', 'docs', 'a', 'download', NOW))).code).toBe(
      'InvalidJWT',
    );
  });

  it('need a positive whole expiresIn', () => {
    expect(() => assertExpiresIn(60)).not.toThrow();
    for (const bad of [0, -5, 1.5, '60', undefined]) expect(() => assertExpiresIn(bad)).toThrow(StorageError);
  });
});
