// Runs the edge functions' own checks with the Deno the repo installs: `deno check` on every
// function's entry point (its imports and types, as `supabase functions deploy` will bundle them),
// then `deno test` on every *.test.ts under supabase/functions. Works from any folder:
//   node tools/local-stack/src/functions/test.ts        (the supabase project's `test` target)
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { repoRoot } from '../config.ts';
import { denoBinary } from './deno-binary.ts';
import { discoverFunctions } from './functions-config.ts';

const functionsDir = path.join(repoRoot, 'supabase', 'functions');
const deno = denoBinary();
// The cache the functions runner uses too (outside .local/<profile>, which a fresh test stack wipes).
const env = {
  ...process.env,
  DENO_DIR: path.join(repoRoot, '.local', 'deno'),
  DENO_NO_UPDATE_CHECK: '1',
  DENO_TLS_CA_STORE: process.env.DENO_TLS_CA_STORE ?? 'system,mozilla',
};
const common = ['--node-modules-dir=none', '--no-lock', '--config', path.join(functionsDir, 'deno.json')];

function step(args: string[]): void {
  const result = spawnSync(deno, args, { cwd: repoRoot, env, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const entrypoints = discoverFunctions(functionsDir, path.join(repoRoot, 'supabase', 'config.toml')).map((f) =>
  path.join(functionsDir, f.slug, 'index.ts'),
);
if (entrypoints.length > 0) step(['check', ...common, ...entrypoints]);
step(['test', ...common, '--allow-env', '--no-prompt', functionsDir]);
