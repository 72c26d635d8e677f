// `npm test`: every check the project has, in one command. Static checks and unit tests first,
// then one test-profile stack (own ports and data, so it runs beside `npm start`) serves the
// integration and end-to-end suites. Ends with a line counting every test that ran.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { loadConfig, repoRoot } from './config.ts';
import { startStack, type Stack } from './stack.ts';
import {
  playwrightCounts,
  playwrightFailures,
  vitestCounts,
  vitestFailures,
  type Counts,
  type Failure,
  type PlaywrightReport,
  type VitestReport,
} from './test-reports.ts';

const reports = path.join(repoRoot, '.local', 'reports');
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

interface StepResult {
  name: string;
  ok: boolean;
  seconds: number;
  passed: number;
  failed: number;
}
const results: StepResult[] = [];
const failures: Failure[] = [];
const bin = (name: string) => path.join(repoRoot, 'node_modules', '.bin', name);

function exec(
  cmd: string,
  args: string[],
  env: Record<string, string> = {},
): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    let output = '';
    const child = spawn(cmd, args, {
      cwd: repoRoot,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    for (const s of [child.stdout, child.stderr]) {
      s.on('data', (d: Buffer) => {
        output += d.toString();
        process.stdout.write(d);
      });
    }
    child.on('exit', (code) => resolve({ code: code ?? 1, output }));
  });
}

function readReport<T>(file: string): T | null {
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as T) : null;
}

// Counts from a vitest JSON report; its failed tests join the summary's list.
function fromVitest(file: string): Counts {
  const report = readReport<VitestReport>(file);
  if (!report) return { passed: 0, failed: 0 };
  failures.push(...vitestFailures(report, repoRoot));
  return vitestCounts(report);
}

function fromPlaywright(file: string): Counts {
  const report = readReport<PlaywrightReport>(file);
  if (!report) return { passed: 0, failed: 0 };
  failures.push(...playwrightFailures(report));
  return playwrightCounts(report);
}

function denoCounts(output: string): { passed: number; failed: number } {
  // deno test ends with "ok | 5 passed | 0 failed" (or FAILED | ...), one line per invocation.
  let passed = 0;
  let failed = 0;
  for (const m of output.matchAll(/(\d+) passed(?: \(\d+ steps?\))? \| (\d+) failed/g)) {
    passed += Number(m[1]);
    failed += Number(m[2]);
  }
  return { passed, failed };
}

async function step(
  name: string,
  fn: () => Promise<{ code: number; passed?: number; failed?: number }>,
): Promise<boolean> {
  process.stdout.write(`\n\x1b[1m=== ${name} ===\x1b[0m\n`);
  const t0 = performance.now();
  let r: { code: number; passed?: number; failed?: number };
  try {
    r = await fn();
  } catch (err) {
    process.stdout.write(`${(err as Error).stack ?? String(err)}\n`);
    r = { code: 1 };
  }
  const ok = r.code === 0;
  results.push({
    name,
    ok,
    seconds: (performance.now() - t0) / 1000,
    passed: r.passed ?? 0,
    failed: r.failed ?? (ok ? 0 : 1),
  });
  return ok;
}

