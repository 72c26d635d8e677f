// Scheduled jobs: one table of definitions that pg_cron (hosted) and the local scheduler both read,
// and ticks that are safe to repeat. Ticks are run here as the scheduler runs them.
import { describe, expect, it } from 'vitest';
import { Cron } from 'croner';
import { readJobs, runSqlJob } from '@carebook/local-stack';
import { config, expireHold, outboxOf, patient, practitionerOpen, sql } from '@carebook/testing';

const tick = (name: string) => async () => {
  const job = (await readJobs(config)).find((j) => j.name === name);
  if (!job?.command) throw new Error(`no SQL job ${name}`);
  return runSqlJob(config, job.command);
};

describe('scheduled jobs', () => {
  it('are defined once, each with a schedule cron understands and one action', async () => {
    const jobs = await readJobs(config);
    expect(jobs.map((j) => [j.name, j.schedule])).toEqual([
      ['dispatch-home-care', '* * * * *'],
      ['google-sync', '* * * * *'],
      ['google-sync-periodic', '*/15 * * * *'],
      ['home-care-watchdog', '*/5 * * * *'],
      ['notify', '* * * * *'],
      ['payments', '* * * * *'],
      ['plan-reminders', '* * * * *'],
      ['refresh-next-slots', '*/5 * * * *'],
      ['refresh-publication', '17 * * * *'],
      ['release-expired-holds', '* * * * *'],
    ]);
    for (const job of jobs) {
      const cron = new Cron(job.schedule, { paused: true });
      expect(cron.nextRun(), job.name).not.toBeNull();
      cron.stop();
      expect((job.function_path === null) !== (job.command === null), job.name).toBe(true);
    }
  });

  it('release expired holds and tell their patients, even when nobody else wants the time, once', async () => {
    const s = await practitionerOpen({ price: 4500 });
    const held = await s.book(await patient(), s.at(3, '09:00'));
    expect(held.data?.status).toBe('held');
    await expireHold(held.data!.id);

    await tick('release-expired-holds')();
    await tick('release-expired-holds')();
    const [row] = await sql<{ status: string; cancelled_by_role: string }>(
      'select status, cancelled_by_role from public.appointments where id = $1',
      [held.data!.id],
    );
    expect(row).toEqual({ status: 'cancelled', cancelled_by_role: 'system' });
    const topics = (await outboxOf(held.data!.id)).map((m) => m.topic);
    expect(topics.filter((t) => t === 'appointment.hold_expired')).toHaveLength(1);
  });

  it('recompute cached next slots whose validity ran out', async () => {
    const s = await practitionerOpen();
    await sql(
      `update private.practitioner_next_slots set valid_until = now() - interval '1 minute', next_available_at = null
        where practitioner_id = $1`,
      [s.practitioner.id],
    );
    await tick('refresh-next-slots')();
    const [row] = await sql<{ fresh: boolean; next: string | null }>(
      `select valid_until > now() as fresh, next_available_at as next from private.practitioner_next_slots
        where practitioner_id = $1`,
      [s.practitioner.id],
    );
    expect(row?.fresh).toBe(true);
    expect(row?.next).not.toBeNull();
  });
});
