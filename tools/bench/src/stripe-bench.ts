// The Stripe run of `npm run bench` (also alone: `--stripe-only`): builds the state and the
// undelivered events (stripe-workload.ts), delivers them with duplicates in a seeded shuffled
// order, prints events/s and latency per delivery, then the checks against the database and the
// fake. A failed check is printed as a MISS; it never fails the run.
import os from 'node:os';
import pg from 'pg';
import { stripeControl } from '@carebook/fakes';
import { percentile } from './stats.ts';
import { localStripe, stripeSettings, type StackConfig } from '@carebook/local-stack';
import {
  createStripeWorkload,
  deliverEvents,
  deliveryOrder,
  verifyStripeRun,
  type Check,
  type DeliveryRun,
  type StripeWorkloadOptions,
} from './stripe-workload.ts';

export interface StripeBenchResult {
  options: StripeWorkloadOptions;
  setupSeconds: number;
  eventTypes: Record<string, number>;
  run: DeliveryRun;
  fakeRead: { p50: number; p95: number };
  outcomes: Record<string, number>;
  checks: Check[];
  load: number[];
  pass: boolean;
}

export async function stripeBench(
  db: pg.ClientBase,
  config: StackConfig,
  options: StripeWorkloadOptions,
  say: (line?: string) => void,
): Promise<StripeBenchResult> {
  const settings = stripeSettings(config);
  const stripe = localStripe(config);
  const control = stripeControl(config.fakesUrl);
  const ctx = {
    db,
    stripe,
    control,
    apiUrl: config.apiUrl,
    anonKey: config.anonKey,
    jwtSecret: config.jwtSecret,
    say,
  };
  let workload;
  try {
    workload = await createStripeWorkload(ctx, options, config.serviceRoleKey);
  } finally {
    // Whatever happens, the fake's queue is not left holding deliveries for later runs.
    await control.pause().catch(() => undefined);
  }
  const eventTypes: Record<string, number> = {};
  for (const e of workload.events) eventTypes[e.type] = (eventTypes[e.type] ?? 0) + 1;
  say(
    `  stripe: ${workload.events.length} undelivered events in ${workload.setupSeconds.toFixed(1)} s of setup: ` +
      Object.entries(eventTypes)
        .sort((a, b) => b[1] - a[1])
        .map(([t, n]) => `${n} ${t}`)
        .join(', '),
  );
  const order = deliveryOrder(workload.events, options.deliveries, 3, options.seed);
  say(
    `  stripe: delivering ${order.length} (each event 1-3 times, shuffled, seed ${options.seed}) to ` +
      `${settings.webhookUrl} with ${options.clients} keep-alive clients (Node fetch)`,
  );
  // The fake's share of each event: the webhook reads the session again (with its intent and
  // charge) before applying it. Measured alone, one call at a time, on the state as it is now.
  const fakeMs: number[] = [];
  for (const p of workload.payments.slice(0, 100)) {
    const t0 = performance.now();
    await stripe.checkout.sessions.retrieve(p.sessionId, { expand: ['payment_intent.latest_charge'] });
    fakeMs.push(performance.now() - t0);
  }
  fakeMs.sort((a, b) => a - b);
  const fakeRead = { p50: percentile(fakeMs, 50), p95: percentile(fakeMs, 95) };
  say(
    `  stripe fake alone: session read again (as the webhook does), p50 ${fakeRead.p50.toFixed(1)} ms, ` +
      `p95 ${fakeRead.p95.toFixed(1)} ms over ${fakeMs.length} calls`,
  );
  const load = os.loadavg();
  const run = await deliverEvents(order, settings.webhookUrl, settings.webhookSecret, options.clients);
  say(
    `  stripe-webhook: ${run.deliveries} deliveries of ${run.events} events in ${run.seconds.toFixed(1)} s: ` +
      `${run.perSecond.toFixed(0)} events/s; per event p50 ${run.p50.toFixed(1)} ms, p95 ${run.p95.toFixed(1)} ms, ` +
      `p99 ${run.p99.toFixed(1)} ms, max ${run.max.toFixed(1)} ms; 200: ${run.ok}, non-200: ${run.notOk}` +
      `${run.notOk ? ` (${JSON.stringify(run.statuses)})` : ''} (load before ${load.map((l) => l.toFixed(2)).join(' ')})`,
  );
  for (const s of run.samples) say(`    non-200: ${s}`);
  say(
    `  stripe-webhook by type (p50/p95 ms, slowest first): ${run.byType
      .slice(0, 8)
      .map((t) => `${t.type} ×${t.n} ${t.p50.toFixed(1)}/${t.p95.toFixed(1)}`)
      .join(', ')}`,
  );
  const outcomeRows = await db.query<{ outcome: string; n: number }>(
    `select regexp_replace(outcome, '[0-9a-f]{8}-[0-9a-f-]{27}', '<id>', 'g') as outcome, count(*)::int as n
       from private.stripe_events where id = any($1::text[]) group by 1 order by 2 desc`,
    [workload.events.map((e) => e.id)],
  );
  const outcomes = Object.fromEntries(outcomeRows.rows.map((r) => [r.outcome, r.n]));
  say(
    `  stripe: outcomes: ${outcomeRows.rows
      .slice(0, 12)
      .map((r) => `${r.n} ${r.outcome}`)
      .join(', ')}`,
  );
  const checks = await verifyStripeRun(db, stripe, workload);
  for (const c of checks) say(`  stripe check ${c.pass ? 'ok  ' : 'MISS'} ${c.name}: ${c.detail}`);
  const pass = run.notOk === 0 && checks.every((c) => c.pass);
  say(`  stripe target (every delivery 200, every check holds): ${pass ? 'PASS' : 'MISS'}`);
  return {
    options,
    setupSeconds: workload.setupSeconds,
    eventTypes,
    run,
    fakeRead,
    outcomes,
    checks,
    load,
    pass,
  };
}
