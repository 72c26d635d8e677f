import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.ts';
import { discoverFunctions } from './functions-config.ts';
import { functionEnv } from './function-env.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function project(files: Record<string, string>): { functionsDir: string; configToml: string } {
  const root = mkdtempSync(path.join(tmpdir(), 'carebook-functions-'));
  dirs.push(root);
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), content);
  }
  return { functionsDir: path.join(root, 'functions'), configToml: path.join(root, 'config.toml') };
}

describe('discoverFunctions', () => {
  it('finds <slug>/index.ts for valid slugs only, with verify_jwt from config.toml (default on)', () => {
    const { functionsDir, configToml } = project({
      'config.toml': '[functions.webhook]\nverify_jwt = false\n[functions.health]\nverify_jwt = true\n',
      'functions/health/index.ts': '',
      'functions/webhook/index.ts': '',
      'functions/plain/index.ts': '',
      'functions/_shared/index.ts': '',
      'functions/1bad/index.ts': '',
      'functions/no-entry/handler.ts': '',
    });
    const found = discoverFunctions(functionsDir, configToml);
    expect(found.map((f) => [f.slug, f.verifyJwt])).toEqual([
      ['health', true],
      ['plain', true],
      ['webhook', false],
    ]);
    expect(found[0]?.entrypoint).toBe(`file://${functionsDir}/health/index.ts`);
  });

  it('defaults every function to verify_jwt when there is no config.toml', () => {
    const { functionsDir, configToml } = project({ 'functions/health/index.ts': '' });
    expect(discoverFunctions(functionsDir, configToml)).toMatchObject([{ slug: 'health', verifyJwt: true }]);
  });
});

describe('functionEnv', () => {
  const config = loadConfig('test');

  it('injects what Supabase injects, which the secrets file cannot override', () => {
    const { functionsDir } = project({
      'functions/.env': 'BREVO_API_KEY=from-dot-env\nSUPABASE_URL=http://elsewhere\n',
      'functions/.env.example': 'BREVO_API_KEY=from-example\n',
    });
    const { env, source, skipped } = functionEnv(config, functionsDir, '/tmp/deno');
    expect(source).toBe(path.join(functionsDir, '.env'));
    expect(skipped).toEqual(['SUPABASE_URL']);
    expect(env).toMatchObject({
      BREVO_API_KEY: 'from-dot-env',
      BREVO_API_URL: `${config.fakesUrl}/brevo/v3`,
      GOOGLE_PLACES_API_URL: `${config.fakesUrl}/google/places`,
      SUPABASE_URL: config.apiUrl,
      SUPABASE_ANON_KEY: config.anonKey,
      SUPABASE_SERVICE_ROLE_KEY: config.serviceRoleKey,
      SUPABASE_DB_URL: config.dbUrl('postgres'),
      DENO_DIR: '/tmp/deno',
    });
  });

  it('falls back to .env.example, and lets it point Brevo elsewhere', () => {
    const { functionsDir } = project({
      'functions/.env.example': 'BREVO_API_URL=https://api.brevo.com/v3\n',
    });
    const { env, source } = functionEnv(config, functionsDir, '/tmp/deno');
    expect(source).toBe(path.join(functionsDir, '.env.example'));
    expect(env.BREVO_API_URL).toBe('https://api.brevo.com/v3');
  });
});
