import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { displayPath, migrationsAfterBaseline, parseSquawkReport, readSquawkSettings } from './squawk.ts';

describe('migrationsAfterBaseline', () => {
  const files = [
    '/m/20261121101000_create_review_practitioner.sql',
    '/m/20261121000000_create_profiles.sql',
    '/m/20261122090000_add_notes.sql',
    '/m/README.md',
  ];

  it('keeps migrations whose version sorts after the baseline, in order', () => {
    expect(migrationsAfterBaseline(files, '20261121101000')).toEqual(['/m/20261122090000_add_notes.sql']);
  });

  it('keeps every migration without a baseline', () => {
    expect(migrationsAfterBaseline(files, null)).toEqual([
      '/m/20261121000000_create_profiles.sql',
      '/m/20261121101000_create_review_practitioner.sql',
      '/m/20261122090000_add_notes.sql',
    ]);
  });
});

describe('readSquawkSettings', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'db-lint-squawk-'));
  const write = (name: string, text: string) => {
    const file = path.join(dir, name);
    writeFileSync(file, text);
    return file;
  };

  it('reads the baseline from the [carebook] table', () => {
    const file = write('ok.toml', 'assume_in_transaction = true\n[carebook]\nbaseline = "20261121101000"\n');
    expect(readSquawkSettings(file)).toEqual({ baseline: '20261121101000' });
  });

  it('has no baseline when the table is absent, and refuses a malformed one', () => {
    expect(readSquawkSettings(write('none.toml', 'pg_version = "17.0"\n'))).toEqual({ baseline: null });
    expect(() => readSquawkSettings(write('bad.toml', '[carebook]\nbaseline = 2026\n'))).toThrow(/14-digit/);
  });

  it('reads the committed .squawk.toml: every migration dated after 20261206000000 is linted', () => {
    // Decision 0007: the migrations up to this version are the frozen history. Moving the baseline
    // later would exempt migrations that may run against tables full of data.
    const committed = readSquawkSettings(path.resolve(import.meta.dirname, '../../../.squawk.toml'));
    expect(committed.baseline).toBe('20261206000000');
    expect(
      migrationsAfterBaseline(
        [
          '/m/20261121110400_create_practitioner_patients.sql',
          '/m/20261206000000_x.sql',
          '/m/20261206010000_alter_status_to_enum.sql',
        ],
        committed.baseline,
      ),
    ).toEqual(['/m/20261206010000_alter_status_to_enum.sql']);
  });
});

describe('parseSquawkReport', () => {
  const report = JSON.stringify([
    {
      file: 'supabase/migrations/20261122090000_add_notes.sql',
      line: 3,
      column: 0,
      level: 'Warning',
      message: 'During normal index creation, table updates are blocked, but reads are still allowed.',
      help: 'Use `concurrently` to avoid blocking writes.',
      rule_name: 'require-concurrent-index-creation',
      column_end: 10,
      line_end: 3,
    },
    {
      file: '/tmp/x/20261122090000_add_notes.sql',
      line: 0,
      column: 0,
      level: 'Warning',
      message: 'm',
      help: null,
      rule_name: 'ban-drop-column',
    },
  ]);

  it('turns violations into errors named by rule and 1-based line, with our advice where we have some', () => {
    const findings = parseSquawkReport(report, '/repo');
    expect(findings.map((f) => [f.check, f.level, f.object])).toEqual([
      [
        'squawk/require-concurrent-index-creation',
        'error',
        'supabase/migrations/20261122090000_add_notes.sql:4',
      ],
      ['squawk/ban-drop-column', 'error', '/tmp/x/20261122090000_add_notes.sql:1'],
    ]);
    expect(findings[0]!.hint).toContain('squawk-ignore require-concurrent-index-creation');
    expect(findings[1]!.hint).toMatch(/^see the rule \(https:\/\/squawkhq\.com\/docs\/ban-drop-column/);
  });

  it('says what squawk leaves out about running inside a migration transaction', () => {
    const one = (rule: string) =>
      parseSquawkReport(
        JSON.stringify([
          { file: 'a.sql', line: 0, column: 0, level: 'Warning', message: 'm', help: 'h', rule_name: rule },
        ]),
        '/repo',
      )[0]!.hint;
    expect(one('require-concurrent-index-deletion')).toContain('cannot run in the transaction');
    expect(one('identifier-too-long')).toContain('63 bytes');
    expect(one('changing-column-type')).toContain('directly above the line squawk names');
  });

  it('reads an empty report as no finding', () => {
    expect(parseSquawkReport('[]', '/repo')).toEqual([]);
  });
});

describe('displayPath', () => {
  it('is relative inside the root and absolute outside it', () => {
    expect(displayPath('/repo/supabase/migrations/a.sql', '/repo')).toBe('supabase/migrations/a.sql');
    expect(displayPath('/tmp/a.sql', '/repo')).toBe('/tmp/a.sql');
  });
});
