// A throw-away Postgres cluster beside any running stack: for type generation and for tests of the
// bootstrap and migration runner, which need a database that nothing else touches.
import path from 'node:path';
import { rmSync } from 'node:fs';
import { loadConfig, repoRoot, type StackConfig } from './config.ts';
import { startPostgres } from './postgres.ts';
import { bootstrap } from './bootstrap.ts';
import type { RunningService } from './service.ts';

export function scratchConfig(name: string, dbPort: number): StackConfig {
  const base = loadConfig('test', { withApps: false });
  const root = path.join(repoRoot, '.local', name);
  return {
    ...base,
    ports: { ...base.ports, db: dbPort },
    dirs: {
      root,
      pgdata: path.join(root, 'pgdata'),
      storage: path.join(root, 'storage'),
      run: path.join(root, 'run'),
      logs: path.join(root, 'logs'),
    },
    dbUrl: (role = 'postgres') => `postgresql://${role}:${base.dbPassword}@${base.host}:${dbPort}/postgres`,
  };
}

/** Starts a fresh, bootstrapped cluster; stopping it deletes its data. */
export async function startScratchDb(
  name: string,
  dbPort: number,
): Promise<{ config: StackConfig; pg: RunningService; stop(): Promise<void> }> {
  const config = scratchConfig(name, dbPort);
  rmSync(config.dirs.root, { recursive: true, force: true });
  const pg = await startPostgres(config, () => undefined).catch((error: unknown) => {
    rmSync(config.dirs.root, { recursive: true, force: true });
    throw error;
  });
  try {
    await bootstrap(config);
  } catch (err) {
    await pg.stop();
    throw err;
  }
  return {
    config,
    pg,
    async stop() {
      await pg.stop();
      rmSync(config.dirs.root, { recursive: true, force: true });
    },
  };
}
