// notify ticks for tests. A tick sends every due delivery in the database, whoever's it is, so two
// test files ticking at once can take each other's deliveries: one tick then returns while the
// other is still sending what the first test is about to look for. Test ticks therefore take one
// advisory lock (ticks run one at a time; the scheduler never runs in the test profile), and a
// tick that returns has finished everything that was due when it started.
import pg from 'pg';
import { runJob } from '@carebook/local-stack';
import { config } from './connection.ts';

const LOCK = "hashtext('carebook-tests:notify')";

/** Runs `fn` while no other test's notify tick runs (a session advisory lock on its own connection). */
export async function withNotifyLock<T>(fn: () => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: config.dbUrl('postgres') });
  await client.connect();
  try {
    await client.query(`select pg_advisory_lock(${LOCK})`);
    return await fn();
  } finally {
    // Ending the session releases the lock, whatever happened.
    await client.end();
  }
}

export interface NotifyCounts {
  planned: number;
  sent: number;
  retried: number;
  dead: number;
  skipped: number;
}

/**
 * One notify tick as the scheduler sends it, alone; answers its counts (throws unless 200).
 * `before` runs under the same lock (e.g. making a delivery due), so no other tick comes between.
 */
export async function notifyTick(options: { before?: () => Promise<unknown> } = {}): Promise<NotifyCounts> {
  return withNotifyLock(async () => {
    await options.before?.();
    const res = await runJob(config, { function_path: 'notify', body: {} });
    if (res.status !== 200) throw new Error(`notify answered ${res.status}: ${await res.text()}`);
    return (await res.json()) as NotifyCounts;
  });
}
