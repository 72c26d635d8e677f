// Runs tools/local-stack/sql/*.sql in name order as the superuser: what hosted Supabase has before
// any migration of ours (roles, auth and storage schemas). Every file is idempotent.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import type { StackConfig } from './config.ts';
import { SUPERUSER } from './postgres.ts';

const sqlDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../sql');

export function bootstrapFiles(): string[] {
  return readdirSync(sqlDir)
    .filter((f) => f.endsWith('.sql'))
    .sort()
    .map((f) => path.join(sqlDir, f));
}

export async function bootstrap(config: StackConfig): Promise<void> {
  const client = new pg.Client({ connectionString: config.dbUrl(SUPERUSER) });
  await client.connect();
  try {
    // Serialise concurrent starts against the same cluster.
    await client.query('select pg_advisory_lock(54321)');
    for (const file of bootstrapFiles()) {
      try {
        await client.query(readFileSync(file, 'utf8'));
      } catch (err) {
        throw new Error(`bootstrap ${path.basename(file)} failed: ${(err as Error).message}`, { cause: err });
      }
    }
  } finally {
    await client.end();
  }
}
