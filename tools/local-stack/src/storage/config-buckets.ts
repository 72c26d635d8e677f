// Buckets declared in supabase/config.toml ([storage.buckets.<name>]), which the Supabase CLI
// creates on `supabase start` / `supabase seed buckets`, and the global upload cap
// ([storage] file_size_limit). The same file configures the hosted project through the CLI.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'smol-toml';
import { repoRoot, type StackConfig } from '../config.ts';
import { SERVICE_CALLER } from './caller.ts';
import { StorageDb } from './db.ts';
import { isValidBucketName } from './keys.ts';
import { DEFAULT_GLOBAL_LIMIT, parseConfigSize } from './size.ts';

export const configTomlPath = path.join(repoRoot, 'supabase', 'config.toml');

export interface DeclaredBucket {
  id: string;
  public: boolean;
  fileSizeLimit: number | null;
  allowedMimeTypes: string[] | null;
}

export interface StorageSettings {
  globalLimit: number;
  buckets: DeclaredBucket[];
}

function table(value: unknown, where: string): Record<string, unknown> {
  if (value === undefined) return {};
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    throw new Error(`${where} must be a table`);
  return value as Record<string, unknown>;
}

/** Reads the [storage] part of config.toml text; throws with the offending key on bad values. */
export function storageSettingsFromToml(text: string): StorageSettings {
  const storage = table(table(parse(text), 'config.toml').storage, '[storage]');
  const globalRaw = storage.file_size_limit;
  const globalLimit =
    typeof globalRaw === 'string' || typeof globalRaw === 'number'
      ? parseConfigSize(globalRaw)
      : DEFAULT_GLOBAL_LIMIT;
  const buckets = Object.entries(table(storage.buckets, '[storage.buckets]')).map(
    ([id, raw]): DeclaredBucket => {
      const where = `[storage.buckets.${id}]`;
      if (!isValidBucketName(id)) throw new Error(`${where}: invalid bucket name`);
      const b = table(raw, where);
      const limit = b.file_size_limit;
      const mimes = b.allowed_mime_types;
      if (mimes !== undefined && !(Array.isArray(mimes) && mimes.every((m) => typeof m === 'string'))) {
        throw new Error(`${where}.allowed_mime_types must be a list of strings`);
      }
      return {
        id,
        public: b.public === true,
        fileSizeLimit: typeof limit === 'string' || typeof limit === 'number' ? parseConfigSize(limit) : null,
        allowedMimeTypes: mimes && (mimes as string[]).length > 0 ? (mimes as string[]) : null,
      };
    },
  );
  return { globalLimit, buckets };
}

export function readStorageSettings(file = configTomlPath): StorageSettings {
  if (!existsSync(file)) return { globalLimit: DEFAULT_GLOBAL_LIMIT, buckets: [] };
  try {
    return storageSettingsFromToml(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new Error(`${path.relative(repoRoot, file)}: ${(err as Error).message}`, { cause: err });
  }
}

/** Creates or updates every bucket config.toml declares (never deletes others: migrations make some). */
export async function syncBucketsFromConfig(config: StackConfig, file = configTomlPath): Promise<void> {
  const { buckets } = readStorageSettings(file);
  if (buckets.length === 0) return;
  const db = new StorageDb(config.dbUrl('authenticator'), 1);
  try {
    await db.as(SERVICE_CALLER, { method: 'SYNC', path: 'config.toml' }, async (tx) => {
      for (const b of buckets) {
        await tx.query(
          `insert into storage.buckets (id, name, public, file_size_limit, allowed_mime_types)
           values ($1, $1, $2, $3, $4)
           on conflict (id) do update set public = excluded.public, file_size_limit = excluded.file_size_limit,
             allowed_mime_types = excluded.allowed_mime_types, updated_at = now()`,
          [b.id, b.public, b.fileSizeLimit, b.allowedMimeTypes],
        );
      }
    });
  } finally {
    await db.close();
  }
}
