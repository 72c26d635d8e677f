// Locking checks on migration files, by squawk (the `squawk-cli` npm package) with the repo's
// `.squawk.toml`. Only migrations after the baseline in that file are checked: the ones up to it
// are the frozen history (docs/decisions/0007-frozen-migrations.md); every later one is linted.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'smol-toml';
import type { Finding } from './finding.ts';
import { misplacedIgnoreHint } from './squawk-ignores.ts';

export interface SquawkSettings {
  /** Version (14-digit UTC timestamp) of the last migration exempt from squawk. */
  baseline: string | null;
}

/** Reads our own `[carebook]` table of `.squawk.toml`; squawk itself ignores tables it does not know. */
export function readSquawkSettings(configFile: string): SquawkSettings {
  const toml = parse(readFileSync(configFile, 'utf8')) as { carebook?: { baseline?: unknown } };
  const baseline = toml.carebook?.baseline;
  if (baseline === undefined) return { baseline: null };
  if (typeof baseline !== 'string' || !/^\d{14}$/.test(baseline)) {
    throw new Error(
      `${configFile}: [carebook] baseline must be a 14-digit migration version, got ${JSON.stringify(baseline)}`,
    );
  }
  return { baseline };
}

/** The migration files squawk should read: those whose version sorts after the baseline. */
export function migrationsAfterBaseline(files: readonly string[], baseline: string | null): string[] {
  return files
    .filter((f) => {
      const version = /^(\d{14})_/.exec(path.basename(f))?.[1];
      return version !== undefined && (baseline === null || version > baseline);
    })
    .sort();
}

/** One violation as `squawk --reporter json` prints it; line and column count from 0. */
export interface SquawkViolation {
  file: string;
  line: number;
  column: number;
  level: string;
  message: string;
  help: string | null;
  rule_name: string;
}

/** A path relative to `root` when it lies inside it, else absolute (a test's temporary folder). */
export function displayPath(file: string, root: string): string {
  const absolute = path.resolve(root, file);
  const relative = path.relative(root, absolute);
  return relative.startsWith('..') || path.isAbsolute(relative) ? absolute : relative;
}

// What squawk's generic help leaves out for Supabase migrations, which run in one transaction.
const CAREBOOK_ADVICE: Record<string, string> = {
  'require-lock-timeout':
    "start the file with `set local lock_timeout = '5s';` so the migration fails fast instead of queueing every API query behind its lock (then deploy again)",
  'require-concurrent-index-creation':
    'CONCURRENTLY cannot run in the transaction a migration file runs in: for a table that stays small in production, ' +
    'add `-- squawk-ignore require-concurrent-index-creation` with the reason; for a large one, see docs/decisions/0003-database-lint.md',
  'adding-required-field':
    'add the column nullable or with a constant default, backfill, then set not null in a later migration',
  'changing-column-type':
    'the table is rewritten under an ACCESS EXCLUSIVE lock: for a small table, add `-- squawk-ignore changing-column-type` ' +
    'directly above the line squawk names, with a comment saying how small; for a large one, add a new column, backfill, switch readers, drop the old one',
  'require-concurrent-index-deletion':
    'DROP INDEX CONCURRENTLY cannot run in the transaction a migration file runs in either: for a table that stays small, ' +
    'add `-- squawk-ignore require-concurrent-index-deletion` with the reason; for a large one, see docs/decisions/0003-database-lint.md',
  'identifier-too-long':
    'Postgres cuts names at 63 bytes (with only a NOTICE), so two long names can collide: shorten the name; when the object ' +
    'already carries the cut name from a landed migration, refer to it by the cut name',
  'unused-ignore':
    'squawk reads every word after `squawk-ignore` as a rule name and then ignores nothing: spell the rule as squawk reports it, ' +
    'and put the reason on the line above or after " -- "',
};

/**
 * squawk's JSON report as findings. `sources` (file text by absolute path) lets a finding say when a
 * `squawk-ignore` for its rule sits in the same statement but too high to apply.
 */
export function parseSquawkReport(
  json: string,
  relativeTo: string,
  sources: ReadonlyMap<string, string> = new Map(),
): Finding[] {
  const violations = JSON.parse(json) as SquawkViolation[];
  return violations.map((v) => {
    const line = v.line + 1;
    const source = sources.get(path.resolve(relativeTo, v.file));
    const misplaced = source === undefined ? null : misplacedIgnoreHint(source, v.rule_name, line);
    return {
      check: `squawk/${v.rule_name}`,
      level: 'error' as const,
      object: `${displayPath(v.file, relativeTo)}:${line}`,
      message: v.message,
      hint:
        misplaced ??
        `${CAREBOOK_ADVICE[v.rule_name] ?? v.help ?? 'see the rule'} ` +
          `(https://squawkhq.com/docs/${v.rule_name}; a deliberate exception: "-- squawk-ignore ${v.rule_name}" ` +
          'directly above the reported line, and a comment saying why)',
    };
  });
}

/** Runs squawk over `files`; resolves with its findings, rejects when squawk itself fails. */
export function runSquawk(options: {
  bin: string;
  configFile: string;
  files: readonly string[];
  cwd: string;
}): Promise<Finding[]> {
  // With no file squawk would read SQL from stdin.
  if (options.files.length === 0) return Promise.resolve([]);
  return new Promise((resolve, reject) => {
    const child = spawn(
      options.bin,
      ['--config', options.configFile, '--reporter', 'json', ...options.files],
      {
        cwd: options.cwd,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      // 0: clean, 1: violations found (reported on stdout). Anything else is squawk failing.
      if (code !== 0 && code !== 1) {
        reject(new Error(`squawk exited with ${code}: ${stderr.trim() || stdout.trim()}`));
        return;
      }
      let findings: Finding[];
      try {
        const sources = new Map(
          options.files.map((f) => [
            path.resolve(options.cwd, f),
            readFileSync(path.resolve(options.cwd, f), 'utf8'),
          ]),
        );
        findings = parseSquawkReport(stdout.trim() || '[]', options.cwd, sources);
      } catch (err) {
        reject(
          new Error(`could not read squawk's report: ${(err as Error).message}\n${stdout}${stderr}`, {
            cause: err,
          }),
        );
        return;
      }
      // Exit 1 without a violation is squawk refusing to run (bad config, missing file): never a pass.
      if (code === 1 && findings.length === 0)
        reject(new Error(`squawk failed: ${stderr.trim() || stdout.trim()}`));
      else resolve(findings);
    });
  });
}
