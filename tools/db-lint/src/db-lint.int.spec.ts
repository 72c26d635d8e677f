// `npm run db:lint` as CI runs it, on scratch databases of its own (no stack needed): the real
// migrations must pass, and one bad migration added to a copy of them must fail with each
// problem named. Ports sit beside the CLI's default so a manual run does not collide.
import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { migrationsDir, repoRoot } from '@carebook/local-stack';
import type { Finding } from './finding.ts';
import { defaultPort } from './lint.ts';

interface Report {
  ok: boolean;
  errors: number;
  warnings: number;
  findings: Finding[];
}

function dbLint(args: string[]): Promise<{ code: number; report: Report; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['tools/db-lint/src/cli.ts', '--json', ...args], {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      try {
        resolve({ code: code ?? -1, report: JSON.parse(stdout) as Report, stderr });
      } catch {
        reject(new Error(`db:lint exited with ${code} without a JSON report:\n${stdout}\n${stderr}`));
      }
    });
  });
}

const BAD_MIGRATION = `
create table public.leaky_notes (id bigint generated always as identity primary key, body text);
grant insert on public.leaky_notes to anon;

create table public.metadata_gated (id bigint generated always as identity primary key);
alter table public.metadata_gated enable row level security;
revoke all on public.metadata_gated from anon, authenticated;
grant select on public.metadata_gated to authenticated;
create policy "metadata says staff" on public.metadata_gated
  for select to authenticated using ((select auth.jwt()) -> 'user_metadata' ->> 'role' = 'staff');

create table public.column_granted (id uuid primary key, note text);
alter table public.column_granted enable row level security;
revoke all on public.column_granted from anon, authenticated;
grant select on public.column_granted to authenticated;
grant update (note) on public.column_granted to anon;
create policy "owners read their row" on public.column_granted
  for select to authenticated using (id = auth.uid());

create function public.unsafe_definer() returns int language sql security definer as $$ select 1 $$;
create function private.unpinned_helper() returns boolean language sql security definer as $$ select true $$;

create view public.profile_emails as select id, email from public.profiles;
revoke all on public.profile_emails from anon, authenticated;
grant select on public.profile_emails to authenticated;

alter table public.practitioners add column nickname text not null;
create index practitioners_display_name_idx on public.practitioners (display_name);

-- squawk-ignore require-concurrent-index-creation
create index practitioners_created_at_idx on public.practitioners (created_at);
`;

describe('npm run db:lint', () => {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'db-lint-bad-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('passes on the real migrations', async () => {
    const { code, report, stderr } = await dbLint(['--port', String(defaultPort() + 1)]);
    const errors = report.findings
      .filter((f) => f.level === 'error')
      .map((f) => `${f.check} ${f.object}: ${f.message}`);
    expect(errors, stderr).toEqual([]);
    expect(report.ok).toBe(true);
    expect(code).toBe(0);
  });

  it('fails on a bad migration and names every problem in it', async () => {
    for (const file of readdirSync(migrationsDir).filter((f) => f.endsWith('.sql'))) {
      copyFileSync(path.join(migrationsDir, file), path.join(tmp, file));
    }
    const badFile = '29991231000000_add_bad_things.sql';
    writeFileSync(path.join(tmp, badFile), BAD_MIGRATION);

    const { code, report } = await dbLint(['--dir', tmp, '--port', String(defaultPort() + 2)]);
    expect(code).toBe(1);
    expect(report.ok).toBe(false);

    const found = report.findings
      .filter((f) => f.level === 'error')
      .map((f) => `${f.check} ${f.object.replace(/:\d+$/, '')}`);
    expect(found).toEqual(
      expect.arrayContaining([
        'rls_disabled_in_exposed_schema public.leaky_notes',
        'anon_write_grant public.leaky_notes',
        'policy_reads_user_metadata policy "metadata says staff" on public.metadata_gated',
        'security_definer_function_mutable_search_path public.unsafe_definer()',
        'security_definer_function_executable public.unsafe_definer()',
        'security_definer_view public.profile_emails',
        'anon_write_grant public.column_granted',
        'auth_rls_initplan policy "owners read their row" on public.column_granted',
        'security_definer_function_mutable_search_path private.unpinned_helper()',
        `squawk/adding-required-field ${path.join(tmp, badFile)}`,
        `squawk/require-concurrent-index-creation ${path.join(tmp, badFile)}`,
        `squawk-ignore/no-reason ${path.join(tmp, badFile)}`,
      ]),
    );
    // squawk points at the statements themselves.
    const lineOf = (start: string) => BAD_MIGRATION.split('\n').findIndex((l) => l.startsWith(start)) + 1;
    const squawkLines = report.findings
      .filter((f) => f.object.startsWith(path.join(tmp, badFile)))
      .map((f) => `${f.check} line ${f.object.split(':').at(-1)}`);
    expect(squawkLines).toEqual(
      expect.arrayContaining([
        `squawk/adding-required-field line ${lineOf('alter table public.practitioners')}`,
        `squawk/require-concurrent-index-creation line ${lineOf('create index practitioners_display_name_idx')}`,
        `squawk-ignore/no-reason line ${lineOf('-- squawk-ignore')}`,
      ]),
    );
    // squawk honours the exception itself: the second index is not reported, only its missing reason.
    expect(squawkLines).not.toContain(
      `squawk/require-concurrent-index-creation line ${lineOf('create index practitioners_created_at_idx')}`,
    );
  });
});
