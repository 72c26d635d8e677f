// The bucket API (/bucket...). Runs as the caller against storage.buckets, which has RLS on and
// no policy by default: only the service role manages buckets until a migration says otherwise.
import { readJson } from './body.ts';
import { SERVICE_CALLER } from './caller.ts';
import { param, requestInfo, requireCaller, sendJson, type Ctx } from './context.ts';
import {
  BUCKET_COLUMNS,
  bucketJson,
  findBucket,
  ownerColumns,
  type BucketRow,
  type ObjectRow,
} from './db.ts';
import { errors } from './errors.ts';
import { assertValidBucketName, escapeLike } from './keys.ts';
import { assertMimeList } from './mime.ts';
import { parseApiSize } from './size.ts';

const SORT_COLUMNS = ['id', 'name', 'created_at', 'updated_at'];

/** GET /bucket: the buckets the caller may see (listBuckets). */
export async function listBuckets(ctx: Ctx): Promise<void> {
  const caller = await requireCaller(ctx);
  const q = ctx.url.searchParams;
  const clauses: string[] = [];
  const values: unknown[] = [];
  const search = q.get('search');
  if (search) {
    values.push(`%${escapeLike(search)}%`);
    clauses.push(`where name ilike $${values.length} escape '\\'`);
  }
  const column = q.get('sortColumn');
  if (column && SORT_COLUMNS.includes(column)) {
    clauses.push(`order by ${column} ${q.get('sortOrder') === 'desc' ? 'desc' : 'asc'}`);
  }
  for (const [name, sql] of [
    ['limit', 'limit'],
    ['offset', 'offset'],
  ] as const) {
    const v = q.get(name);
    if (v !== null) {
      if (!/^\d+$/.test(v)) throw errors.invalidParameter(name);
      values.push(Number(v));
      clauses.push(`${sql} $${values.length}`);
    }
  }
  const rows = await ctx.deps.db.as(caller, requestInfo(ctx), async (tx) => {
    const { rows } = await tx.query<BucketRow>(
      `select ${BUCKET_COLUMNS} from storage.buckets ${clauses.join(' ')}`,
      values,
    );
    return rows;
  });
  sendJson(ctx.res, 200, rows.map(bucketJson));
}

/** GET /bucket/{id} */
export async function getBucket(ctx: Ctx): Promise<void> {
  const caller = await requireCaller(ctx);
  const row = await ctx.deps.db.as(caller, requestInfo(ctx), (tx) => findBucket(tx, param(ctx, 'id')));
  if (!row) throw errors.noSuchBucket();
  sendJson(ctx.res, 200, bucketJson(row));
}

interface BucketSettings {
  public?: boolean;
  file_size_limit?: number | null;
  allowed_mime_types?: string[] | null;
}

/** Reads public / file_size_limit / allowed_mime_types as the bucket API accepts them. */
function bucketSettings(ctx: Ctx, body: Record<string, unknown>): BucketSettings {
  const out: BucketSettings = {};
  if (typeof body.public === 'boolean') out.public = body.public;
  const limit = body.file_size_limit;
  if (limit === null) out.file_size_limit = null;
  else if (typeof limit === 'number' || typeof limit === 'string') {
    const bytes = parseApiSize(limit);
    if (bytes > ctx.deps.globalLimit) throw errors.entityTooLarge();
    out.file_size_limit = bytes;
  }
  const mimes = body.allowed_mime_types;
  if (mimes === null) out.allowed_mime_types = null;
  else if (Array.isArray(mimes)) {
    const list = mimes.filter((m): m is string => typeof m === 'string' && m !== '');
    assertMimeList(list);
    out.allowed_mime_types = list;
  }
  return out;
}

