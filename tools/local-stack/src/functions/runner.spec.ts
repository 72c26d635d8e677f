// The runner with a real Deno process over a folder of small functions (no npm imports, so no
// network): routing, verify_jwt, env injection, both serve shapes, boot errors, reload and stop.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCAL_ANON_KEY, loadConfig, type StackConfig } from '../config.ts';
import type { RunningService } from '../service.ts';
import { isAlive } from '../state.ts';
import { startFunctions } from './index.ts';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

const echoSource = (version: number) => `
Deno.serve((req: Request) => Response.json({
  version: ${version},
  path: new URL(req.url).pathname,
  brevo: Deno.env.get('BREVO_API_URL'),
  supabaseUrl: Deno.env.get('SUPABASE_URL'),
  secret: Deno.env.get('MY_SECRET'),
  runnerSettings: Deno.env.get('CAREBOOK_FUNCTIONS_RUNNER') ?? null,
}));
`;

let root: string;
let functionsDir: string;
let config: StackConfig;
let service: RunningService;
const logs: string[] = [];

beforeAll(async () => {
  root = mkdtempSync(path.join(tmpdir(), 'carebook-runner-'));
  functionsDir = path.join(root, 'supabase', 'functions');
  const files: Record<string, string> = {
    'supabase/config.toml':
      '[functions.echo]\nverify_jwt = false\n[functions.dflt]\nverify_jwt = false\n[functions.broken]\nverify_jwt = false\n',
    'supabase/functions/.env': 'MY_SECRET=s3cret\n',
    'supabase/functions/echo/index.ts': echoSource(1),
    'supabase/functions/secure/index.ts': "Deno.serve({ handler: () => new Response('secret') });\n",
    'supabase/functions/dflt/index.ts': "export default { fetch: () => new Response('default export') };\n",
    'supabase/functions/broken/index.ts': "throw new Error('broken at import');\n",
    'supabase/functions/_shared/index.ts': "Deno.serve(() => new Response('never served'));\n",
  };
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), content);
  }
  const base = loadConfig('test');
  config = { ...base, dirs: { ...base.dirs, root: path.join(root, '.local') } };
  service = await startFunctions(config, (l) => logs.push(l), {
    functionsDir,
    port: await freePort(),
    readyTimeoutMs: 60_000,
  });
}, 90_000);

afterAll(async () => {
  await service?.stop();
  rmSync(root, { recursive: true, force: true });
});

const call = (fn: string, init: RequestInit = {}) => fetch(`${service.url}/${fn}`, init);

describe('functions runner', () => {
  it('passes /<slug>/... on and injects the Supabase variables and the secrets file', async () => {
    const res = await call('echo/a/b?c=1');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      version: 1,
      path: '/echo/a/b',
      brevo: `${config.fakesUrl}/brevo/v3`,
      supabaseUrl: config.apiUrl,
      secret: 's3cret',
      // The runner's own settings (they hold the JWT secret) never reach a function.
      runnerSettings: null,
    });
  });

  it('checks the JWT by default: 401 without one, through with the anon key', async () => {
    const without = await call('secure');
    expect(without.status).toBe(401);
    expect(await without.json()).toEqual({ msg: 'Error: Missing authorization header' });
    const forged = await call('secure', { headers: { Authorization: 'Bearer not.a.jwt' } });
    expect(await forged.json()).toEqual({ msg: 'Invalid JWT' });
    const ok = await call('secure', { headers: { Authorization: `Bearer ${LOCAL_ANON_KEY}` } });
    expect([ok.status, await ok.text()]).toEqual([200, 'secret']);
  });

  it('serves `export default { fetch }` functions too', async () => {
    expect(await (await call('dflt')).text()).toBe('default export');
  });

  it('answers 503 BOOT_ERROR for a function that throws while loading, and logs why', async () => {
    const res = await call('broken');
    expect(res.status).toBe(503);
    expect((await res.json()).code).toBe('BOOT_ERROR');
    expect(logs.join('\n')).toContain('broken at import');
  });

  it('answers 404 for unknown names and for _shared', async () => {
    expect((await call('nope')).status).toBe(404);
    expect((await call('_shared')).status).toBe(404);
  });

  it('restarts with the new code when a function file changes', async () => {
    const before = service.pid;
    writeFileSync(path.join(functionsDir, 'echo', 'index.ts'), echoSource(2));
    const deadline = Date.now() + 30_000;
    let version = 1;
    while (version !== 2 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 200));
      version = await call('echo')
        .then((r) => r.json() as Promise<{ version: number }>)
        .then((b) => b.version)
        .catch(() => 1);
    }
    expect(version).toBe(2);
    expect(service.pid).not.toBe(before);
    expect(before !== undefined && isAlive(before)).toBe(false);
  }, 40_000);

  it('leaves no Deno process behind once stopped', async () => {
    const pid = service.pid;
    expect(pid !== undefined && isAlive(pid)).toBe(true);
    await service.stop();
    expect(isAlive(pid as number)).toBe(false);
    await expect(call('echo')).rejects.toThrow();
  });
});
