// squawk's own exception comments, as squawk-cli 2.66 reads them (checked by squawk-ignores.spec.ts):
//   `-- squawk-ignore <rule>[, <rule>]`       the line right after the comment (or its own line)
//   `-- squawk-ignore-file <rule>[, <rule>]`  the whole file; with no rule, every rule
// Words after the rules make squawk read them as unknown rule names ("unused-ignore") and ignore
// nothing, so a reason goes on a comment line above, or after ` -- ` on the same line. squawk
// reports a multi-line statement at the line of the offending clause, so a comment above the
// statement's first line does not cover it. db:lint adds what squawk does not require: every
// exception names its rules and says why (docs/decisions/0007-frozen-migrations.md).
import type { Finding } from './finding.ts';

export interface IgnoreComment {
  /** 1-based line of the comment. */
  line: number;
  fileLevel: boolean;
  rules: string[];
  /** A comment line above it, or text after ` -- ` on its line, says why. */
  reasoned: boolean;
}

const IGNORE = /(?:--|\/\*)\s*squawk-ignore(-file)?(?![\w-])(.*)$/;
const COMMENT_LINE = /^\s*--\s*(.*?)\s*$/;

/** Every `squawk-ignore` comment of a migration, with the rules it names and whether it says why. */
export function findIgnoreComments(sql: string): IgnoreComment[] {
  const lines = sql.split('\n');
  const found: IgnoreComment[] = [];
  lines.forEach((text, index) => {
    const match = IGNORE.exec(text);
    if (!match) return;
    const rest = (match[2] ?? '').replace(/\*\/.*$/, '');
    const separator = rest.indexOf(' --');
    const ruleText = separator === -1 ? rest : rest.slice(0, separator);
    const trailingReason = separator === -1 ? '' : rest.slice(separator + 3).trim();
    const rules = ruleText
      .split(/[\s,]+/)
      .map((r) => r.trim())
      .filter(Boolean);
    found.push({
      line: index + 1,
      fileLevel: match[1] !== undefined,
      rules,
      reasoned: trailingReason !== '' || hasReasonAbove(lines, index),
    });
  });
  return found;
}

/** Whether the comment block right above line `index` holds a line that is not itself an ignore. */
function hasReasonAbove(lines: readonly string[], index: number): boolean {
  for (let i = index - 1; i >= 0; i--) {
    const comment = COMMENT_LINE.exec(lines[i] ?? '');
    if (!comment) return false;
    if (!IGNORE.test(lines[i] ?? '') && comment[1] !== '') return true;
  }
  return false;
}

/** Exceptions that name no rule or do not say why: errors, for migrations squawk reads. */
export function checkIgnoreComments(file: string, sql: string): Finding[] {
  const findings: Finding[] = [];
  for (const c of findIgnoreComments(sql)) {
    const object = `${file}:${c.line}`;
    const kind = c.fileLevel ? 'squawk-ignore-file' : 'squawk-ignore';
    if (c.rules.length === 0) {
      findings.push({
        check: 'squawk-ignore/no-rule',
        level: 'error',
        object,
        message: c.fileLevel
          ? '`-- squawk-ignore-file` without a rule silences every squawk rule for the whole file'
          : '`-- squawk-ignore` without a rule ignores nothing',
        hint: `name the rule squawk reported: \`-- ${kind} <rule>\`, with a comment above saying why`,
      });
    }
    if (!c.reasoned) {
      findings.push({
        check: 'squawk-ignore/no-reason',
        level: 'error',
        object,
        message: `\`-- ${kind} ${c.rules.join(', ')}\` does not say why the exception is safe`,
        hint:
          'write the reason on a comment line right above it (e.g. "-- a few hundred rows: the rewrite ' +
          'takes milliseconds"), or after " -- " on the same line',
      });
    }
  }
  return findings;
}

/**
 * The hint for a squawk violation at `line` (1-based) when an ignore of the same rule sits higher up
 * in the same statement: squawk applies it only to the line right after it.
 */
export function misplacedIgnoreHint(sql: string, rule: string, line: number): string | null {
  const lines = sql.split('\n');
  for (const c of findIgnoreComments(sql)) {
    if (c.fileLevel || !c.rules.includes(rule) || c.line >= line - 1) continue;
    // Same statement: no `;` (outside comments) between the comment and the reported line.
    const between = lines.slice(c.line, line - 1).map((l) => l.replace(/--.*$/, ''));
    if (between.some((l) => l.includes(';'))) continue;
    return (
      `the \`-- squawk-ignore ${rule}\` on line ${c.line} covers only line ${c.line + 1}, and squawk ` +
      `reports this statement at line ${line}: move the comment directly above line ${line}`
    );
  }
  return null;
}
