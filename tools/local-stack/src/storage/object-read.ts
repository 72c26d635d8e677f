// Downloads and object info. Like Storage: objects of a public bucket are read as the service role
// (anyone may have them); in a private bucket the row is read as the caller, so the SELECT policy
// decides and an object the caller may not see is simply "not found".
import { pipeline } from 'node:stream/promises';
import { SERVICE_CALLER, type Caller } from './caller.ts';
import {
  headerValue,
  maybeCaller,
  param,
  requestInfo,
  requireCaller,
  sendJson,
  type Ctx,
} from './context.ts';
import { findBucket, findObject, type ObjectRow } from './db.ts';
import { errors } from './errors.ts';
import { assertValidKey } from './keys.ts';
import { parseRange } from './range.ts';
import { verifyToken } from './signed-url.ts';

/** Finds the object a request may read; `caller` undefined means no valid token was sent. */
async function readableObject(
  ctx: Ctx,
  bucket: string,
  key: string,
  caller: Caller | undefined,
  publicOnly = false,
): Promise<ObjectRow> {
  assertValidKey(key);
  const { db } = ctx.deps;
  const info = requestInfo(ctx);
  const bucketRow = await db.as(SERVICE_CALLER, info, (tx) => findBucket(tx, bucket));
  if (!bucketRow || (!bucketRow.public && (publicOnly || !caller))) throw errors.noSuchBucket();
  const reader = bucketRow.public ? SERVICE_CALLER : caller!;
  const row = await db.as(reader, info, (tx) => findObject(tx, bucket, key));
  if (!row) throw errors.noSuchKey();
  return row;
}

function contentDisposition(download: string | null): string | undefined {
  if (download === null) return undefined;
  if (download === '') return 'attachment;';
  const name = encodeURIComponent(download);
  return `attachment; filename=${name}; filename*=UTF-8''${name}`;
}

/** Streams an object's bytes with the headers Storage sends (type, cache, ETag, ranges). */
async function serveObject(ctx: Ctx, row: ObjectRow, extra: Record<string, string> = {}): Promise<void> {
  const { blobs } = ctx.deps;
  const version = row.version;
  const size = version ? await blobs.size(row.bucket_id, row.name, version) : undefined;
  if (size === undefined || !version) throw errors.noSuchKey();
  const meta = row.metadata;
  const etag = meta?.eTag;
  const headers: Record<string, string> = {
    'content-type': meta?.mimetype ?? 'application/octet-stream',
    'cache-control': meta?.cacheControl ?? 'no-cache',
    'last-modified': new Date(meta?.lastModified ?? row.updated_at).toUTCString(),
    'accept-ranges': 'bytes',
    ...(etag ? { etag } : {}),
    ...extra,
  };
  const disposition = contentDisposition(ctx.url.searchParams.get('download'));
  if (disposition) headers['content-disposition'] = disposition;

  if (etag && headerValue(ctx, 'if-none-match') === etag) {
    ctx.res.writeHead(304, headers);
    ctx.res.end();
    return;
  }
  const range = parseRange(headerValue(ctx, 'range'), size);
  if (range) {
    headers['content-range'] = `bytes ${range.start}-${range.end}/${size}`;
    headers['content-length'] = String(range.end - range.start + 1);
    ctx.res.writeHead(206, headers);
  } else {
    headers['content-length'] = String(size);
    ctx.res.writeHead(200, headers);
  }
  if (ctx.req.method === 'HEAD' || size === 0) {
    ctx.res.end();
    return;
  }
  await pipeline(blobs.open(row.bucket_id, row.name, version, range), ctx.res);
}

/** GET /object/{bucket}/{key}: what supabase-js `download()` calls. */
export async function downloadObject(ctx: Ctx): Promise<void> {
  const caller = await maybeCaller(ctx);
  await serveObject(ctx, await readableObject(ctx, param(ctx, 'bucket'), param(ctx, 'key'), caller));
}

/** GET /object/authenticated/{bucket}/{key}: same, but a valid token is required. */
export async function downloadAuthenticated(ctx: Ctx): Promise<void> {
  const caller = await requireCaller(ctx);
  await serveObject(ctx, await readableObject(ctx, param(ctx, 'bucket'), param(ctx, 'key'), caller));
}

/** GET /object/public/{bucket}/{key}: getPublicUrl's target; only public buckets answer. */
export async function downloadPublic(ctx: Ctx): Promise<void> {
  await serveObject(ctx, await readableObject(ctx, param(ctx, 'bucket'), param(ctx, 'key'), undefined, true));
}

/** GET /object/sign/{bucket}/{key}?token=: a signed URL; the token is the whole authorisation. */
export async function downloadSigned(ctx: Ctx): Promise<void> {
  const bucket = param(ctx, 'bucket');
  const key = param(ctx, 'key');
  const token = ctx.url.searchParams.get('token');
  if (!token) throw errors.missingParameter('token');
  const grant = await verifyToken(ctx.deps.jwtSecret, token, bucket, key, 'download');
  assertValidKey(key);
  const row = await ctx.deps.db.as(SERVICE_CALLER, requestInfo(ctx), (tx) => findObject(tx, bucket, key));
  if (!row) throw errors.noSuchKey();
  await serveObject(ctx, row, { expires: new Date(grant.exp * 1000).toUTCString() });
}

/** GET /object/info/[authenticated/|public/]{bucket}/{key}: what supabase-js `info()` reads. */
export async function objectInfo(ctx: Ctx): Promise<void> {
  const publicOnly = ctx.params.scope === 'public';
  const caller = publicOnly ? undefined : await requireCaller(ctx);
  const row = await readableObject(ctx, param(ctx, 'bucket'), param(ctx, 'key'), caller, publicOnly);
  const meta = row.metadata;
  sendJson(ctx.res, 200, {
    id: row.id,
    name: row.name,
    version: row.version,
    bucket_id: row.bucket_id,
    size: meta?.size ?? null,
    content_type: meta?.mimetype ?? null,
    cache_control: meta?.cacheControl ?? null,
    etag: meta?.eTag ?? null,
    metadata: row.user_metadata,
    last_modified: row.updated_at,
    created_at: row.created_at,
  });
}
