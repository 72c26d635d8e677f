// Object bytes on disk: <root>/<bucket>/<key segments>/~<version>. Each upload gets a fresh version
// file, so a transaction that rolls back never clobbers the bytes of the committed row, and a key
// "a" can coexist with "a/b" (a file and a folder of the same name). "~" cannot occur in keys or
// bucket names, so a version file never collides with a folder.
import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, type ReadStream } from 'node:fs';
import { copyFile, mkdir, rename, rm, rmdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { isValidBucketName, isValidKey } from './keys.ts';

export class BlobStore {
  readonly root: string;

  constructor(root: string) {
    this.root = path.resolve(root);
  }

  private bucketDir(bucket: string): string {
    if (!isValidBucketName(bucket)) throw new Error(`refusing bucket name ${JSON.stringify(bucket)} on disk`);
    return path.join(this.root, bucket);
  }

  /** Where a version of an object lives; refuses names that could leave the bucket's folder. */
  file(bucket: string, key: string, version: string): string {
    if (!isValidKey(key) || !/^[0-9a-f-]+$/i.test(version)) {
      throw new Error(`refusing object path ${JSON.stringify(`${bucket}/${key}`)} on disk`);
    }
    return path.join(this.bucketDir(bucket), ...key.split('/'), `~${version}`);
  }

  /** Writes bytes to a staging file outside every bucket; returns its path. */
  async stage(bytes: Uint8Array): Promise<string> {
    const dir = path.join(this.root, '~staging');
    await mkdir(dir, { recursive: true });
    const file = path.join(dir, randomUUID());
    await writeFile(file, bytes);
    return file;
  }

  /** Moves a staged file to its version path (same file system, so the rename is atomic). */
  async place(staged: string, bucket: string, key: string, version: string): Promise<string> {
    const target = this.file(bucket, key, version);
    await mkdir(path.dirname(target), { recursive: true });
    await rename(staged, target);
    return target;
  }

  async copy(
    from: { bucket: string; key: string; version: string },
    to: { bucket: string; key: string; version: string },
  ): Promise<void> {
    const target = this.file(to.bucket, to.key, to.version);
    await mkdir(path.dirname(target), { recursive: true });
    await copyFile(this.file(from.bucket, from.key, from.version), target);
  }

  async size(bucket: string, key: string, version: string): Promise<number | undefined> {
    try {
      return (await stat(this.file(bucket, key, version))).size;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw err;
    }
  }

  open(bucket: string, key: string, version: string, range?: { start: number; end: number }): ReadStream {
    return createReadStream(this.file(bucket, key, version), range);
  }

  /** Deletes one version and prunes the folders it leaves empty, up to the bucket folder. */
  async remove(bucket: string, key: string, version: string): Promise<void> {
    const file = this.file(bucket, key, version);
    await rm(file, { force: true });
    const stop = this.bucketDir(bucket);
    for (let dir = path.dirname(file); dir.startsWith(stop + path.sep); dir = path.dirname(dir)) {
      try {
        await rmdir(dir);
      } catch {
        break; // not empty (another object or folder lives here) or already gone
      }
    }
  }

  async discard(file: string): Promise<void> {
    await rm(file, { force: true });
  }

  async removeBucket(bucket: string): Promise<void> {
    await rm(this.bucketDir(bucket), { recursive: true, force: true });
  }
}

export function md5Etag(bytes: Uint8Array): string {
  return `"${createHash('md5').update(bytes).digest('hex')}"`;
}
