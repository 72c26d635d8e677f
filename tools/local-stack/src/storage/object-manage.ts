// Remove, list, move and copy. Each runs as the caller: DELETE, SELECT and UPDATE policies on
// storage.objects decide which rows it touches; bytes follow only after the rows commit.
import { randomUUID } from 'node:crypto';
import { readJson } from './body.ts';
import { SERVICE_CALLER } from './caller.ts';
import { headerValue, param, requestInfo, requireCaller, sendJson, type Ctx } from './context.ts';
import { findBucket, findObject, OBJECT_COLUMNS, ownerColumns, type ObjectRow } from './db.ts';
import { errors } from './errors.ts';
import { assertValidKey, escapeLike } from './keys.ts';
import { groupListing, listOptions, type ListedRow } from './listing.ts';
import { writeObjectRow } from './object-write.ts';

async function removeBytes(ctx: Ctx, rows: readonly ObjectRow[]): Promise<void> {
  for (const row of rows) {
    if (row.version) await ctx.deps.blobs.remove(row.bucket_id, row.name, row.version);
  }
}

/** DELETE /object/{bucket} {prefixes}: supabase-js `remove()`; answers the rows it deleted. */
export async function removeObjects(ctx: Ctx): Promise<void> {
  const caller = await requireCaller(ctx);
  const bucket = param(ctx, 'bucket');
  const body = await readJson(ctx.req);
  const prefixes = body.prefixes;
  if (!Array.isArray(prefixes) || prefixes.length === 0 || !prefixes.every((p) => typeof p === 'string')) {
    throw errors.invalidParameter('prefixes', 'prefixes must be a non-empty array of object names');
  }
  if (prefixes.length > 1000)
    throw errors.invalidRequest('Bulk object requests are limited to 1000 objects per request.');
  const rows = await ctx.deps.db.as(caller, requestInfo(ctx), async (tx) => {
    const { rows } = await tx.query<ObjectRow>(
      `delete from storage.objects where bucket_id = $1 and name = any($2::text[]) returning ${OBJECT_COLUMNS}`,
      [bucket, prefixes],
    );
    return rows;
  });
  await removeBytes(ctx, rows);
  sendJson(ctx.res, 200, rows);
}

/** DELETE /object/{bucket}/{key}: one object; refused (not silently skipped) without the policy. */
export async function removeObject(ctx: Ctx): Promise<void> {
  const caller = await requireCaller(ctx);
  const bucket = param(ctx, 'bucket');
  const key = param(ctx, 'key');
  assertValidKey(key);
  const { db } = ctx.deps;
  const exists = await db.as(SERVICE_CALLER, requestInfo(ctx), (tx) => findObject(tx, bucket, key));
  if (!exists) throw errors.noSuchKey();
  const rows = await db.as(caller, requestInfo(ctx), async (tx) => {
    const { rows } = await tx.query<ObjectRow>(
      `delete from storage.objects where bucket_id = $1 and name = $2 returning ${OBJECT_COLUMNS}`,
      [bucket, key],
    );
    return rows;
  });
  if (rows.length === 0) throw errors.accessDenied();
  await removeBytes(ctx, rows);
  sendJson(ctx.res, 200, { message: 'Successfully deleted' });
}

/** POST /object/list/{bucket}: one folder level, folders first, as supabase-js `list()` expects. */
export async function listObjects(ctx: Ctx): Promise<void> {
  const caller = await requireCaller(ctx);
  const bucket = param(ctx, 'bucket');
  const options = listOptions(await readJson(ctx.req));
  const rows = await ctx.deps.db.as(caller, requestInfo(ctx), async (tx) => {
    const { rows } = await tx.query<ListedRow>(
      `select name, id, updated_at, created_at, last_accessed_at, metadata
         from storage.objects
        where bucket_id = $1 and name ilike $2 escape '\\'`,
      [bucket, `${escapeLike(options.prefix + options.search)}%`],
    );
    return rows;
  });
  sendJson(ctx.res, 200, groupListing(rows, options));
}

interface Transfer {
  bucketId: string;
  sourceKey: string;
  destinationBucket: string;
  destinationKey: string;
}

function transferBody(body: Record<string, unknown>): Transfer {
  const text = (name: string) => {
    const v = body[name];
    if (typeof v !== 'string' || v === '') throw errors.missingParameter(name);
    return v;
  };
  const bucketId = text('bucketId');
  const sourceKey = text('sourceKey');
  const destinationKey = text('destinationKey');
  const destinationBucket =
    typeof body.destinationBucket === 'string' && body.destinationBucket ? body.destinationBucket : bucketId;
  assertValidKey(sourceKey);
  assertValidKey(destinationKey);
  return { bucketId, sourceKey, destinationBucket, destinationKey };
}

