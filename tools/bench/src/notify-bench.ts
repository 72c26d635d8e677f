// The notify run of `npm run bench` (also alone: `--notify-only`): sets up the reminders, empties
// the fake's call record, drains through the real notify function, then checks the fake's records
// and inbox file. Prints deliveries per second, total time, p95 per batch and the verdict.
import { createReadStream } from 'node:fs';
import readline from 'node:readline';
import pg from 'pg';
import { brevoControl, inboxFile, type RecordedCall } from '@carebook/fakes';
import type { StackConfig } from '@carebook/local-stack';
import {
  createNotifyWorkload,
  drainNotify,
  verifyDrain,
  type DrainResult,
  type Verification,
} from './notify-workload.ts';

export interface NotifyBenchOptions {
  reminders: number;
  parallel: number;
  batchSize: number;
}

export interface NotifyBenchResult {
  options: NotifyBenchOptions;
  setupSeconds: number;
  drain: DrainResult;
  verification: Verification;
  deliveriesPerSecond: number;
  pass: boolean;
}

/** How many reminder messages each `channel:address` received, read from the inbox's file. */
async function reminderMessages(file: string): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  const lines = readline.createInterface({ input: createReadStream(file) });
  for await (const line of lines) {
    if (!line.includes('appointment.reminder')) continue;
    const m = JSON.parse(line) as { type: string; to: string[]; tags: string[] };
    if (!m.tags.includes('appointment.reminder')) continue;
    for (const to of m.to) {
      const key = `${m.type}:${to.toLowerCase()}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  return counts;
}

export async function notifyBench(
  db: pg.ClientBase,
  config: StackConfig,
  options: NotifyBenchOptions,
  say: (line?: string) => void,
): Promise<NotifyBenchResult> {
  const workload = await createNotifyWorkload(db, new Date(), options.reminders);
  say(
    `  notify: ${workload.reminders} reminders due at once for ${workload.patients} patients with a phone, ` +
      `set up in ${workload.setupSeconds.toFixed(1)} s; draining with ${options.parallel} ticks at a time, batches of ${options.batchSize}`,
  );
  const control = brevoControl(config.fakesUrl);
  await control.reset();
  const drain = await drainNotify(
    db,
    (body) =>
      fetch(`${config.apiUrl}/functions/v1/notify`, {
        method: 'POST',
        headers: {
          Authorization: `Bearer ${config.serviceRoleKey}`,
          apikey: config.anonKey,
          'Content-Type': 'application/json',
        },
        body: JSON.stringify(body),
      }),
    { parallel: options.parallel, batchSize: options.batchSize, timeoutSeconds: 600 },
  );
  const calls: RecordedCall[] = await control.calls();
  const verification = await verifyDrain(db, calls, await reminderMessages(inboxFile(config)));
  const deliveriesPerSecond = verification.deliveries / drain.seconds;
  const pass =
    drain.seconds <= 60 &&
    verification.duplicates === 0 &&
    verification.losses === 0 &&
    verification.deliveries === 2 * workload.reminders;
  say(
    `  notify: ${verification.deliveries} deliveries (${Object.entries(verification.byChannel)
      .map(([c, n]) => `${n} ${c}`)
      .join(', ')}) in ${drain.seconds.toFixed(1)} s: ${deliveriesPerSecond.toFixed(0)} deliveries/s; ` +
      `${drain.ticks} ticks, ${drain.batches} batches, per batch p50 ${drain.batchP50.toFixed(0)} ms, ` +
      `p95 ${drain.batchP95.toFixed(0)} ms, max ${drain.batchMax.toFixed(0)} ms; retried ${drain.retried}, dead ${drain.dead}`,
  );
  say(
    `  notify, from the fake's records: ${verification.duplicates} duplicates, ${verification.losses} losses, ` +
      `${verification.resent} deliveries sent more than once (answered as repeats by their key)`,
  );
  say(`  notify target (all sent within 60 s, 0 duplicates, 0 losses): ${pass ? 'PASS' : 'MISS'}`);
  return { options, setupSeconds: workload.setupSeconds, drain, verification, deliveriesPerSecond, pass };
}
