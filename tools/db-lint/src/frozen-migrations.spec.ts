import { mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  checkFrozen,
  checkMigrationsFolder,
  type FreezePaths,
  lockMigrations,
  parseLock,
  sha256,
} from './frozen-migrations.ts';

const first = '20261121000000_create_profiles.sql';
const second = '20261121100000_create_staff_members.sql';
const later = '20261206120000_add_notes.sql';

/** A temp project: a migrations folder with two landed files, locked. */
function project(): FreezePaths & { write(file: string, sql: string): void } {
  const root = mkdtempSync(path.join(os.tmpdir(), 'db-lint-freeze-'));
  const dir = path.join(root, 'migrations');
  mkdirSync(dir);
  const write = (file: string, sql: string) => writeFileSync(path.join(dir, file), sql);
  write(first, 'create table public.profiles (id uuid primary key);\n');
  write(second, 'create table public.staff_members (user_id uuid primary key);\n');
  const paths = { dir, lockFile: path.join(root, 'migrations.lock'), write };
  expect(lockMigrations(paths)).toEqual({ added: [first, second], refused: [] });
  return paths;
}

describe('the frozen-migrations check on a folder', () => {
  let p: ReturnType<typeof project>;
  beforeEach(() => {
    p = project();
  });

  it('passes when every file is locked and unchanged', () => {
    expect(checkMigrationsFolder(p)).toEqual([]);
  });

  it('fails naming the file and the rule when a landed migration was edited', () => {
    p.write(second, 'create table public.staff_members (user_id uuid primary key, note text);\n');
    expect(checkMigrationsFolder(p)).toEqual([
      {
        kind: 'edited',
        file: second,
        message: `landed migration ${second} was edited: a landed migration never changes; add a new migration instead (revert the edit)`,
      },
    ]);
  });

  it('counts a whitespace-only edit as an edit: the bytes are what a database was sent', () => {
    p.write(first, 'create table public.profiles (id uuid primary key);\n\n');
    expect(checkMigrationsFolder(p).map((x) => [x.kind, x.file])).toEqual([['edited', first]]);
  });

  it('fails when a landed migration was removed', () => {
    rmSync(path.join(p.dir, first));
    const problems = checkMigrationsFolder(p);
    expect(problems.map((x) => [x.kind, x.file])).toEqual([['removed', first]]);
    expect(problems[0]!.message).toMatch(
      /^landed migration 20261121000000_create_profiles\.sql was removed: a landed migration never changes; add a new migration/,
    );
  });

  it('fails when a landed migration was renamed, naming both names', () => {
    const renamed = '20261121000000_create_people.sql';
    renameSync(path.join(p.dir, first), path.join(p.dir, renamed));
    const problems = checkMigrationsFolder(p);
    expect(problems.map((x) => [x.kind, x.file])).toEqual([['renamed', first]]);
    expect(problems[0]!.message).toContain(`${first} was renamed to ${renamed}`);
  });

  it('fails on a migration missing from the lock, with the command that adds it', () => {
    p.write(later, 'alter table public.profiles add column note text;\n');
    const problems = checkMigrationsFolder(p);
    expect(problems.map((x) => [x.kind, x.file])).toEqual([['unlisted', later]]);
    expect(problems[0]!.message).toContain('npm run migrations:lock');
  });

  it('fails on a new migration that sorts before a landed one (db push would refuse it)', () => {
    p.write('20261120000000_create_early.sql', 'select 1;\n');
    const problems = checkMigrationsFolder(p);
    expect(problems.map((x) => [x.kind, x.file])).toEqual([
      ['out-of-order', '20261120000000_create_early.sql'],
    ]);
    expect(problems[0]!.message).toContain(`sorts before landed migration ${second}`);
  });

  it('ignores files that are not migrations', () => {
    writeFileSync(path.join(p.dir, 'README.md'), 'notes');
    expect(checkMigrationsFolder(p)).toEqual([]);
  });

  it('refuses to run without a lock file', () => {
    rmSync(p.lockFile);
    expect(() => checkMigrationsFolder(p)).toThrow(/no lock file .*npm run migrations:lock/);
  });
});

describe('the lock command', () => {
  it('appends new migrations after the existing lines and never touches them', () => {
    const p = project();
    const before = readFileSync(p.lockFile, 'utf8');
    p.write(later, 'alter table public.profiles add column note text;\n');
    expect(lockMigrations(p)).toEqual({ added: [later], refused: [] });
    const after = readFileSync(p.lockFile, 'utf8');
    expect(after.startsWith(before)).toBe(true);
    expect(after.slice(before.length)).toBe(
      `${sha256('alter table public.profiles add column note text;\n')}  ${later}\n`,
    );
    expect(checkMigrationsFolder(p)).toEqual([]);
    expect(lockMigrations(p)).toEqual({ added: [], refused: [] });
  });

  it('writes nothing when a landed migration changed, even if new ones wait', () => {
    const p = project();
    const before = readFileSync(p.lockFile, 'utf8');
    p.write(first, 'create table public.profiles (id bigint primary key);\n');
    p.write(later, 'select 1;\n');
    const result = lockMigrations(p);
    expect(result.added).toEqual([]);
    expect(result.refused.map((x) => [x.kind, x.file])).toEqual([['edited', first]]);
    expect(readFileSync(p.lockFile, 'utf8')).toBe(before);
  });

  it('starts the lock with a header saying what it is', () => {
    const p = project();
    expect(readFileSync(p.lockFile, 'utf8')).toMatch(
      /^# Landed migrations.*\n# Appended by `npm run migrations:lock`, never rewritten/,
    );
  });
});

describe('parseLock', () => {
  const hash = 'a'.repeat(64);

  it('reads sha256sum lines (text or binary mode) and skips comments and blank lines', () => {
    expect(parseLock(`# header\n\n${hash}  ${first}\n${hash} *${second}\n`)).toEqual([
      { file: first, sha256: hash },
      { file: second, sha256: hash },
    ]);
  });

  it('refuses a malformed line and a file listed twice, with the line number', () => {
    expect(() => parseLock(`${hash}  ${first}\nnot a line\n`)).toThrow(/migrations\.lock:2: expected/);
    expect(() => parseLock(`${hash}  ${first}\n${hash}  ${first}\n`)).toThrow(/:2: .* listed twice/);
    expect(() => parseLock(`${hash}  ../${first}\n`)).toThrow(/:1: expected/);
  });
});

describe('checkFrozen', () => {
  it('tells an edit from a rename by the hash', () => {
    const lock = [
      { file: first, sha256: 'a'.repeat(64) },
      { file: second, sha256: 'b'.repeat(64) },
    ];
    const files = new Map([
      [first, 'c'.repeat(64)],
      ['20261121100000_create_staff.sql', 'b'.repeat(64)],
    ]);
    expect(checkFrozen(lock, files).map((x) => [x.kind, x.file])).toEqual([
      ['edited', first],
      ['renamed', second],
    ]);
  });
});
