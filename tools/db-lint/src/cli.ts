// `npm run db:lint`: exits 1 when a migration leaves a security hole or a long-locking statement.
import { USAGE, parseCliArgs, type CliOptions } from './args.ts';
import { countByLevel } from './finding.ts';
import { lintMigrations } from './lint.ts';
import { formatJson, formatText } from './report.ts';

let options: CliOptions;
try {
  options = parseCliArgs(process.argv.slice(2));
} catch (err) {
  process.stderr.write(`${(err as Error).message}\n${USAGE}\n`);
  process.exit(2);
}
if (options.help) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}

try {
  const result = await lintMigrations({
    dir: options.dir,
    port: options.port,
    log: options.json ? undefined : (line) => process.stderr.write(`${line}\n`),
  });
  process.stdout.write(`${options.json ? formatJson(result) : formatText(result)}\n`);
  process.exit(countByLevel(result.findings).error > 0 ? 1 : 0);
} catch (err) {
  // A migration that does not apply, or squawk not running, is not a lint result: say so apart.
  process.stderr.write(`db:lint could not run: ${(err as Error).message}\n`);
  process.exit(2);
}
