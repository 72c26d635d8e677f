// `npm run bench`: starts its own test stack (fresh, ports shifted by --port-offset), seeds the
// large data set, then measures slots, search, the patient list and booking through the gateway
// and the real PostgREST. Prints each run, a target table (PASS/MISS, never a failing exit for a
// miss) and, for misses, the query plans of the SQL behind them. Stops the stack at the end.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { loadConfig, repoRoot, startStack, type Stack } from '@carebook/local-stack';
import { seed } from '@carebook/seed';
import { runLoad } from './load.ts';
import { withMachineLoad } from './machine.ts';
import { notifyBench, type NotifyBenchResult } from './notify-bench.ts';
import { stripeBench, type StripeBenchResult } from './stripe-bench.ts';
import { googleBench } from './google-bench.ts';
import { homecareBench } from './homecare-bench.ts';
import { capturePlans } from './plans.ts';
import {
  formatFunctionTimings,
  formatLevers,
  formatRuns,
  formatSqlTimings,
  formatVerdicts,
  passes,
  type ScenarioResult,
} from './report.ts';
import {
  bookingScenario,
  calendarScenario,
  patientsScenario,
  searchScenarios,
  searchPageScenarios,
  slotsScenario,
  type BenchContext,
  type Scenario,
} from './scenarios.ts';
import {
  createSlotWorkload,
  functionTimings,
  slotWorkloadScenarios,
  sqlTimings,
  type FunctionTiming,
  type SqlTiming,
} from './slot-workload.ts';
import { grouped, interleavedPart, summarize } from './stats.ts';

const { values } = parseArgs({
  options: {
    'port-offset': { type: 'string', default: '800' },
    concurrency: { type: 'string', default: '4' },
    seconds: { type: 'string', default: '10' },
    'warmup-seconds': { type: 'string', default: '3' },
    'booking-clients': { type: 'string', default: '16' },
    'bookings-per-client': { type: 'string', default: '200' },
    // SQL run as postgres after seeding: tries a fix (an index, a replaced function) before it
    // becomes a migration.
    apply: { type: 'string' },
    // Only the slot workload of issue 9, without the large data set (about 30 s instead of minutes).
    'slots-only': { type: 'boolean', default: false },
    // Only the notify run of issue 10 (10,000 reminders drained through the Brevo fake).
    'notify-only': { type: 'boolean', default: false },
    'notify-reminders': { type: 'string', default: '10000' },
    'notify-parallel': { type: 'string', default: '4' },
    'notify-batch': { type: 'string', default: '100' },
    // Only the calendar's week view of issue 13 (large data set, then that one scenario).
    'calendar-only': { type: 'boolean', default: false },
    // Only the Stripe webhook run of issue 11 (about 1,000 deliveries of the fake's events).
    'stripe-only': { type: 'boolean', default: false },
    'stripe-appointments': { type: 'string', default: '180' },
    'stripe-subscriptions': { type: 'string', default: '6' },
    'stripe-deliveries': { type: 'string', default: '1000' },
    'stripe-clients': { type: 'string', default: '4' },
    'stripe-seed': { type: 'string', default: '11' },
    // Only the Google Calendar run of issue 15 (an incremental sync of 1,000 changed events).
    'google-only': { type: 'boolean', default: false },
    'google-events': { type: 'string', default: '1000' },
    // Only the home-care run of issue 16 (2,000 nurses, candidates through the gateway, rounds).
    'homecare-only': { type: 'boolean', default: false },
    'homecare-practitioners': { type: 'string', default: '2000' },
    // The target is stated for one request at a time: one keep-alive client by default.
    'homecare-clients': { type: 'string', default: '1' },
  },
});

function whole(name: keyof typeof values, min: number): number {
  const v = Number(values[name]);
  if (!Number.isInteger(v) || v < min) {
    process.stderr.write(`--${name} takes a whole number of at least ${min}, got "${values[name]}"\n`);
    process.exit(2);
  }
  return v;
}

