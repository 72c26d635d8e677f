import { describe, expect, it } from 'vitest';
import { StorageError } from './errors.ts';
import { assertMimeAllowed, assertMimeList, isMimeAllowed } from './mime.ts';

function thrown(fn: () => unknown): StorageError {
  try {
    fn();
  } catch (err) {
    if (err instanceof StorageError) return err;
    throw err;
  }
  throw new Error('expected a StorageError');
}

describe('allowed MIME types', () => {
  it('matches exact types and type wildcards', () => {
    expect(isMimeAllowed('image/png', ['image/png'])).toBe(true);
    expect(isMimeAllowed('image/webp', ['image/*'])).toBe(true);
    expect(isMimeAllowed('application/pdf', ['image/*', 'text/plain'])).toBe(false);
  });

  it('does not strip parameters, exactly like Storage', () => {
    expect(isMimeAllowed('text/plain;charset=UTF-8', ['text/plain'])).toBe(false);
    expect(isMimeAllowed('text/plain;charset=UTF-8', ['text/*'])).toBe(true);
  });

  it('refuses malformed types', () => {
    expect(isMimeAllowed('png', ['image/*'])).toBe(false);
  });

  it('answers Storage invalid_mime_type error (statusCode 415)', () => {
    const err = thrown(() => assertMimeAllowed('application/pdf', ['image/png']));
    expect(err.body()).toMatchObject({
      statusCode: '415',
      code: 'InvalidMimeType',
      error: 'invalid_mime_type',
    });
    expect(err.httpStatus).toBe(400);
  });

  it('lets anything through when the bucket has no list', () => {
    expect(() => assertMimeAllowed('application/x-anything', null)).not.toThrow();
    expect(() => assertMimeAllowed('application/x-anything', [])).not.toThrow();
  });

  it('validates bucket settings', () => {
    expect(() => assertMimeList(['image/png', 'image/*', 'application/vnd.api+json'])).not.toThrow();
    expect(() => assertMimeList(['png'])).toThrow(StorageError);
  });
});
