// How the RLS matrix attempts things: the types its adapters share, and probes that try one read or
// write as a caller and then ask the database (as the service role) whether it took effect. A
// write probe works on a row made for it alone, so cells never depend on each other.
import { randomUUID } from 'node:crypto';
import type { SupabaseClient } from '@supabase/supabase-js';
import { service } from '@carebook/testing';
import type { Role } from './rls-matrix.ts';

/** A caller of the API: `id` is null for anon. Clients are untyped: the harness names tables at run time. */
export interface Actor {
  role: Role;
  id: string | null;
  client: SupabaseClient;
}

export interface FixtureRow {
  key: string;
  owners: readonly Role[];
  published: boolean;
}

export interface Probe {
  error: { code?: string; message: string } | null;
  /** Whether the write took effect, as the service role reads the database afterwards. */
  effect: boolean;
}

export type Target = 'self' | 'other';

/**
 * Attempts one write as `actor` on a row of its own (`self`) or of somebody else (`other`);
 * null when the caller can own no such row.
 */
export type WriteProbe = (actor: Actor, target: Target) => Promise<Probe | null>;

export interface Adapter {
  rows: readonly FixtureRow[];
  /** Which fixture rows `actor` gets back, or the error it gets. */
  read: (actor: Actor) => Promise<{ keys: string[]; error: Probe['error'] }>;
  insert: WriteProbe;
  update: WriteProbe;
  delete: WriteProbe;
}

export type Row = Record<string, unknown>;

export const admin = (): SupabaseClient => service() as unknown as SupabaseClient;
export const marker = (): string => `probe-${randomUUID()}`;

export function fail(what: string, error: { message: string } | null): never {
  throw new Error(`fixture: ${what}: ${error?.message ?? 'no row'}`);
}

/** Inserts with `client` and returns the new row's `column` (its id by default). */
export async function insertReturning(
  client: SupabaseClient,
  table: string,
  values: Row,
  column = 'id',
): Promise<string> {
  const { data, error } = await client.from(table).insert(values).select(column).single<Row>();
  if (error || !data) fail(`inserting into ${table}`, error);
  return String(data[column]);
}

export async function exists(table: string, match: Row): Promise<boolean> {
  const { data, error } = await admin().from(table).select('*').match(match);
  if (error) fail(`reading ${table}`, error);
  return (data ?? []).length > 0;
}

export const asProbe = (error: Probe['error'], effect: boolean): Probe => ({
  error: error ? { code: error.code, message: error.message } : null,
  effect,
});

/** The role a probe on `other` rows targets: the first of `candidates` that is not the caller. */
export function otherOf(actor: Actor, candidates: readonly Role[]): Role {
  const other = candidates.find((r) => r !== actor.role);
  if (!other) throw new Error(`no other owner than ${actor.role}`);
  return other;
}

/** A read of the fixture rows: `column` of the rows whose `column` is one of `keys`. */
export const readKeys =
  (table: string, column: string, keys: readonly string[]) =>
  async (actor: Actor): Promise<{ keys: string[]; error: Probe['error'] }> => {
    const { data, error } = await actor.client
      .from(table)
      .select(column)
      .in(column, [...keys]);
    const rows = (data ?? []) as unknown as Row[];
    return { keys: rows.map((r) => String(r[column])), error: asProbe(error, false).error };
  };

/** Inserts as the caller and reports whether the row landed (removing it again as the service role). */
export async function tryInsert(actor: Actor, table: string, values: Row, match: Row): Promise<Probe> {
  const { error } = await actor.client.from(table).insert(values);
  const landed = await exists(table, match);
  if (landed) await admin().from(table).delete().match(match);
  return asProbe(error, landed);
}

/** Updates as the caller and reports whether the change is in the database. */
export async function tryUpdate(actor: Actor, table: string, key: Row, patch: Row): Promise<Probe> {
  const { error } = await actor.client.from(table).update(patch).match(key);
  return asProbe(error, await exists(table, { ...key, ...patch }));
}

/** Deletes as the caller and reports whether the row is gone. */
export async function tryDelete(actor: Actor, table: string, key: Row): Promise<Probe> {
  const { error } = await actor.client.from(table).delete().match(key);
  return asProbe(error, !(await exists(table, key)));
}

/**
 * Who a probe's row belongs to: `{ owner }` (a user id) for tables with owners, `{}` for tables
 * without, or null when the caller can own no row here (the probe does not apply).
 */
export type OwnerOf = (actor: Actor, target: Target) => { owner?: string } | null;

/** Every row is everybody's or nobody's: only "other" probes apply. */
export const ownerless: OwnerOf = (_actor, target) => (target === 'self' ? null : {});

export interface StandardTable {
  table: string;
  /** The columns that identify a row (default: id, generated here so an insert can be found). */
  key?: readonly string[];
  ownerOf: OwnerOf;
  /** A valid new row for that owner (undefined for tables without owners) and that probe. */
  row: (owner: string | undefined, actor: Actor, target: Target) => Row;
  /** A change whose result the probe can find again by matching on it. */
  patch: () => Row;
}

