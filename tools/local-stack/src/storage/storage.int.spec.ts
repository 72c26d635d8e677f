// The storage emulator through supabase-js against the running test stack. No migration of ours
// puts policies on storage yet, so this file creates its own buckets and owner-only policies
// (as `postgres`, the way a migration would) and drops them at the end.
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createClient } from '@supabase/supabase-js';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { user, type TestUser } from '@carebook/testing';
import { loadConfig } from '../config.ts';
import { syncBucketsFromConfig } from './config-buckets.ts';

const config = loadConfig('test');
const run = randomUUID().slice(0, 8);
const PRIVATE = `it-private-${run}`;
const PUBLIC = `it-public-${run}`;
const LIMITED = `it-limited-${run}`;
const BUCKETS = [PRIVATE, PUBLIC, LIMITED];
const clientOptions = { auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false } };

const service = createClient(config.apiUrl, config.serviceRoleKey, clientOptions);
const anon = createClient(config.apiUrl, config.anonKey, clientOptions);
let db: pg.Client;

/** A confirmed user made by the test kit, signed in through the auth API. */
const newUser = (label: string): Promise<TestUser> => user('patient', { tag: `storage-${label}` });

function policySql(): string {
  // Owner-only folders: the first path segment must be the caller's id, as in Supabase's docs.
  const buckets = BUCKETS.map((b) => `'${b}'`).join(', ');
  const ownFolder = `bucket_id in (${buckets}) and (select auth.uid())::text = (storage.foldername(name))[1]`;
  return `
    create policy "it ${run}: users read their own folder" on storage.objects
      for select to authenticated using (${ownFolder});
    create policy "it ${run}: users upload into their own folder" on storage.objects
      for insert to authenticated with check (${ownFolder});
    create policy "it ${run}: users replace files in their own folder" on storage.objects
      for update to authenticated using (${ownFolder}) with check (${ownFolder});
    create policy "it ${run}: users delete from their own folder" on storage.objects
      for delete to authenticated using (${ownFolder});`;
}

const text = (s: string) => Buffer.from(s, 'utf8');
const png = (size: number) =>
  Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47]), Buffer.alloc(Math.max(0, size - 4), 7)]);

let owner: TestUser;
let other: TestUser;

beforeAll(async () => {
  db = new pg.Client({ connectionString: config.dbUrl('postgres') });
  await db.connect();
  // As a migration would on hosted: postgres inserts buckets and creates policies on storage.objects.
  await db.query(
    `insert into storage.buckets (id, name, public, file_size_limit, allowed_mime_types) values
       ($1, $1, false, null, null), ($2, $2, true, null, null), ($3, $3, false, 1024, '{image/png}')`,
    BUCKETS,
  );
  await db.query(policySql());
  [owner, other] = await Promise.all([newUser('owner'), newUser('other')]);
});

afterAll(async () => {
  if (!db) return;
  for (const bucket of BUCKETS) {
    await service.storage.emptyBucket(bucket);
    await service.storage.deleteBucket(bucket);
  }
  for (const action of [
    'read their own folder',
    'upload into their own folder',
    'replace files in their own folder',
    'delete from their own folder',
  ]) {
    await db.query(`drop policy if exists "it ${run}: users ${action}" on storage.objects`);
  }
  await db.end();
});