/** POST /bucket {id, name, public, file_size_limit, allowed_mime_types} -> {name} */
export async function createBucket(ctx: Ctx): Promise<void> {
  const caller = await requireCaller(ctx);
  const body = await readJson(ctx.req);
  const name = typeof body.name === 'string' ? body.name : undefined;
  if (!name) throw errors.missingParameter('name');
  const id = typeof body.id === 'string' && body.id ? body.id : name;
  assertValidBucketName(name);
  assertValidBucketName(id);
  const settings = bucketSettings(ctx, body);
  const { owner, owner_id } = ownerColumns(caller.sub);
  await ctx.deps.db.as(caller, requestInfo(ctx), async (tx) => {
    try {
      await tx.query(
        `insert into storage.buckets (id, name, owner, owner_id, public, file_size_limit, allowed_mime_types)
         values ($1, $2, $3, $4, $5, $6, $7)`,
        [
          id,
          name,
          owner,
          owner_id,
          settings.public ?? false,
          settings.file_size_limit ?? null,
          settings.allowed_mime_types ?? null,
        ],
      );
    } catch (err) {
      if ((err as { code?: string }).code === '23505') throw errors.bucketAlreadyExists();
      throw err;
    }
  });
  sendJson(ctx.res, 200, { name });
}

/** PUT /bucket/{id}: changes only the settings the body carries. */
export async function updateBucket(ctx: Ctx): Promise<void> {
  const caller = await requireCaller(ctx);
  const id = param(ctx, 'id');
  assertValidBucketName(id);
  const settings = bucketSettings(ctx, await readJson(ctx.req));
  const entries = Object.entries(settings);
  if (entries.length === 0) throw errors.noContent();
  const sets = entries.map(([column], i) => `${column} = $${i + 2}`);
  const count = await ctx.deps.db.as(caller, requestInfo(ctx), async (tx) => {
    const res = await tx.query(
      `update storage.buckets set ${sets.join(', ')}, updated_at = now() where id = $1`,
      [id, ...entries.map(([, v]) => v)],
    );
    return res.rowCount ?? 0;
  });
  if (count === 0) throw errors.noSuchBucket();
  sendJson(ctx.res, 200, { message: 'Successfully updated' });
}

/** DELETE /bucket/{id}: only an empty bucket. */
export async function deleteBucket(ctx: Ctx): Promise<void> {
  const caller = await requireCaller(ctx);
  const id = param(ctx, 'id');
  const { db } = ctx.deps;
  const info = requestInfo(ctx);
  const hasObjects = await db.as(SERVICE_CALLER, info, async (tx) => {
    if (!(await findBucket(tx, id))) throw errors.noSuchBucket();
    const { rowCount } = await tx.query('select 1 from storage.objects where bucket_id = $1 limit 1', [id]);
    return (rowCount ?? 0) > 0;
  });
  if (hasObjects) throw errors.bucketNotEmpty();
  const count = await db.as(
    caller,
    info,
    async (tx) => (await tx.query('delete from storage.buckets where id = $1', [id])).rowCount ?? 0,
  );
  if (count === 0) throw errors.noSuchBucket();
  await ctx.deps.blobs.removeBucket(id);
  sendJson(ctx.res, 200, { message: 'Successfully deleted' });
}

/** POST /bucket/{id}/empty: deletes every object the caller may delete, right away. */
export async function emptyBucket(ctx: Ctx): Promise<void> {
  const caller = await requireCaller(ctx);
  const id = param(ctx, 'id');
  const { db, blobs } = ctx.deps;
  const rows = await db.as(caller, requestInfo(ctx), async (tx) => {
    if (!(await findBucket(tx, id))) throw errors.noSuchBucket();
    const { rows } = await tx.query<ObjectRow>(
      'delete from storage.objects where bucket_id = $1 returning bucket_id, name, version',
      [id],
    );
    return rows;
  });
  for (const row of rows) if (row.version) await blobs.remove(row.bucket_id, row.name, row.version);
  sendJson(ctx.res, 200, { message: 'Successfully emptied' });
}