async function assertBucketExists(ctx: Ctx, bucket: string): Promise<void> {
  const row = await ctx.deps.db.as(SERVICE_CALLER, requestInfo(ctx), (tx) => findBucket(tx, bucket));
  if (!row) throw errors.noSuchBucket();
}

/** POST /object/move: renames the row (UPDATE policy on old and new name) and its bytes. */
export async function moveObject(ctx: Ctx): Promise<void> {
  const caller = await requireCaller(ctx);
  const t = transferBody(await readJson(ctx.req));
  await assertBucketExists(ctx, t.destinationBucket);
  const { db, blobs } = ctx.deps;
  const version = randomUUID();
  const { owner, owner_id } = ownerColumns(caller.sub);
  let copied = false;
  let moved: { id: string; oldVersion: string };
  try {
    moved = await db.as(caller, requestInfo(ctx), async (tx) => {
      const source = await findObject(tx, t.bucketId, t.sourceKey, true);
      if (!source?.version) throw errors.noSuchKey();
      const { rows } = await tx.query<{ id: string }>(
        `update storage.objects set bucket_id = $3, name = $4, version = $5, owner = $6, owner_id = $7
          where bucket_id = $1 and name = $2 returning id`,
        [t.bucketId, t.sourceKey, t.destinationBucket, t.destinationKey, version, owner, owner_id],
      );
      if (rows.length === 0) throw errors.noSuchKey();
      await blobs.copy(
        { bucket: t.bucketId, key: t.sourceKey, version: source.version },
        { bucket: t.destinationBucket, key: t.destinationKey, version },
      );
      copied = true;
      return { id: rows[0]!.id, oldVersion: source.version };
    });
  } catch (err) {
    if (copied) await blobs.remove(t.destinationBucket, t.destinationKey, version);
    throw err;
  }
  await blobs.remove(t.bucketId, t.sourceKey, moved.oldVersion);
  sendJson(ctx.res, 200, {
    message: 'Successfully moved',
    Id: moved.id,
    Key: `${t.destinationBucket}/${t.destinationKey}`,
  });
}

/** POST /object/copy: a new row (INSERT policy; x-upsert: true upserts) with copied bytes. */
export async function copyObject(ctx: Ctx): Promise<void> {
  const caller = await requireCaller(ctx);
  const body = await readJson(ctx.req);
  const t = transferBody(body);
  await assertBucketExists(ctx, t.destinationBucket);
  const upsert = headerValue(ctx, 'x-upsert') === 'true';
  const { db, blobs } = ctx.deps;
  const version = randomUUID();
  let copied = false;
  let result: { id: string; replaced?: string };
  try {
    result = await db.as(caller, requestInfo(ctx), async (tx) => {
      const source = await findObject(tx, t.bucketId, t.sourceKey);
      if (!source?.version) throw errors.noSuchKey();
      const metadata = { ...(source.metadata ?? {}) };
      // copyMetadata: false takes cacheControl and mimetype from the request instead.
      if (body.copyMetadata === false) {
        const override = (body.metadata ?? {}) as { cacheControl?: unknown; mimetype?: unknown };
        if (typeof override.cacheControl === 'string') metadata.cacheControl = override.cacheControl;
        if (typeof override.mimetype === 'string') metadata.mimetype = override.mimetype;
      }
      const written = await writeObjectRow(tx, {
        id: randomUUID(),
        bucket: t.destinationBucket,
        key: t.destinationKey,
        owner: caller.sub,
        metadata: { ...metadata, lastModified: new Date().toISOString() },
        userMetadata: source.user_metadata ?? undefined,
        version,
        upsert,
      });
      await blobs.copy(
        { bucket: t.bucketId, key: t.sourceKey, version: source.version },
        { bucket: t.destinationBucket, key: t.destinationKey, version },
      );
      copied = true;
      return written;
    });
  } catch (err) {
    if (copied) await blobs.remove(t.destinationBucket, t.destinationKey, version);
    throw err;
  }
  if (result.replaced && result.replaced !== version)
    await blobs.remove(t.destinationBucket, t.destinationKey, result.replaced);
  sendJson(ctx.res, 200, {
    Id: result.id,
    Key: `${t.destinationBucket}/${t.destinationKey}`,
    id: result.id,
    name: t.destinationKey,
    bucket_id: t.destinationBucket,
    version,
  });
}