describe('owner-only folders in a private bucket', () => {
  it('let the owner upload, download, list and remove', async () => {
    const path = `${owner.id}/notes/hello.txt`;
    const up = await owner.client.storage
      .from(PRIVATE)
      .upload(path, text('hello storage'), { contentType: 'text/plain' });
    expect(up.error).toBeNull();
    expect(up.data).toMatchObject({ path, fullPath: `${PRIVATE}/${path}` });
    expect(up.data?.id).toMatch(/^[0-9a-f-]{36}$/);

    const down = await owner.client.storage.from(PRIVATE).download(path);
    expect(down.error).toBeNull();
    expect(await down.data!.text()).toBe('hello storage');
    expect(down.data!.type).toBe('text/plain');

    const root = await owner.client.storage.from(PRIVATE).list(owner.id);
    expect(root.error).toBeNull();
    expect(root.data).toEqual([expect.objectContaining({ name: 'notes', id: null, metadata: null })]);
    const inNotes = await owner.client.storage.from(PRIVATE).list(`${owner.id}/notes`);
    expect(inNotes.data).toEqual([
      expect.objectContaining({
        name: 'hello.txt',
        id: up.data!.id,
        metadata: expect.objectContaining({ size: 13, mimetype: 'text/plain' }),
      }),
    ]);

    const removed = await owner.client.storage.from(PRIVATE).remove([path]);
    expect(removed.error).toBeNull();
    expect(removed.data).toEqual([expect.objectContaining({ name: path, bucket_id: PRIVATE })]);
    const gone = await owner.client.storage.from(PRIVATE).download(path);
    expect(gone.error).toMatchObject({ statusCode: '404', message: 'Object not found' });
  });

  it('refuse another user: upload, download, list, sign and remove', async () => {
    const path = `${owner.id}/private.txt`;
    expect((await owner.client.storage.from(PRIVATE).upload(path, text('mine'))).error).toBeNull();

    const intrude = await other.client.storage.from(PRIVATE).upload(`${owner.id}/planted.txt`, text('x'));
    expect(intrude.error).toMatchObject({
      statusCode: '403',
      message: 'new row violates row-level security policy',
    });

    const read = await other.client.storage.from(PRIVATE).download(path);
    expect(read.error).toMatchObject({ statusCode: '404', message: 'Object not found' });
    expect((await other.client.storage.from(PRIVATE).list(owner.id)).data).toEqual([]);
    expect((await other.client.storage.from(PRIVATE).createSignedUrl(path, 60)).error).toMatchObject({
      statusCode: '404',
    });

    const removed = await other.client.storage.from(PRIVATE).remove([path]);
    expect(removed.data).toEqual([]);
    expect((await owner.client.storage.from(PRIVATE).download(path)).error).toBeNull();
  });

  it('refuse anon entirely', async () => {
    const path = `${owner.id}/anon-target.txt`;
    expect((await owner.client.storage.from(PRIVATE).upload(path, text('secret'))).error).toBeNull();
    const upload = await anon.storage.from(PRIVATE).upload(`anon/${randomUUID()}.txt`, text('x'));
    expect(upload.error).toMatchObject({ statusCode: '403' });
    expect((await anon.storage.from(PRIVATE).download(path)).error).toMatchObject({ statusCode: '404' });
    const viaPublicUrl = await fetch(anon.storage.from(PRIVATE).getPublicUrl(path).data.publicUrl);
    expect(viaPublicUrl.status).toBe(400);
    expect(await viaPublicUrl.json()).toMatchObject({ statusCode: '404', error: 'Bucket not found' });
  });

  it('upsert only when asked, and replace the bytes', async () => {
    const bucket = owner.client.storage.from(PRIVATE);
    const path = `${owner.id}/versioned.txt`;
    expect((await bucket.upload(path, text('v1'))).error).toBeNull();
    const again = await bucket.upload(path, text('v2'));
    expect(again.error).toMatchObject({ statusCode: '409', message: 'The resource already exists' });
    expect((await bucket.upload(path, text('v2'), { upsert: true })).error).toBeNull();
    expect(await (await bucket.download(path)).data!.text()).toBe('v2');
    expect((await bucket.update(path, text('v3'))).error).toBeNull();
    expect(await (await bucket.download(path)).data!.text()).toBe('v3');
    const upsertByOther = await other.client.storage
      .from(PRIVATE)
      .upload(path, text('hijack'), { upsert: true });
    expect(upsertByOther.error).toMatchObject({ statusCode: '403' });
    expect(await (await bucket.download(path)).data!.text()).toBe('v3');
  });

  it('accept a browser-style multipart upload and keep its type and cache-control', async () => {
    const path = `${owner.id}/photo.png`;
    const blob = new Blob([png(64)], { type: 'image/png' });
    expect(
      (await owner.client.storage.from(PRIVATE).upload(path, blob, { cacheControl: '120' })).error,
    ).toBeNull();
    const res = await fetch(`${config.apiUrl}/storage/v1/object/authenticated/${PRIVATE}/${path}`, {
      headers: {
        apikey: config.anonKey,
        authorization: `Bearer ${(await owner.client.auth.getSession()).data.session!.access_token}`,
      },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(res.headers.get('cache-control')).toBe('max-age=120');
    expect(Buffer.from(await res.arrayBuffer()).equals(png(64))).toBe(true);
    const info = await owner.client.storage.from(PRIVATE).info(path);
    expect(info.data).toMatchObject({ name: path, size: 64, contentType: 'image/png', bucketId: PRIVATE });
  });

  it('move and copy inside the owner folder, never out of it', async () => {
    const bucket = owner.client.storage.from(PRIVATE);
    const from = `${owner.id}/draft.txt`;
    expect((await bucket.upload(from, text('draft'))).error).toBeNull();
    expect((await bucket.move(from, `${owner.id}/final.txt`)).error).toBeNull();
    expect((await bucket.download(from)).error).toMatchObject({ statusCode: '404' });
    expect(await (await bucket.download(`${owner.id}/final.txt`)).data!.text()).toBe('draft');

    const copied = await bucket.copy(`${owner.id}/final.txt`, `${owner.id}/copy.txt`);
    expect(copied.data).toEqual({ path: `${PRIVATE}/${owner.id}/copy.txt` });
    expect(await (await bucket.download(`${owner.id}/copy.txt`)).data!.text()).toBe('draft');

    const escape = await bucket.move(`${owner.id}/copy.txt`, `${other.id}/stolen.txt`);
    expect(escape.error).toMatchObject({ statusCode: '403' });
    const byOther = await other.client.storage
      .from(PRIVATE)
      .copy(`${owner.id}/final.txt`, `${other.id}/mine-now.txt`);
    expect(byOther.error).toMatchObject({ statusCode: '404' });
  });
});

describe('signed URLs', () => {
  it('let anyone holding one download, until it expires', async () => {
    const path = `${owner.id}/shared.txt`;
    expect((await owner.client.storage.from(PRIVATE).upload(path, text('shared'))).error).toBeNull();
    const long = await owner.client.storage.from(PRIVATE).createSignedUrl(path, 60);
    const short = await owner.client.storage.from(PRIVATE).createSignedUrl(path, 1);
    expect(long.error).toBeNull();
    expect(long.data!.signedUrl).toContain(`/storage/v1/object/sign/${PRIVATE}/${path}?token=`);
    const ok = await fetch(long.data!.signedUrl);
    expect(ok.status).toBe(200);
    expect(await ok.text()).toBe('shared');

    await new Promise((r) => setTimeout(r, 2100));
    const expired = await fetch(short.data!.signedUrl);
    expect(expired.status).toBe(400);
    expect(await expired.json()).toMatchObject({
      statusCode: '400',
      error: 'InvalidJWT',
      message: expect.stringContaining('exp'),
    });
  });

  it('are signed in bulk only for the objects the caller can see', async () => {
    const mine = `${owner.id}/bulk.txt`;
    expect((await owner.client.storage.from(PRIVATE).upload(mine, text('bulk'))).error).toBeNull();
    const res = await owner.client.storage.from(PRIVATE).createSignedUrls([mine, `${other.id}/none.txt`], 60);
    expect(res.data).toEqual([
      expect.objectContaining({ path: mine, error: null, signedUrl: expect.stringContaining('token=') }),
      expect.objectContaining({ path: `${other.id}/none.txt`, signedUrl: null, error: expect.any(String) }),
    ]);
    expect(await (await fetch(res.data![0]!.signedUrl!)).text()).toBe('bulk');
  });
});

describe('public bucket', () => {
  it('serves getPublicUrl to anyone, without a key', async () => {
    const path = `${owner.id}/avatar.png`;
    expect(
      (await owner.client.storage.from(PUBLIC).upload(path, png(32), { contentType: 'image/png' })).error,
    ).toBeNull();
    const url = anon.storage.from(PUBLIC).getPublicUrl(path).data.publicUrl;
    expect(url).toBe(`${config.apiUrl}/storage/v1/object/public/${PUBLIC}/${path}`);
    const res = await fetch(url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await res.arrayBuffer()).equals(png(32))).toBe(true);
    expect((await other.client.storage.from(PUBLIC).download(path)).error).toBeNull();
  });

  it('still needs the insert policy to write', async () => {
    const res = await other.client.storage
      .from(PUBLIC)
      .upload(`${owner.id}/defaced.png`, png(8), { contentType: 'image/png' });
    expect(res.error).toMatchObject({ statusCode: '403' });
  });
});

describe('bucket limits', () => {
  it('refuse a file over file_size_limit with 413', async () => {
    const res = await owner.client.storage
      .from(LIMITED)
      .upload(`${owner.id}/big.png`, png(2048), { contentType: 'image/png' });
    expect(res.error).toMatchObject({
      statusCode: '413',
      message: 'The object exceeded the maximum allowed size',
    });
    expect((await owner.client.storage.from(LIMITED).list(owner.id)).data).toEqual([]);
  });

  it('refuse a type outside allowed_mime_types with 415', async () => {
    const res = await owner.client.storage
      .from(LIMITED)
      .upload(`${owner.id}/doc.pdf`, text('%PDF'), { contentType: 'application/pdf' });
    expect(res.error).toMatchObject({
      statusCode: '415',
      message: 'mime type application/pdf is not supported',
    });
  });

  it('accept what fits', async () => {
    const res = await owner.client.storage
      .from(LIMITED)
      .upload(`${owner.id}/small.png`, png(1024), { contentType: 'image/png' });
    expect(res.error).toBeNull();
  });
});

describe('bucket API', () => {
  it('is closed to users while storage.buckets has no policy', async () => {
    expect((await owner.client.storage.listBuckets()).data).toEqual([]);
    const made = await owner.client.storage.createBucket(`it-user-${run}`);
    expect(made.error).toMatchObject({
      statusCode: '403',
      message: 'new row violates row-level security policy',
    });
  });

  it('lets the service role create, read, update, empty and delete a bucket', async () => {
    const id = `it-admin-${run}`;
    expect(
      (
        await service.storage.createBucket(id, {
          public: false,
          fileSizeLimit: '1MB',
          allowedMimeTypes: ['image/*'],
        })
      ).data,
    ).toEqual({ name: id });
    expect((await service.storage.createBucket(id, { public: false })).error).toMatchObject({
      statusCode: '409',
    });
    expect((await service.storage.getBucket(id)).data).toMatchObject({
      id,
      public: false,
      file_size_limit: 1_000_000,
      allowed_mime_types: ['image/*'],
    });
    expect((await service.storage.updateBucket(id, { public: true })).error).toBeNull();
    expect((await service.storage.getBucket(id)).data).toMatchObject({
      public: true,
      file_size_limit: 1_000_000,
    });
    expect(
      (await service.storage.from(id).upload('x.png', png(16), { contentType: 'image/png' })).error,
    ).toBeNull();
    expect((await service.storage.deleteBucket(id)).error).toMatchObject({ statusCode: '409' });
    expect((await service.storage.emptyBucket(id)).error).toBeNull();
    expect((await service.storage.deleteBucket(id)).data).toEqual({ message: 'Successfully deleted' });
    expect((await service.storage.getBucket(id)).error).toMatchObject({
      statusCode: '404',
      message: 'Bucket not found',
    });
  });
});

describe('buckets declared in config.toml', () => {
  it('are created, then updated when the file changes', async () => {
    const id = `it-toml-${run}`;
    const dir = await mkdtemp(path.join(tmpdir(), 'storage-toml-'));
    const file = path.join(dir, 'config.toml');
    try {
      await writeFile(file, `[storage.buckets.${id}]\npublic = true\nfile_size_limit = "1MiB"\n`);
      await syncBucketsFromConfig(config, file);
      expect((await service.storage.getBucket(id)).data).toMatchObject({
        id,
        public: true,
        file_size_limit: 1_048_576,
        allowed_mime_types: null,
      });
      await writeFile(
        file,
        `[storage.buckets.${id}]\npublic = false\nallowed_mime_types = ["application/pdf"]\n`,
      );
      await syncBucketsFromConfig(config, file);
      expect((await service.storage.getBucket(id)).data).toMatchObject({
        public: false,
        file_size_limit: null,
        allowed_mime_types: ['application/pdf'],
      });
    } finally {
      await service.storage.deleteBucket(id);
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('database rules hosted Supabase has', () => {
  it('refuse a plain DELETE on storage.objects outside the storage API', async () => {
    await expect(db.query('delete from storage.objects where bucket_id = $1', [PRIVATE])).rejects.toThrow(
      /Direct deletion from storage tables is not allowed/,
    );
  });
});