/** Insert, update and delete probes for a table whose rows can be made up freely. */
export function standardProbes(t: StandardTable): Pick<Adapter, 'insert' | 'update' | 'delete'> {
  const keyColumns = t.key ?? ['id'];
  const keyOf = (row: Row): Row => Object.fromEntries(keyColumns.map((c) => [c, row[c]]));
  const fresh = (owner: string | undefined, actor: Actor, target: Target): Row =>
    t.key ? t.row(owner, actor, target) : { id: randomUUID(), ...t.row(owner, actor, target) };
  /** Makes a row as the service role, lets the caller act on it, reports, and cleans up. */
  async function onSeededRow(
    values: Row,
    act: (key: Row) => PromiseLike<{ error: Probe['error'] }>,
    effect: (key: Row) => Promise<boolean>,
  ): Promise<Probe> {
    const key = keyOf(values);
    const seeded = await admin().from(t.table).insert(values);
    if (seeded.error) fail(`seeding ${t.table}`, seeded.error);
    const { error } = await act(key);
    const probe = asProbe(error, await effect(key));
    await admin().from(t.table).delete().match(key);
    return probe;
  }
  return {
    insert: async (actor, target) => {
      const who = t.ownerOf(actor, target);
      if (!who) return null;
      const values = fresh(who.owner, actor, target);
      return tryInsert(actor, t.table, values, keyOf(values));
    },
    update: async (actor, target) => {
      const who = t.ownerOf(actor, target);
      if (!who) return null;
      const change = t.patch();
      return onSeededRow(
        fresh(who.owner, actor, target),
        (key) => actor.client.from(t.table).update(change).match(key),
        async (key) => {
          const changed = await exists(t.table, { ...key, ...change });
          // A change of a key column moved the row: remove it under its new key as well.
          if (changed)
            await admin()
              .from(t.table)
              .delete()
              .match({ ...key, ...change });
          return changed;
        },
      );
    },
    delete: async (actor, target) => {
      const who = t.ownerOf(actor, target);
      if (!who) return null;
      return onSeededRow(
        fresh(who.owner, actor, target),
        (key) => actor.client.from(t.table).delete().match(key),
        async (key) => !(await exists(t.table, key)),
      );
    },
  };
}

// --- Storage.

export const pdf = (text: string): Buffer => Buffer.from(`%PDF-1.4\n% ${text}\n%%EOF\n`);
// The smallest valid PNG (1x1 transparent), followed by a marker so overwrites are observable.
const PNG_1X1 =
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c63000100000005' +
  '00010d0a2db40000000049454e44ae426082';
export const png = (text: string): Buffer => Buffer.concat([Buffer.from(PNG_1X1, 'hex'), Buffer.from(text)]);

export interface BucketSpec {
  bucket: string;
  /** Fixture files (path -> owner role). */
  files: Record<string, Role>;
  published: boolean;
  body: (text: string) => Buffer;
  contentType: string;
  ext: string;
  /** Whether `actor` can read the file, the way clients of this bucket read files. */
  canRead: (actor: Actor, path: string) => Promise<boolean>;
  /** The folder (a user id) a probe writes into, or null when the caller has none. */
  folderOf: (actor: Actor, target: Target) => string | null;
}

/** Probes for a bucket whose files are owned through their first folder, `<user id>/...`. */
export function bucketAdapter(b: BucketSpec): Adapter {
  const store = () => admin().storage.from(b.bucket);
  const path = (folder: string) => `${folder}/${marker()}.${b.ext}`;
  async function contents(p: string): Promise<string | null> {
    const { data, error } = await store().download(p);
    return error || !data ? null : Buffer.from(await data.arrayBuffer()).toString('latin1');
  }
  async function seeded(folder: string): Promise<string> {
    const p = path(folder);
    const { error } = await store().upload(p, b.body('original'), { contentType: b.contentType });
    if (error) fail(`seeding ${b.bucket}`, error);
    return p;
  }
  return {
    rows: Object.entries(b.files).map(([key, owner]) => ({ key, owners: [owner], published: b.published })),
    read: async (actor) => {
      const keys: string[] = [];
      for (const p of Object.keys(b.files)) if (await b.canRead(actor, p)) keys.push(p);
      return { keys, error: null };
    },
    insert: async (actor, target) => {
      const folder = b.folderOf(actor, target);
      if (!folder) return null;
      const p = path(folder);
      const { error } = await actor.client.storage
        .from(b.bucket)
        .upload(p, b.body('probe'), { contentType: b.contentType });
      const landed = (await contents(p)) !== null;
      if (landed) await store().remove([p]);
      return asProbe(error, landed);
    },
    update: async (actor, target) => {
      const folder = b.folderOf(actor, target);
      if (!folder) return null;
      const p = await seeded(folder);
      const { error } = await actor.client.storage
        .from(b.bucket)
        .upload(p, b.body('overwritten'), { contentType: b.contentType, upsert: true });
      const changed = (await contents(p))?.includes('overwritten') ?? false;
      await store().remove([p]);
      return asProbe(error, changed);
    },
    delete: async (actor, target) => {
      const folder = b.folderOf(actor, target);
      if (!folder) return null;
      const p = await seeded(folder);
      const { error } = await actor.client.storage.from(b.bucket).remove([p]);
      const gone = (await contents(p)) === null;
      if (!gone) await store().remove([p]);
      return asProbe(error, gone);
    },
  };
}
