// The two Quasar apps, served by Vite dev servers that point at this stack's gateway.
import path from 'node:path';
import { createRequire } from 'node:module';
import { repoRoot, type StackConfig } from './config.ts';
import type { Logger, RunningService } from './service.ts';
import { run, waitFor } from './process.ts';

const require = createRequire(import.meta.url);

export const APPS = [
  { name: 'booking', portKey: 'booking', portEnv: 'CAREBOOK_BOOKING_PORT' },
  { name: 'practitioner', portKey: 'practitioner', portEnv: 'CAREBOOK_PRACTITIONER_PORT' },
] as const;

export async function startApp(config: StackConfig, app: (typeof APPS)[number], log: Logger): Promise<RunningService> {
  const vite = path.join(path.dirname(require.resolve('vite/package.json')), 'bin', 'vite.js');
  const port = config.ports[app.portKey];
  const child = run(
    process.execPath,
    [vite, '--config', path.join('apps', app.name, 'vite.config.ts'), '--port', String(port), '--strictPort', '--host', config.host],
    {
      cwd: repoRoot,
      log,
      env: {
        ...process.env,
        [app.portEnv]: String(port),
        VITE_SUPABASE_URL: config.apiUrl,
        VITE_SUPABASE_ANON_KEY: config.anonKey,
        VITE_INBOX_URL: config.inboxUrl,
        FORCE_COLOR: '0',
      },
    },
  );
  let exited = false;
  void child.exited.then(() => (exited = true));
  const url = `http://${config.host}:${port}`;
  await waitFor(`the ${app.name} app`, async () => {
    if (exited) throw new Error(`the ${app.name} app's Vite server exited (see .local/${config.profile}/logs/${app.name}.log)`);
    return (await fetch(url)).ok;
  }, 60_000);
  return { name: app.name, url, pid: child.proc.pid, stop: () => child.stop('SIGTERM') };
}
