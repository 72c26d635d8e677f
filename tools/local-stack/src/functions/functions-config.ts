// Which functions exist and how each is served: every supabase/functions/<slug>/index.ts whose
// slug the Supabase CLI accepts (so `_shared` never is one), with verify_jwt from config.toml.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse } from 'smol-toml';

export const SLUG = /^[A-Za-z][A-Za-z0-9_-]*$/;

export interface FunctionSpec {
  slug: string;
  /** file:// URL of its index.ts, what the Deno server imports. */
  entrypoint: string;
  verifyJwt: boolean;
}

/** `[functions.<slug>] verify_jwt = false` turns the check off; it is on by default, as on Supabase. */
export function readVerifyJwt(configToml: string): Map<string, boolean> {
  const result = new Map<string, boolean>();
  if (!existsSync(configToml)) return result;
  const parsed = parse(readFileSync(configToml, 'utf8')) as {
    functions?: Record<string, { verify_jwt?: unknown }>;
  };
  for (const [slug, settings] of Object.entries(parsed.functions ?? {})) {
    if (typeof settings?.verify_jwt === 'boolean') result.set(slug, settings.verify_jwt);
  }
  return result;
}

export function discoverFunctions(functionsDir: string, configToml: string): FunctionSpec[] {
  if (!existsSync(functionsDir)) return [];
  const verify = readVerifyJwt(configToml);
  return readdirSync(functionsDir, { withFileTypes: true })
    .filter(
      (e) => e.isDirectory() && SLUG.test(e.name) && existsSync(path.join(functionsDir, e.name, 'index.ts')),
    )
    .map((e) => e.name)
    .sort()
    .map((slug) => ({
      slug,
      entrypoint: pathToFileURL(path.join(functionsDir, slug, 'index.ts')).href,
      verifyJwt: verify.get(slug) ?? true,
    }));
}
