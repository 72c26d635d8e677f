// `npm run migrations:lock` appends new migrations to supabase/migrations.lock;
// `npm run migrations:check` (a step of `npm test`) exits 1 when a landed migration changed, went
// away, or a migration is missing from the lock. Both take `--dir <migrations> --lock <file>`.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { checkMigrationsFolder, type FrozenProblem, lockMigrations } from './frozen-migrations.ts';

const repoRoot = path.resolve(import.meta.dirname, '../../..');
const USAGE = `usage: node tools/db-lint/src/freeze-cli.ts [--check] [--dir <migrations>] [--lock <file>]
  (no flag)  append every migration missing from the lock (refuses when a landed one changed)
  --check    exit 1 when a landed migration was edited, removed or renamed, or one is not locked`;

let values: { check: boolean; dir?: string; lock?: string; help: boolean };
try {
  ({ values } = parseArgs({
    options: {
      check: { type: 'boolean', default: false },
      dir: { type: 'string' },
      lock: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  }));
} catch (err) {
  process.stderr.write(`${(err as Error).message}\n${USAGE}\n`);
  process.exit(2);
}
if (values.help) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}
const paths = {
  dir: path.resolve(values.dir ?? path.join(repoRoot, 'supabase', 'migrations')),
  lockFile: path.resolve(values.lock ?? path.join(repoRoot, 'supabase', 'migrations.lock')),
};
const shown = (file: string) => path.relative(process.cwd(), file) || file;
const print = (problems: FrozenProblem[]) => {
  for (const p of problems) process.stderr.write(`error ${p.kind}: ${p.message}\n`);
};

try {
  if (values.check) {
    const problems = checkMigrationsFolder(paths);
    if (problems.length > 0) {
      print(problems);
      process.stderr.write(
        `${problems.length} problem(s) between ${shown(paths.dir)} and ${shown(paths.lockFile)}\n`,
      );
      process.exit(1);
    }
    process.stdout.write(`every migration in ${shown(paths.dir)} matches ${shown(paths.lockFile)}\n`);
  } else {
    const { added, refused } = lockMigrations(paths);
    if (refused.length > 0) {
      print(refused);
      process.stderr.write(`${shown(paths.lockFile)} left unchanged\n`);
      process.exit(1);
    }
    for (const file of added) process.stdout.write(`locked ${file}\n`);
    process.stdout.write(`${added.length} migration(s) appended to ${shown(paths.lockFile)}\n`);
  }
} catch (err) {
  process.stderr.write(`${(err as Error).message}\n`);
  process.exit(2);
}
