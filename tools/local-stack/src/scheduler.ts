// Runs the scheduled jobs locally, as pg_cron and pg_net do on hosted Supabase: the same
// definitions (private.scheduled_jobs, written by a migration), the same cron schedules (croner
// reads them), the same call (POST /functions/v1/<path> with the service role key). Every job is a
// repeat-safe tick, so a slow run is simply skipped rather than overlapped.
import { Cron } from 'croner';
import pg from 'pg';
import type { StackConfig } from './config.ts';
import type { Logger, RunningService } from './service.ts';

export interface ScheduledJob {
  name: string;
  schedule: string;
  /** Either an edge function to call... */
  function_path: string | null;
  body: Record<string, unknown>;
  /** ...or SQL to run, as pg_cron runs it. */
  command: string | null;
}

export async function readJobs(config: StackConfig): Promise<ScheduledJob[]> {
  const client = new pg.Client({ connectionString: config.dbUrl('postgres') });
  await client.connect();
  try {
    const { rows } = await client.query<ScheduledJob>(
      'select name, schedule, function_path, body, command from private.scheduled_jobs order by name',
    );
    return rows;
  } finally {
    await client.end();
  }
}

/** A SQL job's tick, run as pg_cron runs it (by the database owner); answers its rows as text. */
export async function runSqlJob(config: StackConfig, command: string): Promise<string> {
  const client = new pg.Client({ connectionString: config.dbUrl('postgres') });
  await client.connect();
  try {
    const { rows } = await client.query(command);
    return JSON.stringify(rows);
  } finally {
    await client.end();
  }
}

/** One tick of a function job, as the scheduler sends it; tests call it too. */
export async function runJob(
  config: StackConfig,
  job: { function_path: string; body: Record<string, unknown> },
): Promise<Response> {
  return fetch(`${config.apiUrl}/functions/v1/${job.function_path}`, {
    method: 'POST',
    headers: {
      Authorization: `Bearer ${config.serviceRoleKey}`,
      apikey: config.anonKey,
      'Content-Type': 'application/json',
    },
    body: JSON.stringify(job.body),
  });
}

export async function startScheduler(config: StackConfig, log: Logger): Promise<RunningService> {
  const jobs = await readJobs(config);
  const crons = jobs.map(
    (job) =>
      new Cron(
        job.schedule,
        { name: job.name, protect: true, catch: (e) => log(`${job.name}: ${String(e)}`) },
        async () => {
          if (job.command !== null) {
            log(`${job.name}: ${(await runSqlJob(config, job.command)).slice(0, 200)}`);
            return;
          }
          const res = await runJob(config, { function_path: job.function_path ?? '', body: job.body });
          log(`${job.name}: ${res.status} ${(await res.text()).slice(0, 200)}`);
        },
      ),
  );
  log(`scheduler: ${jobs.map((j) => `${j.name} (${j.schedule})`).join(', ') || 'no jobs'}`);
  return {
    name: 'scheduler',
    url: jobs.map((j) => j.name).join(','),
    async stop() {
      for (const c of crons) c.stop();
    },
  };
}
