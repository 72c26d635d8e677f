// The migration runner against a scratch cluster: it must behave like `supabase db push` on a
// hosted project (non-superuser `postgres`, one transaction per file, history in
// supabase_migrations.schema_migrations) and refuse to continue past an edited migration.
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from './config.ts';
import { MigrationChangedError, migrate, readMigrations } from './migrate.ts';
import { startScratchDb } from './scratch.ts';

describe('migration runner', () => {
  let db: Awaited<ReturnType<typeof startScratchDb>>;
  let client: pg.Client;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'carebook-migrations-'));
  const write = (file: string, sql: string) => writeFileSync(path.join(dir, file), sql);

  beforeAll(async () => {
    db = await startScratchDb('migrate-spec', loadConfig('test').ports.db + 2000);
    client = new pg.Client({ connectionString: db.config.dbUrl('supabase_admin') });
    await client.connect();
  });
  afterAll(async () => {
    await client?.end();
    await db?.stop();
  });

  it('applies files in name order, as postgres, and records them like the Supabase CLI', async () => {
    write(
      '20260101000000_create_things.sql',
      'create table public.things (id int primary key, owner text default current_user);',
    );
    write('20260102000000_seed_things.sql', 'insert into public.things (id) values (1);');
    expect(await migrate(db.config, () => undefined, dir)).toBe(2);
    const owner = await client.query('select owner from public.things');
    expect(owner.rows).toEqual([{ owner: 'postgres' }]);
    const history = await client.query(
      'select version, name from supabase_migrations.schema_migrations order by version',
    );
    expect(history.rows).toEqual([
      { version: '20260101000000', name: 'create_things' },
      { version: '20260102000000', name: 'seed_things' },
    ]);
    expect(await migrate(db.config, () => undefined, dir)).toBe(0);
  });

  it('rolls a failing file back entirely and records nothing for it', async () => {
    write('20260103000000_add_half.sql', 'create table public.half (id int); select 1 / 0;');
    await expect(migrate(db.config, () => undefined, dir)).rejects.toThrow(
      /20260103000000_add_half\.sql failed: division by zero/,
    );
    const t = await client.query(`select to_regclass('public.half') as t`);
    expect(t.rows[0].t).toBeNull();
    const n = await client.query(
      `select count(*)::int as n from supabase_migrations.schema_migrations where version = '20260103000000'`,
    );
    expect(n.rows[0].n).toBe(0);
  });

  it('fails, as on hosted Supabase, when a migration creates a function in schema auth', async () => {
    write(
      '20260103000000_add_half.sql',
      'create function auth.nope() returns int language sql as $$ select 1 $$;',
    );
    await expect(migrate(db.config, () => undefined, dir)).rejects.toThrow(
      /permission denied for schema auth/,
    );
  });

  it('applies each file in a session of its own, so no file leans on what an earlier one left in its session', async () => {
    // A deploy applies only the new files, in a new session: search_practitioners' pg_trgm setting
    // passed locally once because an earlier file had loaded pg_trgm in the same session.
    const own = mkdtempSync(path.join(os.tmpdir(), 'carebook-migrations-session-'));
    writeFileSync(
      path.join(own, '20260201000000_create_session_table.sql'),
      'create temp table session_only (x int);',
    );
    writeFileSync(
      path.join(own, '20260202000000_fill_session_table.sql'),
      'insert into session_only values (1);',
    );
    await expect(migrate(db.config, () => undefined, own)).rejects.toThrow(
      /20260202000000_fill_session_table\.sql failed: relation "session_only" does not exist/,
    );
  });

  it('refuses to go on when an applied migration was edited', async () => {
    write('20260103000000_add_half.sql', 'select 1;');
    await migrate(db.config, () => undefined, dir);
    write('20260101000000_create_things.sql', 'create table public.things (id bigint primary key);');
    await expect(migrate(db.config, () => undefined, dir)).rejects.toBeInstanceOf(MigrationChangedError);
  });

  it('rejects file names that are not <timestamp>_<verb>_<object>.sql', () => {
    const bad = mkdtempSync(path.join(os.tmpdir(), 'carebook-bad-'));
    writeFileSync(path.join(bad, 'v2_profiles.sql'), 'select 1;');
    expect(() => readMigrations(bad)).toThrow(/14-digit UTC timestamp/);
  });
});
