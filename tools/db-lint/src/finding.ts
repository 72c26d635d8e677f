// What every check reports: one problem, the object it is about, and how to fix it.

/** `error` fails db:lint; `warn` is printed and left to judgement. */
export type Level = 'error' | 'warn';

export interface Finding {
  /** Stable id of the check (splinter's name where one exists), or `squawk/<rule>`. */
  check: string;
  level: Level;
  /** The schema object (`public.notes`, `public.f(uuid)`, a policy) or `file:line` for squawk. */
  object: string;
  message: string;
  /** What to write in a new migration to fix it. */
  hint: string;
}

export function countByLevel(findings: readonly Finding[]): Record<Level, number> {
  return {
    error: findings.filter((f) => f.level === 'error').length,
    warn: findings.filter((f) => f.level === 'warn').length,
  };
}
