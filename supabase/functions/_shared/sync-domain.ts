// Copies the pure rules of libs/domain/src into _shared/domain/, because `supabase functions
// deploy` bundles only what lives under supabase/functions (see docs/decisions/0004). A Node script,
// never imported by a function:
//   npm exec -- node supabase/functions/_shared/sync-domain.ts          rewrites the copy
//   npm exec -- node supabase/functions/_shared/sync-domain.ts --check  exits 1 when it is stale
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '../../..');
const sourceDir = path.join(repoRoot, 'libs', 'domain', 'src');
const targetDir = path.join(here, 'domain');
const script = path.relative(repoRoot, fileURLToPath(import.meta.url));

/**
 * Files that import npm packages no function needs (password-strength.ts: about 3 MB of
 * dictionaries). They stay out of the copy, and no copied file may import them.
 */
const NOT_COPIED = new Set(['password-strength.ts']);

/** Tests stay in libs/domain: the copy carries only what functions can import. */
const isShipped = (file: string) =>
  file.endsWith('.ts') && !/\.(spec|test)\.ts$/.test(file) && !NOT_COPIED.has(file);

function listTs(dir: string, keep: (file: string) => boolean): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((file) => file.split(path.sep).join('/'))
    .filter(keep)
    .sort();
}

/** Every import of a copied file must stay inside the copy, or Deno would not find it after deploy. */
function outsideImports(source: string): string[] {
  const specifiers = [...source.matchAll(/\b(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g)].map(
    (m) => m[1] ?? '',
  );
  return specifiers.filter(
    (s) => !/^\.\.?\/.*\.ts$/.test(s) || NOT_COPIED.has(s.replace(/^(\.\.?\/)+/, '')),
  );
}

function expectedCopy(): Map<string, string> {
  const files = new Map<string, string>();
  const problems: string[] = [];
  for (const file of listTs(sourceDir, isShipped)) {
    const source = readFileSync(path.join(sourceDir, file), 'utf8');
    for (const specifier of outsideImports(source))
      problems.push(`libs/domain/src/${file} imports "${specifier}"`);
    const header =
      `// GENERATED from libs/domain/src/${file} by ${script}: do not edit.\n` +
      `// Change libs/domain, then run \`npm exec -- node ${script}\`.\n`;
    files.set(file, header + source);
  }
  if (problems.length > 0) {
    throw new Error(`Only relative .ts imports can be copied for Deno:\n  ${problems.join('\n  ')}`);
  }
  return files;
}

const expected = expectedCopy();
const actual = new Map(
  listTs(targetDir, (f) => f.endsWith('.ts')).map((f) => [f, readFileSync(path.join(targetDir, f), 'utf8')]),
);
const stale = [...new Set([...expected.keys(), ...actual.keys()])]
  .filter((file) => expected.get(file) !== actual.get(file))
  .sort();

if (process.argv.includes('--check')) {
  if (stale.length > 0) {
    process.stderr.write(
      `supabase/functions/_shared/domain is stale (${stale.join(', ')}).\n` +
        `Run: npm exec -- node ${script}\n`,
    );
    process.exit(1);
  }
  process.stdout.write(
    `supabase/functions/_shared/domain matches libs/domain/src (${expected.size} files)\n`,
  );
} else {
  for (const file of stale) {
    const target = path.join(targetDir, file);
    const content = expected.get(file);
    if (content === undefined) {
      rmSync(target);
    } else {
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(target, content);
    }
  }
  process.stdout.write(
    `supabase/functions/_shared/domain: ${stale.length} of ${expected.size} files rewritten\n`,
  );
}
