// Edge functions: one real Deno process (serve.ts) serving every supabase/functions/<slug> on
// config.ports.functions, behind the gateway's /functions/v1. When a function file, the secrets
// file or config.toml changes, the process is restarted (not re-imported: a restart also reloads
// what functions import from _shared and picks up new or removed functions and secrets).
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { repoRoot, type StackConfig } from '../config.ts';
import { run, waitFor, type Child } from '../process.ts';
import type { Logger, RunningService } from '../service.ts';
import { denoBinary } from './deno-binary.ts';
import { discoverFunctions } from './functions-config.ts';
import { functionEnv } from './function-env.ts';
import { HEALTH_PATH } from './router.ts';
import { SETTINGS_ENV, type RunnerSettings } from './runner-settings.ts';
import { watchFunctions } from './watch.ts';

const SERVE_SCRIPT = path.join(path.dirname(fileURLToPath(import.meta.url)), 'serve.ts');

export interface FunctionsOptions {
  /** Defaults to <repo>/supabase/functions; specs point it at a folder of their own. */
  functionsDir?: string;
  /** Defaults to the config.toml beside the functions folder. */
  configToml?: string;
  port?: number;
  /** Restart on file changes (default true). */
  watch?: boolean;
  /** The first start downloads the functions' npm packages into DENO_DIR; later ones take well under a second. */
  readyTimeoutMs?: number;
}

export async function startFunctions(
  config: StackConfig,
  log: Logger,
  options: FunctionsOptions = {},
): Promise<RunningService> {
  const functionsDir = options.functionsDir ?? path.join(repoRoot, 'supabase', 'functions');
  const configToml = options.configToml ?? path.join(functionsDir, '..', 'config.toml');
  const port = options.port ?? config.ports.functions;
  // Shared by every profile: the test stack starts from empty data but need not download again.
  const denoDir = path.join(repoRoot, '.local', 'deno');
  const url = `http://${config.host}:${port}`;
  mkdirSync(functionsDir, { recursive: true });
  mkdirSync(denoDir, { recursive: true });
  const deno = denoBinary();

  async function launch(): Promise<Child> {
    const started = performance.now();
    const functions = discoverFunctions(functionsDir, configToml);
    const { env, source, skipped } = functionEnv(config, functionsDir, denoDir);
    if (skipped.length > 0)
      log(`ignored ${skipped.join(', ')} from ${source}: Supabase sets SUPABASE_* itself`);
    const settings: RunnerSettings = {
      hostname: config.host,
      port,
      jwtSecret: config.jwtSecret,
      functions,
      exitWithParent: true,
    };
    env[SETTINGS_ENV] = JSON.stringify(settings);

    const denoConfig = path.join(functionsDir, 'deno.json');
    const args = [
      'run',
      // A package.json in a parent folder would otherwise switch Deno to a node_modules it cannot use.
      '--node-modules-dir=none',
      '--no-lock',
      '--no-prompt',
      '--allow-net',
      '--allow-env',
      '--allow-read',
      ...(existsSync(denoConfig) ? ['--config', denoConfig] : ['--no-config']),
      SERVE_SCRIPT,
    ];
    const child = run(deno, args, { cwd: functionsDir, env, log, stdio: ['pipe', 'pipe', 'pipe'] });
    let exited = false;
    void child.exited.then(() => (exited = true));
    try {
      await waitFor(
        'the functions server',
        async () => {
          if (exited) throw new Error('Deno exited during start-up (see the functions log)');
          return (await fetch(`${url}${HEALTH_PATH}`)).ok;
        },
        options.readyTimeoutMs ?? 180_000,
      );
    } catch (error) {
      await child.stop('SIGKILL');
      throw error;
    }
    log(
      `${functions.length} function(s) ready in ${Math.round(performance.now() - started)} ms (secrets from ${source ? path.basename(source) : 'nowhere'})`,
    );
    return child;
  }

  let child: Child | null = await launch();
  let stopped = false;
  let restarting: Promise<void> | null = null;
  let again = false;

  // One restart at a time; changes made during a restart cause one more.
  const restart = (file: string) => {
    if (stopped) return;
    if (restarting) {
      again = true;
      return;
    }
    restarting = (async () => {
      do {
        again = false;
        log(`${path.relative(repoRoot, file)} changed: restarting the functions server`);
        await child?.stop();
        child = null;
        if (stopped) return;
        try {
          child = await launch();
        } catch (error) {
          log(`restart failed: ${(error as Error).message}; it is retried on the next change`);
        }
      } while (again && !stopped);
    })().finally(() => (restarting = null));
  };
  const unwatch = options.watch === false ? () => {} : watchFunctions(functionsDir, configToml, restart);

  return {
    name: 'functions',
    url,
    get pid() {
      return child?.proc.pid;
    },
    async stop() {
      stopped = true;
      unwatch();
      await restarting;
      await child?.stop();
      child = null;
    },
  };
}
