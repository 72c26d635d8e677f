// The CLI against the running test stack (npm test starts it before the integration suite).
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig, repoRoot } from './config.ts';

const run = promisify(execFile);
const cli = path.join(repoRoot, 'tools', 'local-stack', 'src', 'cli.ts');
const config = loadConfig('test');

describe('local stack CLI', () => {
  it('says a stack is already running instead of starting a second one', async () => {
    const { stdout } = await run(process.execPath, [cli, 'start', '--profile', 'test'], { cwd: repoRoot });
    expect(stdout).toMatch(/already running \(pid \d+\)/);
  });

  it('prints the running stack’s URLs and keys as JSON, like `supabase status -o json`', async () => {
    const { stdout } = await run(process.execPath, [cli, 'status', '--profile', 'test', '--json'], { cwd: repoRoot });
    const status = JSON.parse(stdout) as Record<string, string>;
    expect(status).toMatchObject({
      API_URL: config.apiUrl,
      DB_URL: config.dbUrl('postgres'),
      ANON_KEY: config.anonKey,
      SERVICE_ROLE_KEY: config.serviceRoleKey,
      JWT_SECRET: config.jwtSecret,
    });
  });

  it('serves an empty profiles list to the anon key, as a fresh project does', async () => {
    const res = await fetch(`${config.apiUrl}/rest/v1/profiles?select=id&id=eq.00000000-0000-0000-0000-000000000000`, {
      headers: { apikey: config.anonKey },
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual([]);
  });
});
