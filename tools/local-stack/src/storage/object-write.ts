// Uploads: POST (x-upsert decides) and PUT (always upsert) on /object/{bucket}/{key}, and the
// signed-upload pair under /object/upload/sign. The row is written as the caller, so the INSERT
// policy (and for upserts the SELECT and UPDATE ones) on storage.objects decides, as on hosted.
import { randomUUID } from 'node:crypto';
import { md5Etag } from './blob-store.ts';
import { readUpload } from './body.ts';
import { SERVICE_CALLER, type Caller } from './caller.ts';
import { headerValue, param, requestInfo, requireCaller, sendJson, type Ctx } from './context.ts';
import { findBucket, findObject, ownerColumns, type BucketRow, type ObjectMetadata, type Tx } from './db.ts';
import { errors } from './errors.ts';
import { assertValidKey, isEmptyFolderPlaceholder } from './keys.ts';
import { assertMimeAllowed } from './mime.ts';
import { signToken, verifyToken } from './signed-url.ts';
import { effectiveLimit } from './size.ts';

/** How long a signed upload URL lives, as on hosted (two hours). */
const SIGNED_UPLOAD_SECONDS = 2 * 60 * 60;

export async function bucketOrThrow(ctx: Ctx, bucket: string): Promise<BucketRow> {
  const row = await ctx.deps.db.as(SERVICE_CALLER, requestInfo(ctx), (tx) => findBucket(tx, bucket));
  if (!row) throw errors.noSuchBucket();
  return row;
}

interface ObjectWrite {
  id: string;
  bucket: string;
  key: string;
  owner: string | undefined;
  metadata: Partial<ObjectMetadata>;
  userMetadata: Record<string, unknown> | undefined;
  version: string;
  upsert: boolean;
}

/**
 * Inserts (or upserts) an object row. A plain insert has no RETURNING, so it needs only the
 * INSERT policy; an upsert returns the row that now holds the key, which needs SELECT too.
 * Returns the object's id and the version it replaced.
 */
export async function writeObjectRow(tx: Tx, w: ObjectWrite): Promise<{ id: string; replaced?: string }> {
  const { owner, owner_id } = ownerColumns(w.owner);
  const values = [w.id, w.bucket, w.key, owner, owner_id, w.metadata, w.userMetadata ?? null, w.version];
  const insert = `insert into storage.objects (id, bucket_id, name, owner, owner_id, metadata, user_metadata, version)
                  values ($1, $2, $3, $4, $5, $6, $7, $8)`;
  if (!w.upsert) {
    try {
      await tx.query(insert, values);
    } catch (err) {
      if (err instanceof Error && (err as { code?: string }).code === '23505')
        throw errors.keyAlreadyExists();
      throw err;
    }
    return { id: w.id };
  }
  const previous = await findObject(tx, w.bucket, w.key, true);
  const { rows } = await tx.query<{ id: string }>(
    `${insert}
     on conflict (bucket_id, name) do update set
       metadata = excluded.metadata, user_metadata = excluded.user_metadata, version = excluded.version,
       owner = excluded.owner, owner_id = excluded.owner_id, last_accessed_at = now()
     returning id`,
    values,
  );
  return { id: rows[0]!.id, ...(previous?.version ? { replaced: previous.version } : {}) };
}

interface UploadTarget {
  bucket: string;
  key: string;
  /** Whose transaction writes the row (the caller, or the service role for signed uploads). */
  writer: Caller;
  owner: string | undefined;
  upsert: boolean;
}

