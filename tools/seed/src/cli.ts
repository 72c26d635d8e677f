// `npm run seed -- --scale small|large [--seed 42] [--profile dev|test]`: seeds the running stack.
import { parseArgs } from 'node:util';
import type { Scale } from './generate.ts';
import { formatReport } from './report.ts';
import { DEFAULT_SEED, seed } from './seed.ts';
import { stackStatus, type Profile } from './stack-status.ts';

function fail(message: string): never {
  process.stderr.write(`\x1b[31m${message}\x1b[0m\n`);
  process.exit(1);
}

const { values } = parseArgs({
  options: {
    scale: { type: 'string', default: 'small' },
    seed: { type: 'string', default: String(DEFAULT_SEED) },
    profile: { type: 'string', default: 'dev' },
  },
});
const scale = values.scale as Scale;
const profile = values.profile as Profile;
if (scale !== 'small' && scale !== 'large') fail(`unknown scale "${values.scale}" (small or large)`);
if (profile !== 'dev' && profile !== 'test') fail(`unknown profile "${values.profile}" (dev or test)`);
if (!/^\d{1,9}$/.test(values.seed)) fail(`--seed takes a whole number, got "${values.seed}"`);

try {
  const status = await stackStatus(profile);
  const report = await seed(
    { dbUrl: () => status.dbUrl },
    scale,
    (line) => process.stdout.write(`  ${line}\n`),
    {
      seed: Number(values.seed),
    },
  );
  process.stdout.write(formatReport(report));
} catch (err) {
  fail((err as Error).message);
}
