// What other tools may use: the whole lint, or the pure schema checks over catalog rows.
export { lintMigrations, defaultPort } from './lint.ts';
export type { LintOptions, LintResult } from './lint.ts';
export { checkCatalog } from './checks.ts';
export type { Catalog } from './checks.ts';
export type { Finding, Level } from './finding.ts';
export { checkFrozen, checkMigrationsFolder, lockMigrations, parseLock } from './frozen-migrations.ts';
export type { FrozenProblem, LockEntry } from './frozen-migrations.ts';
