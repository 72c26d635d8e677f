import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkIgnoreComments, findIgnoreComments, misplacedIgnoreHint } from './squawk-ignores.ts';
import { runSquawk } from './squawk.ts';

const repoRoot = path.resolve(import.meta.dirname, '../../..');
const squawkBin = path.join(repoRoot, 'node_modules', '.bin', 'squawk');
const configFile = path.join(repoRoot, '.squawk.toml');
const LOCK = "set local lock_timeout = '5s';";
const RETYPE =
  'alter table public.appointments alter column status type public.appointment_status using status::public.appointment_status;';

describe('findIgnoreComments', () => {
  it('reads the rules and whether a comment above or after " -- " says why', () => {
    const sql = [
      LOCK,
      '-- status becomes an enum: a few thousand rows, rewritten in milliseconds',
      '-- squawk-ignore changing-column-type',
      RETYPE,
      '-- squawk-ignore changing-column-type, adding-required-field -- both tables are empty',
      '-- squawk-ignore-file ban-drop-column',
      '',
      '/* squawk-ignore require-concurrent-index-creation */',
    ].join('\n');
    expect(findIgnoreComments(sql)).toEqual([
      { line: 3, fileLevel: false, rules: ['changing-column-type'], reasoned: true },
      { line: 5, fileLevel: false, rules: ['changing-column-type', 'adding-required-field'], reasoned: true },
      // The comment block above it holds only another ignore, which says why for itself.
      { line: 6, fileLevel: true, rules: ['ban-drop-column'], reasoned: false },
      { line: 8, fileLevel: false, rules: ['require-concurrent-index-creation'], reasoned: false },
    ]);
  });

  it('does not take a comment that merely mentions squawk-ignore for one', () => {
    expect(findIgnoreComments('-- a deliberate exception uses squawk-ignore comments\nselect 1;')).toEqual(
      [],
    );
  });
});

describe('checkIgnoreComments', () => {
  it('accepts an exception that names its rule and says why', () => {
    const sql = `${LOCK}\n-- a few thousand rows: the rewrite takes milliseconds\n-- squawk-ignore changing-column-type\n${RETYPE}\n`;
    expect(checkIgnoreComments('m.sql', sql)).toEqual([]);
  });

  it('refuses an exception without a reason, naming file and line', () => {
    const findings = checkIgnoreComments(
      'm.sql',
      `${LOCK}\n\n-- squawk-ignore changing-column-type\n${RETYPE}\n`,
    );
    expect(findings.map((f) => [f.check, f.level, f.object])).toEqual([
      ['squawk-ignore/no-reason', 'error', 'm.sql:3'],
    ]);
    expect(findings[0]!.message).toContain('changing-column-type');
  });

  it('refuses a file-wide exception of every rule, and an ignore that names none', () => {
    const sql = `-- legacy\n-- squawk-ignore-file\n${LOCK}\n-- why not\n-- squawk-ignore\n${RETYPE}\n`;
    expect(checkIgnoreComments('m.sql', sql).map((f) => [f.check, f.object])).toEqual([
      ['squawk-ignore/no-rule', 'm.sql:2'],
      ['squawk-ignore/no-rule', 'm.sql:5'],
    ]);
  });
});

describe('misplacedIgnoreHint', () => {
  const multiLine = [
    LOCK,
    '-- a few rows',
    '-- squawk-ignore changing-column-type',
    'alter table public.appointments',
    '  alter column status type text;',
  ].join('\n');

  it('says where to move an ignore that sits above the first line of a multi-line statement', () => {
    expect(misplacedIgnoreHint(multiLine, 'changing-column-type', 5)).toBe(
      'the `-- squawk-ignore changing-column-type` on line 3 covers only line 4, and squawk reports this ' +
        'statement at line 5: move the comment directly above line 5',
    );
  });

  it('says nothing for another rule, or an ignore of an earlier statement', () => {
    expect(misplacedIgnoreHint(multiLine, 'ban-drop-column', 5)).toBeNull();
    const earlier = [
      LOCK,
      '-- squawk-ignore changing-column-type',
      'select 1;',
      'alter table t',
      '  alter column c type text;',
    ].join('\n');
    expect(misplacedIgnoreHint(earlier, 'changing-column-type', 5)).toBeNull();
  });
});

// squawk-cli itself, on files: how its ignore comments behave is what the rules above rely on.
describe('squawk honours ignore comments through db:lint', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'db-lint-ignores-'));
  const squawk = async (name: string, lines: string[]) => {
    const file = path.join(dir, name);
    writeFileSync(file, `${lines.join('\n')}\n`);
    return runSquawk({ bin: squawkBin, configFile, files: [file], cwd: dir });
  };
  const rulesAt = (findings: { check: string; object: string }[]) =>
    findings.map((f) => `${f.check} ${f.object.split(':').at(-1)}`);

  it('reports a column type change without an exception', async () => {
    expect(rulesAt(await squawk('20261206010000_plain.sql', [LOCK, RETYPE]))).toEqual([
      'squawk/changing-column-type 2',
    ]);
  });

  it('skips it with the rule named on the line above, a reason above that, or after " -- "', async () => {
    expect(
      await squawk('20261206010100_ignored.sql', [
        LOCK,
        '-- few rows',
        '-- squawk-ignore changing-column-type',
        RETYPE,
      ]),
    ).toEqual([]);
    expect(
      await squawk('20261206010200_trailing.sql', [
        LOCK,
        '-- squawk-ignore changing-column-type -- few rows',
        RETYPE,
      ]),
    ).toEqual([]);
    expect(
      await squawk('20261206010300_file.sql', [
        '-- squawk-ignore-file changing-column-type',
        LOCK,
        RETYPE,
        RETYPE,
      ]),
    ).toEqual([]);
  });

  it('ignores nothing when words follow the rule, and says so as unused-ignore', async () => {
    const findings = await squawk('20261206010400_words.sql', [
      LOCK,
      '-- squawk-ignore changing-column-type because few rows',
      RETYPE,
    ]);
    expect(rulesAt(findings)).toEqual(['squawk/unused-ignore 2', 'squawk/changing-column-type 3']);
  });

  it('covers one line only: an ignore above a multi-line statement misses it, and the hint says where to move it', async () => {
    const findings = await squawk('20261206010500_multi.sql', [
      LOCK,
      '-- squawk-ignore changing-column-type',
      'alter table public.appointments',
      '  alter column status type text;',
    ]);
    expect(rulesAt(findings)).toEqual(['squawk/changing-column-type 4']);
    expect(findings[0]!.hint).toContain('move the comment directly above line 4');
  });
});