const nxEnv = { NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false' };

// CI checks for real: Nx's cache lives in the home folder and can outlive a clone.
const nxCache = process.env.CI ? ['--skip-nx-cache'] : [];
await step('lint and typecheck (nx)', () =>
  exec(bin('nx'), ['run-many', '-t', 'lint', 'typecheck', '--outputStyle=stream', ...nxCache], nxEnv),
);

await step('unit tests (vitest)', async () => {
  const out = path.join(reports, 'unit.json');
  const { code } = await exec(bin('vitest'), [
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${out}`,
  ]);
  return { code, ...fromVitest(out) };
});

await step('edge function tests (deno)', async () => {
  const { code, output } = await exec(process.execPath, ['tools/local-stack/src/functions/test.ts']);
  return { code, ...denoCounts(output) };
});

await step('generated database types are current', async () => {
  const { code } = await exec(process.execPath, ['tools/local-stack/src/cli.ts', 'types', '--check']);
  return { code, passed: code === 0 ? 1 : 0, failed: code === 0 ? 0 : 1 };
});

// Fast and without a database: run before db:lint, whose scratch database takes a while.
await step('landed migrations unchanged (npm run migrations:check)', async () => {
  const { code } = await exec(process.execPath, ['tools/db-lint/src/freeze-cli.ts', '--check']);
  return { code, passed: code === 0 ? 1 : 0, failed: code === 0 ? 0 : 1 };
});

await step('database lint (npm run db:lint)', async () => {
  const { code } = await exec(process.execPath, ['tools/db-lint/src/cli.ts']);
  return { code, passed: code === 0 ? 1 : 0, failed: code === 0 ? 0 : 1 };
});

await step('edge functions use the current libs/domain copy', async () => {
  const { code } = await exec(process.execPath, ['supabase/functions/_shared/sync-domain.ts', '--check']);
  return { code, passed: code === 0 ? 1 : 0, failed: code === 0 ? 0 : 1 };
});

const config = loadConfig('test');
let stack: Stack | null = null;
const started = await step('start the test stack', async () => {
  stack = await startStack(config, { fresh: true, onProgress: (l) => process.stdout.write(`  ${l}\n`) });
  process.stdout.write(`  stack up in ${(stack.startupMs / 1000).toFixed(1)} s (logs in .local/test/logs)\n`);
  return { code: 0 };
});

if (started) {
  const env = {
    CAREBOOK_PROFILE: 'test',
    E2E_BOOKING_URL: `http://${config.host}:${config.ports.booking}`,
    E2E_PRACTITIONER_URL: `http://${config.host}:${config.ports.practitioner}`,
    E2E_API_URL: config.apiUrl,
    E2E_INBOX_URL: config.inboxUrl,
  };
  await step('integration tests (vitest, against the stack)', async () => {
    const out = path.join(reports, 'integration.json');
    const { code } = await exec(
      bin('vitest'),
      [
        'run',
        '-c',
        'vitest.int.config.ts',
        '--reporter=default',
        '--reporter=json',
        `--outputFile.json=${out}`,
      ],
      env,
    );
    return { code, ...fromVitest(out) };
  });
  await step('end-to-end tests (playwright)', async () => {
    const out = path.join(reports, 'e2e.json');
    const { code } = await exec(
      bin('playwright'),
      ['test', '-c', 'apps/e2e/playwright.config.ts', '--reporter=list,json'],
      {
        ...env,
        PLAYWRIGHT_JSON_OUTPUT_NAME: out,
      },
    );
    return { code, ...fromPlaywright(out) };
  });
}
const running = stack as Stack | null;
if (running) await running.stop();

const failedSteps = results.filter((r) => !r.ok);
process.stdout.write('\n\x1b[1mSummary\x1b[0m\n');
for (const r of results) {
  const counts = r.passed || r.failed ? ` (${r.passed} passed, ${r.failed} failed)` : '';
  process.stdout.write(
    `  ${r.ok ? '\x1b[32mok  \x1b[0m' : '\x1b[31mFAIL\x1b[0m'} ${r.name}${counts} ${r.seconds.toFixed(1)} s\n`,
  );
}
if (failures.length) {
  process.stdout.write(`\n\x1b[1mFailed tests\x1b[0m\n`);
  for (const f of failures) process.stdout.write(`  \x1b[31m✗\x1b[0m ${f.test}\n      ${f.error}\n`);
}
if (failedSteps.length && !started) process.stdout.write(`  see .local/test/logs for the stack's logs\n`);
const passed = results.reduce((n, r) => n + r.passed, 0);
const failed = results.reduce((n, r) => n + r.failed, 0);
process.stdout.write(`\ntests: ${passed} passed, ${failed} failed\n`);
process.exit(failedSteps.length ? 1 : 0);
