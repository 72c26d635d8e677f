// db:lint end to end: migrate a scratch database (as hosted Supabase would, as `postgres`), run the
// schema checks on its catalog, and squawk the migrations after the baseline, both at once.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { parse } from 'smol-toml';
import { loadConfig, migrate, migrationsDir, repoRoot, startScratchDb } from '@carebook/local-stack';
import { readCatalog } from './catalog.ts';
import { checkCatalog } from './checks.ts';
import type { Finding } from './finding.ts';
import { displayPath, migrationsAfterBaseline, readSquawkSettings, runSquawk } from './squawk.ts';
import { checkIgnoreComments } from './squawk-ignores.ts';

export interface LintOptions {
  /** Folder of `<version>_<name>.sql` files; supabase/migrations by default. */
  dir?: string;
  /** Port of the scratch Postgres; by default the test profile's database port + 3000. */
  port?: number;
  log?: (line: string) => void;
}

export interface LintResult {
  findings: Finding[];
  exposedSchemas: string[];
  migrationsApplied: number;
  baseline: string | null;
  /** Migration files squawk read, relative to the repo root. */
  squawked: string[];
  seconds: number;
}

export const squawkConfigFile = path.join(repoRoot, '.squawk.toml');
const supabaseConfigFile = path.join(repoRoot, 'supabase', 'config.toml');
const squawkBin = path.join(repoRoot, 'node_modules', '.bin', 'squawk');

export const defaultPort = () => loadConfig('test').ports.db + 3000;

/** The schemas PostgREST serves, as `supabase/config.toml` tells the CLI (`[api] schemas`). */
export function exposedSchemas(configToml: string | null): string[] {
  const fallback = ['public', 'graphql_public'];
  if (configToml === null) return fallback;
  const api = (parse(configToml) as { api?: { schemas?: unknown } }).api;
  const schemas = api?.schemas;
  return Array.isArray(schemas) && schemas.every((s) => typeof s === 'string') ? schemas : fallback;
}

async function checkSchema(dir: string, port: number, schemas: string[], log: (line: string) => void) {
  const db = await startScratchDb(`db-lint-${port}`, port);
  try {
    const applied = await migrate(db.config, () => undefined, dir);
    log(`applied ${applied} migrations to a scratch database on port ${port}`);
    const client = new pg.Client({ connectionString: db.config.dbUrl('postgres') });
    await client.connect();
    try {
      return { applied, findings: checkCatalog(await readCatalog(client, schemas)) };
    } finally {
      await client.end();
    }
  } finally {
    await db.stop();
  }
}

export async function lintMigrations(options: LintOptions = {}): Promise<LintResult> {
  const started = performance.now();
  const dir = path.resolve(options.dir ?? migrationsDir);
  const log = options.log ?? (() => undefined);
  if (!existsSync(dir)) throw new Error(`no migrations folder at ${dir}`);
  const schemas = exposedSchemas(
    existsSync(supabaseConfigFile) ? readFileSync(supabaseConfigFile, 'utf8') : null,
  );
  const { baseline } = readSquawkSettings(squawkConfigFile);
  const files = migrationsAfterBaseline(
    readdirSync(dir).map((f) => path.join(dir, f)),
    baseline,
  );
  // Both run at once; wait for both so a failing squawk never leaves the scratch cluster running.
  const [schemaRun, squawkRun] = await Promise.allSettled([
    checkSchema(dir, options.port ?? defaultPort(), schemas, log),
    runSquawk({ bin: squawkBin, configFile: squawkConfigFile, files, cwd: repoRoot }),
  ]);
  if (schemaRun.status === 'rejected') throw schemaRun.reason;
  if (squawkRun.status === 'rejected') throw squawkRun.reason;
  const schema = schemaRun.value;
  // squawk honours its ignore comments itself; db:lint also wants each to name its rules and say why.
  const squawk = [
    ...squawkRun.value,
    ...files.flatMap((f) => checkIgnoreComments(displayPath(f, repoRoot), readFileSync(f, 'utf8'))),
  ];
  return {
    // Errors first, schema before squawk, each in its checks' order (sort is stable).
    findings: [...schema.findings, ...squawk].sort(
      (a, b) => Number(a.level === 'warn') - Number(b.level === 'warn'),
    ),
    exposedSchemas: schemas,
    migrationsApplied: schema.applied,
    baseline,
    squawked: files.map((f) => displayPath(f, repoRoot)),
    seconds: (performance.now() - started) / 1000,
  };
}
