import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BlobStore, md5Etag } from './blob-store.ts';

const V1 = '11111111-1111-4111-8111-111111111111';
const V2 = '22222222-2222-4222-8222-222222222222';

describe('BlobStore', () => {
  let root: string;
  let store: BlobStore;

  beforeEach(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'blob-store-'));
    store = new BlobStore(root);
  });
  afterEach(() => rm(root, { recursive: true, force: true }));

  it('keeps each version of a key in its own file, beside nested keys', async () => {
    await store.place(await store.stage(Buffer.from('one')), 'docs', 'a', V1);
    await store.place(await store.stage(Buffer.from('nested')), 'docs', 'a/b', V2);
    expect(await readFile(store.file('docs', 'a', V1), 'utf8')).toBe('one');
    expect(await readFile(store.file('docs', 'a/b', V2), 'utf8')).toBe('nested');
    expect(await store.size('docs', 'a', V1)).toBe(3);
    expect(await store.size('docs', 'a', V2)).toBeUndefined();
  });

  it('prunes the folders a removal leaves empty, but not the bucket or busy folders', async () => {
    await store.place(await store.stage(Buffer.from('x')), 'docs', 'u1/deep/x.txt', V1);
    await store.place(await store.stage(Buffer.from('y')), 'docs', 'u1/y.txt', V1);
    await store.remove('docs', 'u1/deep/x.txt', V1);
    expect(existsSync(path.join(root, 'docs', 'u1', 'deep'))).toBe(false);
    expect(existsSync(path.join(root, 'docs', 'u1'))).toBe(true);
    await store.remove('docs', 'u1/y.txt', V1);
    expect(existsSync(path.join(root, 'docs', 'u1'))).toBe(false);
    expect(existsSync(path.join(root, 'docs'))).toBe(true);
  });

  it('copies bytes to another key and version', async () => {
    await store.place(await store.stage(Buffer.from('copy me')), 'docs', 'a.txt', V1);
    await store.copy(
      { bucket: 'docs', key: 'a.txt', version: V1 },
      { bucket: 'public', key: 'b/a.txt', version: V2 },
    );
    expect(await readFile(store.file('public', 'b/a.txt', V2), 'utf8')).toBe('copy me');
  });

  it('refuses paths that would leave the bucket folder', () => {
    expect(() => store.file('docs', '../outside', V1)).toThrow(/refusing/);
    expect(() => store.file('..', 'a', V1)).toThrow(/refusing/);
    expect(() => store.file('docs', 'a', '../x')).toThrow(/refusing/);
  });

  it('makes quoted MD5 ETags like Storage', () => {
    expect(md5Etag(Buffer.from('hello'))).toBe('"5d41402abc4b2a76b9719d911017c592"');
  });
});
