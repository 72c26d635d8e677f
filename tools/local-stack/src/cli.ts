// `npm start | stop | status | db:reset | types`: the commands a developer types.
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { loadConfig, repoRoot, type Profile, type StackConfig } from './config.ts';
import type { Stack } from './stack.ts';
import { isAlive, readState } from './state.ts';
import { startPostgres, SUPERUSER } from './postgres.ts';
import { bootstrap } from './bootstrap.ts';
import { migrate, runSeed } from './migrate.ts';
import { committedTypes, generateTypes, typesFile } from './types.ts';

// A developer's overrides (see .env.example); never required.
if (existsSync(path.join(repoRoot, '.env'))) process.loadEnvFile(path.join(repoRoot, '.env'));

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    profile: { type: 'string', default: 'dev' },
    json: { type: 'boolean', default: false },
    check: { type: 'boolean', default: false },
    'no-apps': { type: 'boolean', default: false },
    quiet: { type: 'boolean', default: false },
  },
});
const command = positionals[0] ?? 'start';
const profile = values.profile as Profile;
if (profile !== 'dev' && profile !== 'test') fail(`unknown profile "${profile}" (dev or test)`);
const config = loadConfig(profile, { withApps: !values['no-apps'] });

function fail(message: string): never {
  process.stderr.write(`\x1b[31m${message}\x1b[0m\n`);
  process.exit(1);
}

export function statusJson(c: StackConfig): Record<string, string> {
  // The keys `supabase status -o json` prints, plus our apps.
  return {
    API_URL: c.apiUrl,
    REST_URL: `${c.apiUrl}/rest/v1`,
    STORAGE_URL: `${c.apiUrl}/storage/v1`,
    FUNCTIONS_URL: `${c.apiUrl}/functions/v1`,
    DB_URL: c.dbUrl('postgres'),
    INBUCKET_URL: c.inboxUrl,
    MAILPIT_URL: c.inboxUrl,
    JWT_SECRET: c.jwtSecret,
    ANON_KEY: c.anonKey,
    SERVICE_ROLE_KEY: c.serviceRoleKey,
    BOOKING_URL: `http://${c.host}:${c.ports.booking}`,
    PRACTITIONER_URL: `http://${c.host}:${c.ports.practitioner}`,
  };
}

function printBanner(stack: Stack): void {
  const s = statusJson(stack.config);
  const b = (t: string) => `\x1b[1m${t}\x1b[0m`;
  const lines = [
    '',
    b(`Carebook local stack (${stack.config.profile}) started in ${(stack.startupMs / 1000).toFixed(1)} s`),
    '',
    `  Booking app        ${s.BOOKING_URL}`,
    `  Practitioner app   ${s.PRACTITIONER_URL}   (staff area: /staff)`,
    `  Inbox (e-mail/SMS) ${s.INBUCKET_URL}`,
    `  API URL            ${s.API_URL}`,
    `  REST               ${s.REST_URL}`,
    `  Functions          ${s.FUNCTIONS_URL}`,
    `  Database           ${s.DB_URL}`,
    '',
    `  JWT secret         ${s.JWT_SECRET}`,
    `  anon key           ${s.ANON_KEY}`,
    `  service_role key   ${s.SERVICE_ROLE_KEY}`,
    '',
  ];
  if (stack.demoAccounts.length) {
    lines.push(b('  Demo accounts'));
    for (const a of stack.demoAccounts) lines.push(`    ${a.role.padEnd(13)} ${a.email.padEnd(34)} ${a.password}   (${a.app} app)`);
    lines.push('');
  }
  lines.push(`  Logs in .local/${stack.config.profile}/logs. Press Ctrl-C to stop everything.`, '');
  process.stdout.write(lines.join('\n') + '\n');
}