// At least 100: offset 0 is the test stack `npm test` runs, whose data a fresh start would delete.
// A multiple of 50: a stack's ports span 16 (54321..54336 shifted), so a bench at a helper's
// test offset + 50 (the rule when several work on one machine) never meets that test stack.
const offset = whole('port-offset', 100);
// A stack uses 16 ports from its base, so stacks 50 apart never share one (helpers run their
// benchmark at their test stack's offset + 50).
if (offset % 50 !== 0) {
  process.stderr.write('--port-offset must be a multiple of 50\n');
  process.exit(2);
}
// Before loadConfig: it derives every port and the data folder from it.
process.env.CAREBOOK_TEST_PORT_OFFSET = String(offset);
const config = loadConfig('test', { withApps: false });
const outDir = path.join(repoRoot, '.local', 'bench');
const say = (line = '') => process.stdout.write(`${line}\n`);

let stack: Stack | null = null;
let stopping: Promise<void> | null = null;
/** Stops the stack once, whoever asks first (Ctrl-C during a run, then the run's own failure). */
async function shutdown(code: number): Promise<never> {
  stopping ??= (stack?.stop() ?? Promise.resolve()).catch(() => undefined);
  await stopping;
  process.exit(code);
}
for (const [signal, code] of [
  ['SIGINT', 130],
  ['SIGTERM', 143],
] as const) {
  process.on(signal, () => {
    say(`\n${signal}: stopping the benchmark's stack...`);
    void shutdown(code);
  });
}

/** One result per scenario, or per part of a scenario whose requests alternate between parts. */
async function measure(scenario: Scenario, concurrency: number): Promise<ScenarioResult[]> {
  const baseUrl = scenario.baseUrl ?? config.apiUrl;
  if (scenario.warmup.some((l) => l.length > 0)) {
    await runLoad({ baseUrl, clients: scenario.warmup, seconds: scenario.warmupSeconds });
  }
  const run = () => runLoad({ baseUrl, clients: scenario.clients, seconds: scenario.seconds });
  const { value: measured, avg1, cpuBusy } = await withMachineLoad(run);
  const load = { avg1, cpuBusy };
  const group = (o: typeof measured) => (scenario.group ? grouped(o, scenario.group) : o);
  const parts = scenario.parts
    ? scenario.parts.map((p, i) => ({
        ...p,
        outcome: group(interleavedPart(measured, i, scenario.parts!.length, scenario.group ?? 1)),
      }))
    : [
        {
          name: scenario.name,
          target: scenario.target,
          outcome: group(measured),
        },
      ];
  return parts.map(({ name, target, outcome }) => {
    const summary = summarize(outcome);
    say(
      `  ${name}: ${summary.requests} ${scenario.group ? 'views' : 'requests'}, ${summary.throughput.toFixed(0)}/s, ` +
        `p50 ${summary.p50.toFixed(2)} ms, p95 ${summary.p95.toFixed(2)} ms, p99 ${summary.p99.toFixed(2)} ms, ` +
        `409 ${summary.conflicts}, errors ${summary.errors} (load ${avg1.toFixed(2)}, cpu ${Math.round(cpuBusy * 100)}%)`,
    );
    for (const sample of outcome.samples) say(`    error: ${sample}`);
    return { name, concurrency, target, summary, load };
  });
}

