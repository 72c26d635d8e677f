// createSignedUrl(s): the caller must be able to see the object (SELECT policy) when signing;
// whoever holds the URL afterwards needs nothing else until it expires.
import { readJson } from './body.ts';
import { param, requestInfo, requireCaller, sendJson, type Ctx } from './context.ts';
import { findObject } from './db.ts';
import { errors } from './errors.ts';
import { assertValidKey } from './keys.ts';
import { assertExpiresIn, signToken } from './signed-url.ts';

/** The path part of a signed URL; supabase-js prefixes it with `${url}/storage/v1` and encodes it. */
function signedPath(bucket: string, key: string, token: string): string {
  return `/object/sign/${bucket}/${key}?token=${token}`;
}

/** POST /object/sign/{bucket}/{key} {expiresIn} -> {signedURL} */
export async function signObject(ctx: Ctx): Promise<void> {
  const caller = await requireCaller(ctx);
  const bucket = param(ctx, 'bucket');
  const key = param(ctx, 'key');
  assertValidKey(key);
  const { expiresIn } = await readJson(ctx.req);
  assertExpiresIn(expiresIn);
  const row = await ctx.deps.db.as(caller, requestInfo(ctx), (tx) => findObject(tx, bucket, key));
  if (!row) throw errors.noSuchKey();
  const token = await signToken(
    ctx.deps.jwtSecret,
    { url: `${bucket}/${key}`, scope: 'download' },
    expiresIn,
  );
  sendJson(ctx.res, 200, { signedURL: signedPath(bucket, key, token) });
}

/** POST /object/sign/{bucket} {expiresIn, paths} -> [{path, signedURL, error}] */
export async function signObjects(ctx: Ctx): Promise<void> {
  const caller = await requireCaller(ctx);
  const bucket = param(ctx, 'bucket');
  const { expiresIn, paths } = await readJson(ctx.req);
  assertExpiresIn(expiresIn);
  if (!Array.isArray(paths) || !paths.every((p) => typeof p === 'string')) {
    throw errors.invalidParameter('paths', 'paths must be an array of object names');
  }
  const visible = await ctx.deps.db.as(caller, requestInfo(ctx), async (tx) => {
    const { rows } = await tx.query<{ name: string }>(
      'select name from storage.objects where bucket_id = $1 and name = any($2::text[])',
      [bucket, paths],
    );
    return new Set(rows.map((r) => r.name));
  });
  const results = await Promise.all(
    (paths as string[]).map(async (path) => {
      if (!visible.has(path)) {
        return {
          error: 'Either the object does not exist or you do not have access to it',
          path,
          signedURL: null,
        };
      }
      const token = await signToken(
        ctx.deps.jwtSecret,
        { url: `${bucket}/${path}`, scope: 'download' },
        expiresIn,
      );
      return { error: null, path, signedURL: signedPath(bucket, path, token) };
    }),
  );
  sendJson(ctx.res, 200, results);
}
