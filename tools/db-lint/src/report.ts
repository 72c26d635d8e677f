// How db:lint prints its result: readable text for people, one JSON document with --json.
import { countByLevel } from './finding.ts';
import type { LintResult } from './lint.ts';

export function formatText(result: LintResult): string {
  const lines: string[] = [];
  const squawked = result.squawked.length
    ? `squawk read ${result.squawked.length} migration(s) after the baseline ${result.baseline ?? '(none)'}`
    : `no migration after the baseline ${result.baseline ?? '(none)'} for squawk to read`;
  lines.push(`db:lint: ${result.migrationsApplied} migrations applied to a scratch database; ${squawked}.`);
  for (const f of result.findings) {
    lines.push(
      '',
      `${f.level === 'error' ? 'error' : 'warn '} ${f.check}  ${f.object}`,
      `      ${f.message}`,
      `      fix: ${f.hint}`,
    );
  }
  const counts = countByLevel(result.findings);
  lines.push(
    '',
    `${counts.error} error(s), ${counts.warn} warning(s) in ${result.seconds.toFixed(1)} s` +
      (counts.error ? ': fix each error (in a new migration once the faulty one has landed).' : '.'),
  );
  return lines.join('\n');
}

export function formatJson(result: LintResult): string {
  const counts = countByLevel(result.findings);
  return JSON.stringify(
    { ok: counts.error === 0, errors: counts.error, warnings: counts.warn, ...result },
    null,
    2,
  );
}