async function main(): Promise<void> {
  const loadAverages = os.loadavg().map((l) => l.toFixed(2));
  say(`Carebook benchmark: ${os.cpus().length} cores, load average ${loadAverages.join(' ')} before start`);
  stack = await startStack(config, { fresh: true, onProgress: (l) => say(`  ${l}`) });
  say(
    `  stack up in ${(stack.startupMs / 1000).toFixed(1)} s (${config.apiUrl}, data in ${path.relative(repoRoot, config.dirs.root)})`,
  );

  const notifyOptions = {
    reminders: whole('notify-reminders', 1),
    parallel: whole('notify-parallel', 1),
    batchSize: whole('notify-batch', 1),
  };
  const stripeOptions = {
    appointments: whole('stripe-appointments', 20),
    subscriptions: whole('stripe-subscriptions', 1),
    deliveries: whole('stripe-deliveries', 1),
    clients: whole('stripe-clients', 1),
    seed: whole('stripe-seed', 0),
  };
  if (values['google-only']) {
    const db = new pg.Client({ connectionString: config.dbUrl('postgres') });
    db.on('error', () => undefined);
    await db.connect();
    try {
      const google = await googleBench(db, config, { events: whole('google-events', 1) }, say);
      mkdirSync(outDir, { recursive: true });
      writeFileSync(
        path.join(outDir, 'google-results.json'),
        JSON.stringify({ at: new Date().toISOString(), cores: os.cpus().length, google }, null, 2),
      );
      say(`\nResults in ${path.relative(repoRoot, path.join(outDir, 'google-results.json'))}`);
    } finally {
      await db.end();
    }
    return;
  }
  if (values['stripe-only']) {
    const db = new pg.Client({ connectionString: config.dbUrl('postgres') });
    db.on('error', () => undefined);
    await db.connect();
    try {
      const stripe = await stripeBench(db, config, stripeOptions, say);
      mkdirSync(outDir, { recursive: true });
      writeFileSync(
        path.join(outDir, 'stripe-results.json'),
        JSON.stringify({ at: new Date().toISOString(), cores: os.cpus().length, stripe }, null, 2),
      );
      say(`\nResults in ${path.relative(repoRoot, path.join(outDir, 'stripe-results.json'))}`);
    } finally {
      await db.end();
    }
    return;
  }
  if (values['homecare-only']) {
    const db = new pg.Client({ connectionString: config.dbUrl('postgres') });
    db.on('error', () => undefined);
    await db.connect();
    try {
      const homecare = await homecareBench(
        db,
        config,
        {
          practitioners: whole('homecare-practitioners', 10),
          seconds: whole('seconds', 1),
          concurrency: whole('homecare-clients', 1),
        },
        say,
      );
      mkdirSync(outDir, { recursive: true });
      writeFileSync(
        path.join(outDir, 'homecare-results.json'),
        JSON.stringify({ at: new Date().toISOString(), cores: os.cpus().length, homecare }, null, 2),
      );
      say(`\nResults in ${path.relative(repoRoot, path.join(outDir, 'homecare-results.json'))}`);
    } finally {
      await db.end();
    }
    return;
  }
  if (values['notify-only']) {
    const db = new pg.Client({ connectionString: config.dbUrl('postgres') });
    db.on('error', () => undefined);
    await db.connect();
    try {
      const notify = await notifyBench(db, config, notifyOptions, say);
      mkdirSync(outDir, { recursive: true });
      writeFileSync(
        path.join(outDir, 'notify-results.json'),
        JSON.stringify({ at: new Date().toISOString(), cores: os.cpus().length, notify }, null, 2),
      );
      say(`\nResults in ${path.relative(repoRoot, path.join(outDir, 'notify-results.json'))}`);
    } finally {
      await db.end();
    }
    return;
  }

  const slotsOnly = values['slots-only'] ?? false;
  const calendarOnly = values['calendar-only'] ?? false;
  const report = slotsOnly ? null : await seed(config, 'large', (l) => say(`  seed: ${l}`));
  if (report) {
    say(
      `  seeded large in ${report.seconds.toFixed(1)} s: ${report.present.appointments} appointments, ` +
        `${report.present.practitioners} practitioners (${report.published} published), ${report.present.users} users`,
    );
  }

  const db = new pg.Client({ connectionString: config.dbUrl('postgres') });
  // Ctrl-C stops the server under it: the running query fails, the process must not crash.
  db.on('error', () => undefined);
  await db.connect();
  const results: ScenarioResult[] = [];
  // The scenario each result comes from (a scenario with parts gives several results).
  const sources: Scenario[] = [];
  const scenarios: Scenario[] = [];
  try {
    if (values.apply) {
      // npm runs scripts from the root; the path is the caller's, relative to where they typed it.
      await db.query(readFileSync(path.resolve(process.env.INIT_CWD ?? process.cwd(), values.apply), 'utf8'));
      say(`  applied ${values.apply}`);
    }
    const ctx: BenchContext = {
      db,
      anonKey: config.anonKey,
      jwtSecret: config.jwtSecret,
      concurrency: whole('concurrency', 1),
      seconds: whole('seconds', 1),
      warmupSeconds: whole('warmup-seconds', 0),
      bookingClients: whole('booking-clients', 1),
      bookingsPerClient: whole('bookings-per-client', 1),
    };
    const now = new Date();
    if (calendarOnly) {
      await db.query('analyze');
      // Issue 13's two reads: the patient list beside the calendar, both measured under the same load.
      const patients = await patientsScenario(ctx);
      const calendar = await calendarScenario(ctx);
      say(
        `  calendar of practitioner ${calendar.practitioner.id}: ${calendar.practitioner.weeks} busiest weeks, ${calendar.practitioner.perWeek} appointments in the busiest\n`,
      );
      const calendarResults = [...(await measure(patients, ctx.concurrency)), ...(await measure(calendar, ctx.concurrency))];
      // Time inside Postgres, whatever the verdict: tells the database's share from the HTTP path's.
      const plans = await capturePlans(config.dbUrl('supabase_admin'), calendar.plan);
      say(`\nInside Postgres (auto_explain, one run as the practitioner), slowest statements:\n`);
      for (const p of plans.slice(0, 2)) say(`-- ${p.durationMs.toFixed(3)} ms\n${p.text}\n`);
      say('\nRuns (latencies in ms, through the gateway):\n');
      say(formatRuns(calendarResults));
      say('\nTargets:\n');
      say(formatVerdicts(calendarResults));
      mkdirSync(outDir, { recursive: true });
      writeFileSync(
        path.join(outDir, 'calendar-results.json'),
        JSON.stringify({ at: new Date().toISOString(), cores: os.cpus().length, seed: report, results: calendarResults }, null, 2),
      );
      say(`\nResults in ${path.relative(repoRoot, path.join(outDir, 'calendar-results.json'))}`);
      return;
    }
    // The slot workload of issue 9, and the old computations beside the current one: before issue
    // 9 (sql/slots-before.sql), before its speed work (slots-days-before.sql), each lever's step.
    const workload = await createSlotWorkload(db, now);
    for (const file of ['slots-before.sql', 'slots-days-before.sql', 'slots-levers-before.sql']) {
      await db.query(readFileSync(new URL(`./sql/${file}`, import.meta.url), 'utf8'));
    }
    // Planner statistics for the freshly loaded tables, as autovacuum would gather soon after.
    await db.query('analyze');
    // PostgREST reloads its schema cache (to see the "before" function) asynchronously.
    await new Promise((r) => setTimeout(r, 1500));
    say(
      `  slot workload: practitioner ${workload.practitionerId}, ${workload.from} to ${workload.to}, clock change ${workload.clockChange}`,
    );
    const slotScenarios = slotWorkloadScenarios(ctx, workload, config.ports.postgrest);
    // Single-client latency: one keep-alive client, as the targets are stated.
    const singleClient = new Set(slotScenarios);
    let booking: Awaited<ReturnType<typeof bookingScenario>> | null = null;
    if (!slotsOnly) {
      const patients = await patientsScenario(ctx);
      say(
        `  patient list of practitioner ${patients.practitioner.id}: ${patients.practitioner.patients} patients, ${patients.practitioner.appointments} appointments`,
      );
      const calendar = await calendarScenario(ctx);
      say(
        `  calendar of practitioner ${calendar.practitioner.id}: ${calendar.practitioner.weeks} busiest weeks, ${calendar.practitioner.perWeek} appointments in the busiest`,
      );
      booking = await bookingScenario(ctx, now);
      say(
        `  booking: ${booking.bookings} distinct slots over ${booking.clients[0]!.length} practitioners, ${ctx.bookingClients} patients`,
      );
      // Reads first, on the data as seeded; booking last, since it changes it.
      scenarios.push(
        await slotsScenario(ctx, now),
        ...searchScenarios(ctx),
        ...searchPageScenarios(ctx),
        patients,
        calendar,
      );
    }
    scenarios.push(...slotScenarios);
    if (booking) scenarios.push(booking);
    say();
    for (const s of scenarios) {
      const concurrency = s === booking ? ctx.bookingClients : singleClient.has(s) ? 1 : ctx.concurrency;
      for (const r of await measure(s, concurrency)) {
        results.push(r);
        sources.push(s);
      }
    }
    // Last: it adds 10,000 appointments and their reminders.
    const notify: NotifyBenchResult | null = slotsOnly
      ? null
      : await notifyBench(db, config, notifyOptions, say);
    // After notify: its own practitioners and patients, on days the others leave free.
    const stripe: StripeBenchResult | null = slotsOnly
      ? null
      : await stripeBench(db, config, stripeOptions, say);
    const overlaps = await db.query<{ n: number }>(
      `select count(*)::int as n from public.appointments a join public.appointments b
          on a.practitioner_id = b.practitioner_id and a.id < b.id and a.blocked && b.blocked
       where a.status in ('held', 'confirmed') and b.status in ('held', 'confirmed')`,
    );
    say(`  overlapping active appointments after the run: ${overlaps.rows[0]?.n}`);

    say(
      '\nSlot workload inside Postgres (EXPLAIN ANALYZE execution, ms, 200 interleaved runs as anon, a transaction each):\n',
    );
    const sqlResults: SqlTiming[] = await sqlTimings(db, workload);
    say(formatSqlTimings(sqlResults));
    say('\nSlot workload function by function (track_functions = all, 100 interleaved runs of each path):\n');
    const fnResults: FunctionTiming[] = await functionTimings(config.dbUrl('supabase_admin'), workload);
    say(formatFunctionTimings(fnResults));
    say('\nRuns (latencies in ms, through the gateway unless named otherwise):\n');
    say(formatRuns(results));
    say('\nSlot workload, before and after each lever (medians, ms):\n');
    say(formatLevers(results, sqlResults));
    say('\nTargets:\n');
    say(formatVerdicts(results));

    // Plans of this run only: an old file would suggest a miss that no longer happens.
    rmSync(path.join(outDir, 'plans'), { recursive: true, force: true });
    mkdirSync(path.join(outDir, 'plans'), { recursive: true });
    const explained = new Set<Scenario>();
    for (const [i, r] of results.entries()) {
      const s = sources[i]!;
      if (passes(r.target, r.summary) || explained.has(s)) continue;
      explained.add(s);
      const plans = await capturePlans(config.dbUrl('supabase_admin'), s.plan);
      const file = path.join(outDir, 'plans', `${s.name.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}.txt`);
      writeFileSync(file, plans.map((p) => `-- ${p.durationMs.toFixed(3)} ms\n${p.text}\n`).join('\n'));
      say(
        `\nMISS ${s.name}: the slowest of ${plans.length} plans (all in ${path.relative(repoRoot, file)}):\n`,
      );
      for (const p of plans.slice(0, 3)) say(`-- ${p.durationMs.toFixed(3)} ms\n${p.text}\n`);
    }
    const saved = {
      at: new Date().toISOString(),
      cores: os.cpus().length,
      seed: report,
      results,
      slotWorkload: { workload, sql: sqlResults, functions: fnResults },
      notify,
      stripe,
    };
    writeFileSync(path.join(outDir, 'results.json'), JSON.stringify(saved, null, 2));
    say(`\nResults in ${path.relative(repoRoot, path.join(outDir, 'results.json'))}`);
  } finally {
    await db.end();
  }
}

try {
  await main();
  await shutdown(0);
} catch (err) {
  // After Ctrl-C the failure is only the stack going away under the run: nothing to report.
  if (!stopping) process.stderr.write(`\x1b[31mbenchmark failed: ${(err as Error).stack ?? err}\x1b[0m\n`);
  await shutdown(1);
}
