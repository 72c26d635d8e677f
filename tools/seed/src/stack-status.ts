// The running stack's URLs and keys, asked from the stack's own `status --json` command (like
// `supabase status -o json`). Going through the command instead of importing @carebook/local-stack
// keeps this tool free of a dependency on the stack, which itself imports the seed.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify, stripVTControlCharacters } from 'node:util';

export type Profile = 'dev' | 'test';

export interface StackStatus {
  apiUrl: string;
  dbUrl: string;
  anonKey: string;
  serviceRoleKey: string;
}

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const stackCli = path.join(repoRoot, 'tools', 'local-stack', 'src', 'cli.ts');

/** Fails with the stack's own message when no stack of that profile is running. */
export async function stackStatus(profile: Profile): Promise<StackStatus> {
  let stdout: string;
  try {
    ({ stdout } = await promisify(execFile)(
      process.execPath,
      [stackCli, 'status', '--json', '--profile', profile],
      {
        cwd: repoRoot,
        env: process.env,
      },
    ));
  } catch (err) {
    const stderr = stripVTControlCharacters((err as { stderr?: string }).stderr ?? '').trim();
    throw new Error(stderr || `could not read the ${profile} stack's status: ${(err as Error).message}`, {
      cause: err,
    });
  }
  const s = JSON.parse(stdout) as Record<string, string>;
  const get = (key: string): string => {
    const v = s[key];
    if (!v) throw new Error(`the stack's status has no ${key}`);
    return v;
  };
  return {
    apiUrl: get('API_URL'),
    dbUrl: get('DB_URL'),
    anonKey: get('ANON_KEY'),
    serviceRoleKey: get('SERVICE_ROLE_KEY'),
  };
}
