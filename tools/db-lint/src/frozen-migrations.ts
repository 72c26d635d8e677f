// Landed migrations never change (docs/decisions/0007-frozen-migrations.md): `supabase db push`
// skips a version it has already applied, so an edit would never reach a deployed database. The
// lock file lists the sha256 of every landed migration; it is appended to, never rewritten.
// Format: `<sha256>  <file name>` per line, `#` comments, so that
// `cd supabase/migrations && sha256sum -c ../migrations.lock` checks it without us.
import { createHash } from 'node:crypto';
import { appendFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface LockEntry {
  file: string;
  sha256: string;
}

export type FrozenProblemKind = 'edited' | 'removed' | 'renamed' | 'unlisted' | 'out-of-order';

export interface FrozenProblem {
  kind: FrozenProblemKind;
  /** The migration file name the problem is about. */
  file: string;
  message: string;
}

const RULE = 'a landed migration never changes; add a new migration instead';
const LOCK_COMMAND = 'npm run migrations:lock';

export const LOCK_HEADER = [
  '# Landed migrations: sha256 and name of each supabase/migrations/*.sql file on main.',
  `# Appended by \`${LOCK_COMMAND}\`, never rewritten: docs/decisions/0007-frozen-migrations.md.`,
  '# Also checkable with `cd supabase/migrations && sha256sum -c ../migrations.lock`.',
].join('\n');

export const sha256 = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('hex');

/** Reads the lock's text; throws on a line that is neither a comment nor `<sha256>  <file>.sql`. */
export function parseLock(text: string, lockName = 'migrations.lock'): LockEntry[] {
  const entries: LockEntry[] = [];
  const seen = new Set<string>();
  text.split('\n').forEach((raw, index) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const match = /^([0-9a-f]{64}) [ *]([^/\\\s]+\.sql)$/.exec(line);
    if (!match) {
      throw new Error(
        `${lockName}:${index + 1}: expected "<sha256>  <file>.sql", got ${JSON.stringify(raw)}`,
      );
    }
    const [, hash, file] = match as unknown as [string, string, string];
    if (seen.has(file)) throw new Error(`${lockName}:${index + 1}: ${file} is listed twice`);
    seen.add(file);
    entries.push({ file, sha256: hash });
  });
  return entries;
}

export function formatLockLine(entry: LockEntry): string {
  return `${entry.sha256}  ${entry.file}`;
}

/** The sha256 of every `.sql` file of `dir` (raw bytes: what Postgres is sent), by file name. */
export function hashMigrations(dir: string): Map<string, string> {
  const hashes = new Map<string, string>();
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.sql'))
    .sort()) {
    hashes.set(file, sha256(readFileSync(path.join(dir, file))));
  }
  return hashes;
}

/**
 * Compares the lock with the migration files. Listed files must be present with the same hash;
 * every file must be listed; an unlisted file must sort after every listed one, because
 * `supabase db push` refuses a version older than the last applied one.
 */
export function checkFrozen(lock: readonly LockEntry[], files: ReadonlyMap<string, string>): FrozenProblem[] {
  const problems: FrozenProblem[] = [];
  const listed = new Set(lock.map((e) => e.file));
  const unlisted = [...files.keys()].filter((f) => !listed.has(f)).sort();
  const renamedTo = new Set<string>();

  for (const entry of lock) {
    const actual = files.get(entry.file);
    if (actual === entry.sha256) continue;
    if (actual !== undefined) {
      problems.push({
        kind: 'edited',
        file: entry.file,
        message: `landed migration ${entry.file} was edited: ${RULE} (revert the edit)`,
      });
      continue;
    }
    const newName = unlisted.find((f) => files.get(f) === entry.sha256 && !renamedTo.has(f));
    if (newName !== undefined) {
      renamedTo.add(newName);
      problems.push({
        kind: 'renamed',
        file: entry.file,
        message:
          `landed migration ${entry.file} was renamed to ${newName}: ${RULE} ` +
          '(a deployed database knows it by its version; rename it back)',
      });
    } else {
      problems.push({
        kind: 'removed',
        file: entry.file,
        message: `landed migration ${entry.file} was removed: ${RULE} (restore the file)`,
      });
    }
  }

  const lastListed = lock
    .map((e) => e.file)
    .sort()
    .at(-1);
  for (const file of unlisted.filter((f) => !renamedTo.has(f))) {
    if (lastListed !== undefined && file < lastListed) {
      problems.push({
        kind: 'out-of-order',
        file,
        message:
          `migration ${file} sorts before landed migration ${lastListed}: \`supabase db push\` refuses a ` +
          'version older than the last one applied; give it a later timestamp, then run ' +
          `\`${LOCK_COMMAND}\``,
      });
    } else {
      problems.push({
        kind: 'unlisted',
        file,
        message:
          `migration ${file} is not in the lock: once it is final, run \`${LOCK_COMMAND}\` and commit ` +
          'the lock with it; from then on it never changes',
      });
    }
  }
  return problems;
}

export interface FreezePaths {
  /** Folder of the migration files. */
  dir: string;
  /** The lock file. */
  lockFile: string;
}

function readLock(lockFile: string): LockEntry[] {
  if (!existsSync(lockFile)) return [];
  return parseLock(readFileSync(lockFile, 'utf8'), path.basename(lockFile));
}

/** The check `npm test` runs: every problem between the lock and the folder. */
export function checkMigrationsFolder(paths: FreezePaths): FrozenProblem[] {
  if (!existsSync(paths.lockFile)) {
    throw new Error(`no lock file at ${paths.lockFile}: run \`${LOCK_COMMAND}\` once to create it`);
  }
  return checkFrozen(readLock(paths.lockFile), hashMigrations(paths.dir));
}

export interface LockResult {
  /** Files appended to the lock, in order. */
  added: string[];
  /** Problems that stopped the command; nothing was written when there is any. */
  refused: FrozenProblem[];
}

/**
 * Appends every unlisted migration to the lock (creating it with its header when absent). Never
 * rewrites a line: when a listed migration was edited, removed or renamed, or a new one sorts
 * before a landed one, it writes nothing and returns those problems.
 */
export function lockMigrations(paths: FreezePaths): LockResult {
  const lock = readLock(paths.lockFile);
  const files = hashMigrations(paths.dir);
  const problems = checkFrozen(lock, files);
  const refused = problems.filter((p) => p.kind !== 'unlisted');
  if (refused.length > 0) return { added: [], refused };
  const added = problems.map((p) => p.file).sort();
  if (added.length === 0) return { added, refused };
  const lines = added.map((file) => formatLockLine({ file, sha256: files.get(file)! }));
  if (!existsSync(paths.lockFile)) {
    writeFileSync(paths.lockFile, `${LOCK_HEADER}\n${lines.join('\n')}\n`);
  } else {
    const text = readFileSync(paths.lockFile, 'utf8');
    appendFileSync(paths.lockFile, `${text === '' || text.endsWith('\n') ? '' : '\n'}${lines.join('\n')}\n`);
  }
  return { added, refused };
}