/** Reads the body, checks the bucket's limits and stores row and bytes; returns the object id. */
export async function storeUpload(ctx: Ctx, target: UploadTarget): Promise<string> {
  const { bucket, key } = target;
  assertValidKey(key);
  const { blobs, db, globalLimit } = ctx.deps;
  const bucketRow = await bucketOrThrow(ctx, bucket);
  const placeholder = isEmptyFolderPlaceholder(key);
  const upload = await readUpload(
    ctx.req,
    placeholder ? 0 : effectiveLimit(globalLimit, bucketRow.file_size_limit),
  );
  if (!placeholder) assertMimeAllowed(upload.mimeType, bucketRow.allowed_mime_types);

  const version = randomUUID();
  const metadata: ObjectMetadata = {
    eTag: md5Etag(upload.bytes),
    size: upload.bytes.length,
    mimetype: upload.mimeType,
    cacheControl: upload.cacheControl,
    lastModified: new Date().toISOString(),
    contentLength: upload.bytes.length,
    httpStatusCode: 200,
  };
  const staged = upload.tooLarge ? undefined : await blobs.stage(upload.bytes);
  let placed: string | undefined;
  let result: { id: string; replaced?: string };
  try {
    result = await db.as(target.writer, requestInfo(ctx), async (tx) => {
      const written = await writeObjectRow(tx, {
        id: randomUUID(),
        bucket,
        key,
        owner: target.owner,
        metadata,
        userMetadata: upload.userMetadata,
        version,
        upsert: target.upsert,
      });
      // After the policy check, like Storage: a refused caller hears 403 before 413.
      if (!staged) throw errors.entityTooLarge();
      placed = await blobs.place(staged, bucket, key, version);
      return written;
    });
  } catch (err) {
    if (staged) await blobs.discard(staged);
    if (placed) await blobs.discard(placed);
    throw err;
  }
  // The committed row names the new version; the replaced bytes are garbage now.
  if (result.replaced && result.replaced !== version) await blobs.remove(bucket, key, result.replaced);
  return result.id;
}

export async function uploadObject(ctx: Ctx): Promise<void> {
  const caller = await requireCaller(ctx);
  const bucket = param(ctx, 'bucket');
  const key = param(ctx, 'key');
  const upsert = ctx.req.method === 'PUT' || headerValue(ctx, 'x-upsert') === 'true';
  const id = await storeUpload(ctx, { bucket, key, writer: caller, owner: caller.sub, upsert });
  sendJson(ctx.res, 200, { Id: id, Key: `${bucket}/${key}` });
}

/** POST /object/upload/sign/{bucket}/{key}: a URL that lets anyone holding it upload that object. */
export async function createSignedUploadUrl(ctx: Ctx): Promise<void> {
  const caller = await requireCaller(ctx);
  const bucket = param(ctx, 'bucket');
  const key = param(ctx, 'key');
  assertValidKey(key);
  await bucketOrThrow(ctx, bucket);
  const upsert = headerValue(ctx, 'x-upsert') === 'true';
  // The caller must be allowed to write the row now; the later upload runs as the service role.
  await ctx.deps.db.probe(caller, requestInfo(ctx), (tx) =>
    writeObjectRow(tx, {
      id: randomUUID(),
      bucket,
      key,
      owner: caller.sub,
      metadata: {},
      userMetadata: undefined,
      version: randomUUID(),
      upsert,
    }),
  );
  const claims = {
    url: `${bucket}/${key}`,
    scope: 'upload' as const,
    upsert,
    ...(caller.sub ? { owner: caller.sub } : {}),
  };
  const token = await signToken(ctx.deps.jwtSecret, claims, SIGNED_UPLOAD_SECONDS);
  sendJson(ctx.res, 200, { url: `/object/upload/sign/${bucket}/${key}?token=${token}`, token });
}

/** PUT /object/upload/sign/{bucket}/{key}?token=: the upload a signed upload URL allows. */
export async function uploadToSignedUrl(ctx: Ctx): Promise<void> {
  const bucket = param(ctx, 'bucket');
  const key = param(ctx, 'key');
  const token = ctx.url.searchParams.get('token');
  if (!token) throw errors.missingParameter('token');
  const grant = await verifyToken(ctx.deps.jwtSecret, token, bucket, key, 'upload');
  const id = await storeUpload(ctx, {
    bucket,
    key,
    writer: SERVICE_CALLER,
    owner: grant.owner,
    upsert: grant.upsert,
  });
  sendJson(ctx.res, 200, { Id: id, Key: `${bucket}/${key}` });
}
