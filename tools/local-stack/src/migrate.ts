// Applies supabase/migrations/*.sql in name order, each in its own transaction, as the
// non-superuser `postgres` role like hosted Supabase, and records them where the Supabase CLI does
// (supabase_migrations.schema_migrations). An applied file that changed stops everything.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { createHash } from 'node:crypto';
import path from 'node:path';
import pg from 'pg';
import { repoRoot, type StackConfig } from './config.ts';
import type { Logger } from './service.ts';

export const migrationsDir = path.join(repoRoot, 'supabase', 'migrations');
export const seedFile = path.join(repoRoot, 'supabase', 'seed.sql');

export interface MigrationFile {
  version: string;
  name: string;
  file: string;
  sql: string;
}

const MIGRATION_NAME = /^(\d{14})_([a-z0-9_]+)\.sql$/;

export function readMigrations(dir = migrationsDir): MigrationFile[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.sql'))
    .sort()
    .map((f) => {
      const m = MIGRATION_NAME.exec(f);
      if (!m) throw new Error(`migration ${f}: name must be <14-digit UTC timestamp>_<verb>_<object>.sql`);
      return {
        version: m[1]!,
        name: m[2]!,
        file: path.join(dir, f),
        sql: readFileSync(path.join(dir, f), 'utf8'),
      };
    });
}

const digest = (sql: string) => createHash('sha256').update(sql).digest('hex');

export class MigrationChangedError extends Error {}

export async function migrate(config: StackConfig, log: Logger, dir = migrationsDir): Promise<number> {
  const client = new pg.Client({ connectionString: config.dbUrl('postgres') });
  await client.connect();
  try {
    await client.query('select pg_advisory_lock(54322)');
    await client.query(`create table if not exists supabase_migrations.schema_migrations (
      version text primary key, statements text[], name text)`);
    const applied = new Map<string, string>();
    const rows = await client.query<{ version: string; statements: string[] | null }>(
      'select version, statements from supabase_migrations.schema_migrations',
    );
    for (const r of rows.rows) applied.set(r.version, (r.statements ?? []).join('\n'));
    let count = 0;
    for (const m of readMigrations(dir)) {
      const before = applied.get(m.version);
      if (before !== undefined) {
        if (digest(before) !== digest(m.sql)) {
          throw new MigrationChangedError(
            `migration ${path.basename(m.file)} was changed after it was applied. Migrations are never edited once ` +
              'landed: revert the edit and add a new migration (or run `npm run db:reset` to rebuild a local database).',
          );
        }
        continue;
      }
      // Each file in a session of its own: a deploy applies only the new files, in a new session,
      // so nothing a file needs may come from what an earlier file left in the session.
      const session = new pg.Client({ connectionString: config.dbUrl('postgres') });
      await session.connect();
      try {
        await session.query('begin');
        await session.query(m.sql);
        await session.query(
          'insert into supabase_migrations.schema_migrations (version, statements, name) values ($1, $2, $3)',
          [m.version, [m.sql], m.name],
        );
        await session.query('commit');
      } catch (err) {
        await session.query('rollback');
        throw new Error(`migration ${path.basename(m.file)} failed: ${(err as Error).message}`, {
          cause: err,
        });
      } finally {
        await session.end();
      }
      log(`applied ${path.basename(m.file)}`);
      count++;
    }
    if (count > 0) await client.query(`notify pgrst, 'reload schema'`);
    return count;
  } finally {
    await client.end();
  }
}

export async function runSeed(config: StackConfig, log: Logger, file = seedFile): Promise<void> {
  if (!existsSync(file)) return;
  const client = new pg.Client({ connectionString: config.dbUrl('postgres') });
  await client.connect();
  try {
    await client.query(readFileSync(file, 'utf8'));
    log(`seeded ${path.relative(repoRoot, file)}`);
  } finally {
    await client.end();
  }
}
