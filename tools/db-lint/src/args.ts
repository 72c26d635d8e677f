// Command-line options of db:lint.
import { parseArgs } from 'node:util';

export interface CliOptions {
  json: boolean;
  dir?: string;
  port?: number;
  help: boolean;
}

export const USAGE = `usage: npm run db:lint -- [--json] [--dir <migrations dir>] [--port <scratch db port>]
  --json   print one JSON document (findings, counts) instead of text
  --dir    migrations to check (default supabase/migrations)
  --port   port of the scratch Postgres (default: the test profile's database port + 3000)
exit code: 0 clean (warnings allowed), 1 at least one error, 2 could not lint`;

export function parseCliArgs(argv: string[]): CliOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      json: { type: 'boolean', default: false },
      dir: { type: 'string' },
      port: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
    allowPositionals: false,
  });
  let port: number | undefined;
  if (values.port !== undefined) {
    port = Number(values.port);
    if (!Number.isInteger(port) || port < 1024 || port > 65535)
      throw new Error(`--port must be a port number from 1024 to 65535, got ${values.port}`);
  }
  return { json: values.json, dir: values.dir, port, help: values.help };
}
