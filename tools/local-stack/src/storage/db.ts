// Every statement on storage.* runs in a transaction as the caller's role with the caller's claims,
// the way PostgREST and hosted Storage scope their connections, so RLS policies decide.
import pg from 'pg';
import type { Caller } from './caller.ts';
import { fromPgError } from './errors.ts';

export type Tx = pg.PoolClient;

export interface RequestInfo {
  method: string;
  path: string;
}

export class StorageDb {
  readonly pool: pg.Pool;

  /** `url` must log in as a role that may SET ROLE to anon, authenticated and service_role. */
  constructor(url: string, max = 10) {
    this.pool = new pg.Pool({ connectionString: url, max, idleTimeoutMillis: 10_000 });
    // A dropped idle connection (database restart) must not crash the stack.
    this.pool.on('error', () => undefined);
  }

  async as<T>(caller: Caller, request: RequestInfo, work: (tx: Tx) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    let broken: Error | undefined;
    try {
      await client.query('begin');
      await client.query(
        `select set_config('role', $1, true),
                set_config('request.jwt.claims', $2, true),
                set_config('request.jwt.claim.role', $1, true),
                set_config('request.jwt.claim.sub', $3, true),
                set_config('request.method', $4, true),
                set_config('request.path', $5, true),
                set_config('storage.allow_delete_query', 'true', true)`,
        [caller.role, JSON.stringify(caller.claims), caller.sub ?? '', request.method, request.path],
      );
      const result = await work(client);
      await client.query('commit');
      return result;
    } catch (err) {
      await client.query('rollback').catch((e: Error) => (broken = e));
      // Postgres refusals (RLS, duplicates) become Storage errors; anything else goes up as is.
      throw fromPgError(err) ?? err;
    } finally {
      client.release(broken);
    }
  }

  /** Runs work as the caller and always rolls back: Storage's "would RLS allow this?" probe. */
  async probe(caller: Caller, request: RequestInfo, work: (tx: Tx) => Promise<unknown>): Promise<void> {
    const rolledBack = Symbol('probe');
    try {
      await this.as(caller, request, async (tx) => {
        await work(tx);
        throw rolledBack;
      });
    } catch (err) {
      if (err !== rolledBack) throw err;
    }
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}

/** Columns of storage.objects that Storage returns (path_tokens stays internal). */
export const OBJECT_COLUMNS =
  'id, bucket_id, name, owner, owner_id, version, metadata, user_metadata, created_at, updated_at, last_accessed_at';

export const BUCKET_COLUMNS =
  'id, name, owner, owner_id, public, file_size_limit, allowed_mime_types, created_at, updated_at';

export interface ObjectMetadata {
  eTag: string;
  size: number;
  mimetype: string;
  cacheControl: string;
  lastModified: string;
  contentLength: number;
  httpStatusCode: number;
}

export interface ObjectRow {
  id: string;
  bucket_id: string;
  name: string;
  owner: string | null;
  owner_id: string | null;
  version: string | null;
  metadata: ObjectMetadata | null;
  user_metadata: Record<string, unknown> | null;
  created_at: Date;
  updated_at: Date;
  last_accessed_at: Date;
}

export interface BucketRow {
  id: string;
  name: string;
  owner: string | null;
  owner_id: string | null;
  public: boolean;
  /** bigint: pg hands it over as a string. */
  file_size_limit: string | null;
  allowed_mime_types: string[] | null;
  created_at: Date;
  updated_at: Date;
}

/** The bucket API shows file_size_limit as a number. */
export function bucketJson(
  row: BucketRow,
): Omit<BucketRow, 'file_size_limit'> & { file_size_limit: number | null } {
  return { ...row, file_size_limit: row.file_size_limit === null ? null : Number(row.file_size_limit) };
}

export async function findBucket(tx: Tx, id: string): Promise<BucketRow | undefined> {
  const { rows } = await tx.query<BucketRow>(`select ${BUCKET_COLUMNS} from storage.buckets where id = $1`, [
    id,
  ]);
  return rows[0];
}

export async function findObject(
  tx: Tx,
  bucket: string,
  name: string,
  lock = false,
): Promise<ObjectRow | undefined> {
  const { rows } = await tx.query<ObjectRow>(
    `select ${OBJECT_COLUMNS} from storage.objects where bucket_id = $1 and name = $2${lock ? ' for update' : ''}`,
    [bucket, name],
  );
  return rows[0];
}

/** Owner columns as Storage fills them: owner only when the subject is a UUID, owner_id always. */
export function ownerColumns(sub: string | undefined): { owner: string | null; owner_id: string | null } {
  const isUuid =
    sub !== undefined && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(sub);
  return { owner: isUuid ? sub : null, owner_id: sub ?? null };
}
