import { describe, expect, it } from 'vitest';
import { StorageError } from './errors.ts';
import {
  assertValidKey,
  escapeLike,
  folderPrefix,
  isEmptyFolderPlaceholder,
  isValidBucketName,
  isValidKey,
} from './keys.ts';

function thrown(fn: () => unknown): StorageError {
  try {
    fn();
  } catch (err) {
    if (err instanceof StorageError) return err;
    throw err;
  }
  throw new Error('expected a StorageError');
}

describe('object keys', () => {
  it('accepts the S3-safe characters Storage accepts, folders included', () => {
    for (const key of [
      'a.png',
      'user-1/avatar (2).png',
      "odd!*'()&$=@;:+,?_chars",
      'a/b/c/d.txt',
      'with space.txt',
    ]) {
      expect(isValidKey(key), key).toBe(true);
    }
  });

  it('refuses non-ASCII and unsafe characters, like Storage', () => {
    for (const key of ['é.png', 'a#b', 'a%b', 'tilde~x', 'back\\slash', '']) {
      expect(isValidKey(key), key).toBe(false);
    }
  });

  it('refuses empty, "." and ".." segments that would alias or escape folders on disk', () => {
    for (const key of ['../etc/passwd', 'a/../b', './a', 'a//b', '/a', 'a/']) {
      expect(isValidKey(key), key).toBe(false);
    }
  });

  it('throws Storage InvalidKey for a bad key', () => {
    expect(() => assertValidKey('a/../b')).toThrow(StorageError);
    expect(thrown(() => assertValidKey('é')).body()).toEqual({
      statusCode: '400',
      code: 'InvalidKey',
      error: 'InvalidKey',
      message: 'Invalid key: é',
    });
  });
});

describe('bucket names', () => {
  it('allows the key characters except "/" and refuses padding and dot names', () => {
    expect(isValidBucketName('avatars')).toBe(true);
    expect(isValidBucketName('my.bucket-1')).toBe(true);
    expect(isValidBucketName('a/b')).toBe(false);
    expect(isValidBucketName(' padded')).toBe(false);
    expect(isValidBucketName('..')).toBe(false);
    expect(isValidBucketName('x'.repeat(101))).toBe(false);
  });
});

describe('list prefixes', () => {
  it('always names a folder', () => {
    expect(folderPrefix('')).toBe('');
    expect(folderPrefix('a')).toBe('a/');
    expect(folderPrefix('a/b/')).toBe('a/b/');
    expect(folderPrefix('/a/b')).toBe('a/b/');
  });

  it('escapes LIKE wildcards so they match literally', () => {
    expect(escapeLike('50%_off\\')).toBe('50\\%\\_off\\\\');
  });

  it('recognises folder placeholders', () => {
    expect(isEmptyFolderPlaceholder('docs/.emptyFolderPlaceholder')).toBe(true);
    expect(isEmptyFolderPlaceholder('docs/file.txt')).toBe(false);
  });
});