async function start(): Promise<void> {
  // Loaded here so that `types` and `db-reset` need none of the servers' modules.
  const { AlreadyRunningError, startStack } = await import('./stack.ts');
  let stack: Stack;
  try {
    stack = await startStack(config, {
      demo: profile === 'dev',
      echoLogs: profile === 'dev' && !values.quiet,
      onProgress: (l) => process.stdout.write(`  ${l}\n`),
    });
  } catch (err) {
    if (err instanceof AlreadyRunningError) {
      process.stdout.write(`${err.message}\n`);
      process.exit(0);
    }
    fail(`Could not start the stack: ${(err as Error).message}`);
  }
  printBanner(stack);
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    process.stdout.write(`\n${signal}: stopping every part of the stack...\n`);
    await stack.stop();
    process.stdout.write('Stopped.\n');
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGHUP', () => void shutdown('SIGHUP'));
}

async function status(): Promise<void> {
  const state = readState(config);
  const running = !!state && isAlive(state.pid);
  if (values.json) {
    if (!running) fail(`no ${profile} stack is running (start it with npm start)`);
    process.stdout.write(JSON.stringify(statusJson(config), null, 2) + '\n');
    return;
  }
  if (!running) {
    process.stdout.write(`No ${profile} stack is running. Start it with \`npm start\`.\n`);
    process.exitCode = 1;
    return;
  }
  process.stdout.write(`Carebook ${profile} stack running since ${state.startedAt} (pid ${state.pid})\n`);
  for (const [k, v] of Object.entries(statusJson(config))) process.stdout.write(`  ${k.padEnd(18)} ${v}\n`);
}

async function stop(): Promise<void> {
  const state = readState(config);
  if (!state || !isAlive(state.pid)) {
    process.stdout.write(`No ${profile} stack is running.\n`);
    return;
  }
  process.kill(state.pid, 'SIGTERM');
  const deadline = Date.now() + 30_000;
  while (isAlive(state.pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  process.stdout.write(isAlive(state.pid) ? `The stack (pid ${state.pid}) did not stop within 30 s.\n` : 'Stopped.\n');
}

/** Rebuilds the database from migrations and seed, whether or not the stack is running. */
async function dbReset(): Promise<void> {
  const state = readState(config);
  const running = !!state && isAlive(state.pid);
  const log = (l: string) => process.stdout.write(`  ${l}\n`);
  const pgService = running ? null : await startPostgres(config, () => undefined);
  try {
    const admin = new pg.Client({ connectionString: config.dbUrl(SUPERUSER).replace(/\/postgres$/, '/template1') });
    await admin.connect();
    await admin.query('drop database if exists postgres with (force)');
    await admin.query('create database postgres');
    await admin.end();
    await bootstrap(config);
    const n = await migrate(config, log);
    await runSeed(config, log);
    // Object bytes without their rows would be orphans: storage starts empty too.
    rmSync(config.dirs.storage, { recursive: true, force: true });
    const { syncBucketsFromConfig } = await import('./storage/index.ts');
    await syncBucketsFromConfig(config);
    if (running && profile === 'dev') {
      // The running stack would otherwise lack the demo data and accounts its banner printed.
      const { seed } = await import('@carebook/seed');
      await seed(config, 'small', () => undefined);
    }
    process.stdout.write(`Database rebuilt: ${n} migration(s) applied${running ? ' (the running stack reconnects by itself)' : ''}.\n`);
  } finally {
    await pgService?.stop();
  }
}

async function types(): Promise<void> {
  const generated = await generateTypes();
  if (values.check) {
    if (generated !== committedTypes()) fail(`${typesFile} is stale: run \`npm run types\` and commit the result.`);
    process.stdout.write('Database types are up to date.\n');
    return;
  }
  writeFileSync(typesFile, generated);
  process.stdout.write(`Wrote ${typesFile}\n`);
}

const commands: Record<string, () => Promise<void>> = { start, stop, status, 'db-reset': dbReset, types };
const run = commands[command];
if (!run) fail(`unknown command "${command}" (start, stop, status, db-reset, types)`);
await run().catch((err: Error) => fail(err.message));
