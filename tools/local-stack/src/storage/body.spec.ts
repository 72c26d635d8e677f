import type { IncomingMessage } from 'node:http';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readBody, readJson, readUpload } from './body.ts';
import { StorageError } from './errors.ts';

/** A request stream as the HTTP server hands it over: bytes in chunks, plus headers. */
function request(chunks: Uint8Array[], headers: Record<string, string> = {}): IncomingMessage {
  return Object.assign(Readable.from(chunks.map((c) => Buffer.from(c))), {
    headers,
  }) as unknown as IncomingMessage;
}

/** Encodes a FormData exactly as fetch would send it (what supabase-js does with a Blob). */
async function multipart(form: FormData): Promise<IncomingMessage> {
  const r = new Request('http://x/', { method: 'POST', body: form });
  return request([new Uint8Array(await r.arrayBuffer())], { 'content-type': r.headers.get('content-type')! });
}

describe('readBody', () => {
  it('keeps at most cap + 1 bytes, drains the rest and says so', async () => {
    const out = await readBody(request([new Uint8Array(6), new Uint8Array(6)]), 8);
    expect(out.bytes.length).toBe(9);
    expect(out.truncated).toBe(true);
  });

  it('keeps a body of exactly cap bytes whole', async () => {
    const out = await readBody(request([new Uint8Array(4), new Uint8Array(4)]), 8);
    expect(out).toMatchObject({ truncated: false });
    expect(out.bytes.length).toBe(8);
  });
});

describe('readJson', () => {
  it('parses an object and treats an empty body as {}', async () => {
    expect(await readJson(request([Buffer.from('{"prefix":"a"}')]))).toEqual({ prefix: 'a' });
    expect(await readJson(request([]))).toEqual({});
  });

  it('answers Storage error for anything but a JSON object', async () => {
    await expect(readJson(request([Buffer.from('[1]')]))).rejects.toBeInstanceOf(StorageError);
    await expect(readJson(request([Buffer.from('{oops')]))).rejects.toBeInstanceOf(StorageError);
  });
});

describe('readUpload', () => {
  it('takes a raw body with its content type, cache-control and base64 x-metadata', async () => {
    const meta = Buffer.from(JSON.stringify({ kind: 'diploma' })).toString('base64');
    const out = await readUpload(
      request([Buffer.from('hello')], {
        'content-type': 'text/plain;charset=UTF-8',
        'cache-control': 'max-age=60',
        'x-metadata': meta,
      }),
      100,
    );
    expect(out).toMatchObject({
      mimeType: 'text/plain;charset=UTF-8',
      cacheControl: 'max-age=60',
      userMetadata: { kind: 'diploma' },
      tooLarge: false,
    });
    expect(out.bytes.toString()).toBe('hello');
  });

  it('takes the file of a multipart body, its type, cacheControl and metadata fields', async () => {
    const form = new FormData();
    form.append('cacheControl', '3600');
    form.append('metadata', JSON.stringify({ a: 1 }));
    form.append('', new Blob([new Uint8Array([1, 2, 3])], { type: 'image/png' }));
    const out = await readUpload(await multipart(form), 100);
    expect(out).toMatchObject({
      mimeType: 'image/png',
      cacheControl: 'max-age=3600',
      userMetadata: { a: 1 },
      tooLarge: false,
    });
    expect([...out.bytes]).toEqual([1, 2, 3]);
  });

  it('flags a multipart file larger than the cap', async () => {
    const form = new FormData();
    form.append('', new Blob([new Uint8Array(50)], { type: 'image/png' }));
    expect((await readUpload(await multipart(form), 10)).tooLarge).toBe(true);
  });

  it('flags a raw body larger than the cap', async () => {
    expect(
      (await readUpload(request([new Uint8Array(11)], { 'content-type': 'image/png' }), 10)).tooLarge,
    ).toBe(true);
  });

  it('refuses a multipart body without a file', async () => {
    const form = new FormData();
    form.append('cacheControl', '3600');
    await expect(readUpload(await multipart(form), 100)).rejects.toBeInstanceOf(StorageError);
  });
});
