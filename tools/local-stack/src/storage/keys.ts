// Object keys and bucket names: which ones Storage accepts, and how list prefixes are read.
import { errors } from './errors.ts';

// Storage accepts only S3-safe ASCII characters in keys (so "é.png" fails there too); bucket
// names are the same set without "/". Tilde is outside both, which the disk layout relies on.
const KEY_CHARS = /^[A-Za-z0-9_/!.*'() &$=@;:+,?-]+$/;
const BUCKET_CHARS = /^[A-Za-z0-9_!.*'() &$=@;:+,?-]+$/;

export function isValidKey(key: string): boolean {
  if (!KEY_CHARS.test(key)) return false;
  // Empty, "." and ".." segments would escape or alias folders on disk.
  return key.split('/').every((seg) => seg !== '' && seg !== '.' && seg !== '..');
}

export function assertValidKey(key: string): void {
  if (!isValidKey(key)) throw errors.invalidKey(key);
}

export function isValidBucketName(name: string): boolean {
  return (
    name.length > 0 &&
    name.length < 101 &&
    name.trim() === name &&
    BUCKET_CHARS.test(name) &&
    name !== '.' &&
    name !== '..'
  );
}

export function assertValidBucketName(name: string): void {
  if (!isValidBucketName(name)) throw errors.invalidBucketName();
}

/** A list prefix always names a folder: "a/b" and "a/b/" list the same thing. */
export function folderPrefix(prefix: string): string {
  const trimmed = prefix.replace(/^\/+/, '');
  return trimmed === '' || trimmed.endsWith('/') ? trimmed : `${trimmed}/`;
}

/** Escapes LIKE wildcards so a prefix such as "a_b/" matches only itself. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** Uploads under a name ending in this are folder markers (the dashboard makes them). */
export function isEmptyFolderPlaceholder(key: string): boolean {
  return key.endsWith('.emptyFolderPlaceholder');
}
