// Starts every part of the local stack in dependency order and stops them in reverse.
import net from 'node:net';
import { rmSync, mkdirSync } from 'node:fs';
import type { StackConfig } from './config.ts';
import type { RunningService } from './service.ts';
import { Logs } from './logs.ts';
import { startPostgres } from './postgres.ts';
import { bootstrap } from './bootstrap.ts';
import { migrate, runSeed } from './migrate.ts';
import { startPostgrest } from './postgrest.ts';
import { startGateway } from './gateway.ts';
import { startAuth } from './auth/index.ts';
import { startStorage, syncBucketsFromConfig } from './storage/index.ts';
import { startFunctions } from './functions/index.ts';
import { startScheduler } from './scheduler.ts';
import { stripeSettings, syncStripeCatalogue } from './stripe-catalogue.ts';
import { startFakes } from '@carebook/fakes';
import { APPS, startApp } from './apps.ts';
import { seed, type DemoAccount } from '@carebook/seed';
import { clearState, isAlive, readState, reapOrphans, writeState } from './state.ts';

export interface Stack {
  config: StackConfig;
  services: RunningService[];
  demoAccounts: DemoAccount[];
  startupMs: number;
  logs: Logs;
  stop(): Promise<void>;
}

export class AlreadyRunningError extends Error {
  readonly pid: number;
  constructor(pid: number, profile: string) {
    super(
      `A Carebook ${profile} stack is already running (pid ${pid}). Use \`npm run status\` to see it or \`npm run stop\` to stop it.`,
    );
    this.pid = pid;
  }
}

function portFree(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.once('error', () => resolve(false));
    srv.listen(port, host, () => srv.close(() => resolve(true)));
  });
}

async function retryPortFree(host: string, port: number): Promise<boolean> {
  for (let i = 0; i < 5; i++) {
    await new Promise((r) => setTimeout(r, 300));
    if (await portFree(host, port)) return true;
  }
  return false;
}

export interface StartOptions {
  /** Delete the data directory first (the test run starts from nothing). */
  fresh?: boolean;
  echoLogs?: boolean;
  demo?: boolean;
  /** Run the scheduled jobs (default: in the dev profile only). */
  scheduler?: boolean;
  onProgress?: (line: string) => void;
}

export async function startStack(config: StackConfig, opts: StartOptions = {}): Promise<Stack> {
  const t0 = performance.now();
  const progress = opts.onProgress ?? (() => undefined);
  const previous = readState(config);
  if (previous && previous.pid !== process.pid && isAlive(previous.pid))
    throw new AlreadyRunningError(previous.pid, config.profile);
  if (previous) {
    const n = reapOrphans(previous);
    if (n > 0) progress(`stopped ${n} process(es) left behind by a stack that was killed`);
    await new Promise((r) => setTimeout(r, n > 0 ? 1500 : 0));
  }
  for (const [name, port] of Object.entries(config.ports)) {
    if (!config.withApps && (name === 'booking' || name === 'practitioner')) continue;
    // Our ports sit in the kernel's ephemeral range: an outgoing connection may hold one for a moment.
    if (!(await portFree(config.host, port)) && !(await retryPortFree(config.host, port))) {
      throw new Error(
        `Port ${port} (${name}) is already in use by another program; free it or set the matching CAREBOOK_*_PORT.`,
      );
    }
  }
  if (opts.fresh) rmSync(config.dirs.root, { recursive: true, force: true });
  mkdirSync(config.dirs.root, { recursive: true });
  const logs = new Logs(config.dirs.logs, opts.echoLogs ?? false);
  const services: RunningService[] = [];
  const save = () =>
    writeState(config, {
      pid: process.pid,
      startedAt: new Date().toISOString(),
      profile: config.profile,
      childPids: services.flatMap((s) => (s.pid ? [s.pid] : [])),
      urls: Object.fromEntries(services.map((s) => [s.name, s.url])),
    });
  save();

  const stop = async () => {
    for (const s of [...services].reverse()) {
      await s.stop().catch((err: Error) => logs.for('stack')(`stopping ${s.name}: ${err.message}`));
    }
    services.length = 0;
    clearState(config);
    await logs.close();
  };

  try {
    const pg = await startPostgres(config, logs.for('postgres'));
    services.push(pg);
    save();
    progress(`postgres     ready on ${config.ports.db}${pg.created ? ' (new cluster)' : ''}`);
    await bootstrap(config);
    const applied = await migrate(config, logs.for('migrations'));
    await runSeed(config, logs.for('migrations'));
    progress(`migrations   ${applied} applied`);

    const parts = await Promise.all([
      startPostgrest(config, logs.for('postgrest')),
      startAuth(config, logs.for('auth')),
      startStorage(config, logs.for('storage')).then(async (s) => {
        await syncBucketsFromConfig(config);
        return s;
      }),
      startFakes(config, logs.for('fakes'), {
        stripeWebhook: {
          url: stripeSettings(config).webhookUrl,
          secret: stripeSettings(config).webhookSecret,
        },
      }),
      startFunctions(config, logs.for('functions')),
    ]);
    services.push(...parts.flat());
    save();
    services.push(await startGateway(config, logs.for('gateway')));
    save();
    progress(`api          ready on ${config.apiUrl}`);
    await syncStripeCatalogue(config, logs.for('fakes'));
    // The test profile leaves jobs to the tests, which run each tick when they need it.
    if (opts.scheduler ?? config.profile === 'dev') {
      services.push(await startScheduler(config, logs.for('scheduler')));
      progress('scheduler    running the scheduled jobs (private.scheduled_jobs)');
    }

    // Demo data (small scale, idempotent): the accounts the banner prints and a few of everything.
    const demoAccounts = opts.demo ? [...(await seed(config, 'small', logs.for('seed'))).demoAccounts] : [];
    if (config.withApps) {
      const apps = await Promise.all(APPS.map((a) => startApp(config, a, logs.for(a.name))));
      services.push(...apps);
      save();
    }
    return { config, services, demoAccounts, startupMs: performance.now() - t0, logs, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}
