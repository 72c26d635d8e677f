import { describe, expect, it } from 'vitest';
import type { LintResult } from './lint.ts';
import { formatJson, formatText } from './report.ts';

const result = (over: Partial<LintResult> = {}): LintResult => ({
  findings: [],
  exposedSchemas: ['public', 'graphql_public'],
  migrationsApplied: 12,
  baseline: '20261121101000',
  squawked: [],
  seconds: 2.34,
  ...over,
});

describe('formatText', () => {
  it('says what ran and that all is clean', () => {
    const text = formatText(result());
    expect(text).toContain(
      '12 migrations applied to a scratch database; no migration after the baseline 20261121101000',
    );
    expect(text).toMatch(/0 error\(s\), 0 warning\(s\) in 2\.3 s\.$/);
  });

  it('prints each finding with its object and fix', () => {
    const text = formatText(
      result({
        squawked: ['supabase/migrations/20261122090000_add_notes.sql'],
        findings: [
          {
            check: 'rls_disabled_in_exposed_schema',
            level: 'error',
            object: 'public.notes',
            message: 'no RLS',
            hint: 'enable it',
          },
          {
            check: 'unindexed_foreign_key',
            level: 'warn',
            object: 'public.notes (owner_id)',
            message: 'no index',
            hint: 'create one',
          },
        ],
      }),
    );
    expect(text).toContain('squawk read 1 migration(s) after the baseline');
    expect(text).toContain(
      'error rls_disabled_in_exposed_schema  public.notes\n      no RLS\n      fix: enable it',
    );
    expect(text).toContain('warn  unindexed_foreign_key  public.notes (owner_id)');
    expect(text).toContain('1 error(s), 1 warning(s)');
  });
});

describe('formatJson', () => {
  it('adds ok and counts to the result', () => {
    const doc = JSON.parse(
      formatJson(result({ findings: [{ check: 'x', level: 'warn', object: 'o', message: 'm', hint: 'h' }] })),
    ) as { ok: boolean; errors: number; warnings: number; findings: unknown[] };
    expect(doc).toMatchObject({ ok: true, errors: 0, warnings: 1 });
    expect(doc.findings).toHaveLength(1);
  });
});
