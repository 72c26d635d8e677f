// The slot workload of issue 9, written straight into the database as `postgres`: one published
// practitioner in Europe/Paris, open Monday to Friday 09:00-18:00, a 30-minute type every 15
// minutes with 120 minutes' notice, and 50 busy intervals of 15 to 90 minutes spread over a
// 30-day window that contains the zone's next clock change.
import pg from 'pg';
import { rpc, type BenchContext, type Scenario } from './scenarios.ts';

export interface SlotWorkload {
  practitionerId: string;
  typeId: string;
  /** The 30-day window, ISO instants. */
  from: string;
  to: string;
  /** The clock change inside it. */
  clockChange: string;
}

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** The first instant after `from` where Europe/Paris changes its UTC offset (hour resolution). */
export function nextParisClockChange(from: number): number {
  const offset = (t: number) =>
    new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Paris', timeZoneName: 'longOffset' })
      .formatToParts(t)
      .find((p) => p.type === 'timeZoneName')!.value;
  const start = Math.ceil(from / HOUR_MS) * HOUR_MS;
  const first = offset(start);
  for (let t = start + HOUR_MS; t < start + 400 * DAY_MS; t += HOUR_MS) if (offset(t) !== first) return t;
  throw new Error('Europe/Paris has no clock change within 400 days');
}

export async function createSlotWorkload(db: pg.ClientBase, now: Date): Promise<SlotWorkload> {
  const change = nextParisClockChange(now.getTime() + 2 * DAY_MS);
  // Two weeks either side of the change, never starting in the past.
  const fromMs = Math.max(change - 14 * DAY_MS, now.getTime() + DAY_MS);
  const from = new Date(Math.floor(fromMs / HOUR_MS) * HOUR_MS).toISOString();
  const to = new Date(Date.parse(from) + 30 * DAY_MS).toISOString();
  const { rows } = await db.query<{ practitioner_id: string; type_id: string }>(
    `with u as (
       insert into auth.users (instance_id, id, aud, role, email, raw_app_meta_data, raw_user_meta_data, created_at, updated_at)
       values ('00000000-0000-0000-0000-000000000000', gen_random_uuid(), 'authenticated', 'authenticated',
               'slot-workload-' || gen_random_uuid() || '@bench.test', '{"provider": "email"}', '{"role": "practitioner"}', now(), now())
       returning id
     ), s as (
       insert into public.subscriptions (practitioner_id, plan, status, current_period_end)
       select id, 'pro', 'active', now() + interval '1 year' from u returning practitioner_id
     ), p as (
       insert into public.practitioners (id, slug, display_name, profession_code, time_zone, verification_status, modes)
       select practitioner_id, 'slot-workload-' || substr(md5(practitioner_id::text), 1, 12), 'Slot Workload',
              (select code from public.professions order by registry = 'none' desc, code limit 1), 'Europe/Paris', 'verified', '{video}'
         from s returning id
     )
     select id as practitioner_id, null::uuid as type_id from p`,
  );
  const practitionerId = rows[0]!.practitioner_id;
  const type = await db.query<{ id: string }>(
    `insert into public.consultation_types (practitioner_id, name_fr, duration_minutes, slot_step_minutes, min_notice_minutes,
                                            horizon_days, price_cents, mode)
     values ($1, 'Séance', 30, 15, 120, 365, 0, 'video') returning id`,
    [practitionerId],
  );
  await db.query(
    `insert into public.availability_rules (practitioner_id, weekday, start_time, end_time)
     select $1, d, '09:00', '18:00' from generate_series(1, 5) d`,
    [practitionerId],
  );
  // 50 intervals, the same every run: on working days' hours, 15 to 90 minutes long.
  await db.query(
    `insert into public.external_busy_intervals (practitioner_id, source, source_id, during)
     select $1, 'google', 'workload-' || i,
            tstzrange(start_at, start_at + make_interval(mins => 15 * (1 + (i * 7) % 6)))
       from generate_series(1, 50) i
       cross join lateral (select ((($2::timestamptz at time zone 'Europe/Paris')::date + (i * 11) % 30)::timestamp
                                   + interval '09:00' + make_interval(mins => 15 * ((i * 13) % 34)))
                                  at time zone 'Europe/Paris' as start_at) x`,
    [practitionerId, from],
  );
  return { practitionerId, typeId: type.rows[0]!.id, from, to, clockChange: new Date(change).toISOString() };
}

/** What one SQL path costs inside Postgres: EXPLAIN ANALYZE's execution time over many runs. */
export interface SqlTiming {
  name: string;
  rows: number;
  median: number;
  p95: number;
}

/** The SQL behind each measured path, called as PostgREST calls it (role anon, its claims). */
export function workloadSql(w: SlotWorkload, days = 30): Record<string, { sql: string; params: unknown[] }> {
  const to = new Date(Date.parse(w.from) + days * DAY_MS).toISOString();
  const params = [w.practitionerId, w.typeId, w.from, to];
  const call = (fn: string) => ({ sql: `select * from ${fn}($1, $2, $3, $4)`, params });
  // Oldest first: before issue 9, before its speed work, then one more lever at each step.
  return {
    'before issue 9: old private.slots, rows': call('public.bench_get_available_slots_before'),
    'before: private.slot_runs, one row a day': call('public.bench_get_available_slot_days_before'),
    'lever 1 generic plans: one row a day': call('bench_levers.days_generic'),
    'lever 2 free time once: one row a day': call('bench_levers.days_free_once'),
    'lever 3 weekly series: one row a day': call('bench_levers.days_weekly'),
    'lever 1 undone, plans per call: one row a day': call('bench_levers.days_custom_plans'),
    'after: private.slot_days, rows': call('public.get_available_slots'),
    'after: private.slot_days, one row a day': call('public.get_available_slot_days'),
  };
}

const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;

/**
 * Interleaved runs of every path (so that machine noise hits them alike), warm-up excluded, each
 * in its own transaction as PostgREST runs a request.
 */
export async function sqlTimings(db: pg.ClientBase, w: SlotWorkload, runs = 200): Promise<SqlTiming[]> {
  const paths = Object.entries(workloadSql(w));
  const times = new Map<string, number[]>(paths.map(([name]) => [name, []]));
  const rows = new Map<string, number>();
  for (let i = 0; i < runs + 20; i++) {
    for (const [name, q] of paths) {
      await db.query('begin');
      try {
        await db.query('set local role anon');
        await db.query(`select set_config('request.jwt.claims', '{"role": "anon"}', true)`);
        const { rows: plan } = await db.query(
          `explain (analyze, timing off, format json) ${q.sql}`,
          q.params,
        );
        const top = (
          plan[0] as { 'QUERY PLAN': [{ 'Execution Time': number; Plan: { 'Actual Rows': number } }] }
        )['QUERY PLAN'][0];
        if (i >= 20) times.get(name)!.push(top['Execution Time']);
        rows.set(name, top.Plan['Actual Rows']);
      } finally {
        await db.query('rollback');
      }
    }
  }
  return paths.map(([name]) => {
    const sorted = times.get(name)!.sort((a, b) => a - b);
    return { name, rows: rows.get(name)!, median: quantile(sorted, 0.5), p95: quantile(sorted, 0.95) };
  });
}

export interface FunctionTiming {
  fn: string;
  calls: number;
  /** Milliseconds per call, inside this function (self) and with what it calls (total). */
  selfMs: number;
  totalMs: number;
}

/**
 * Where the time goes function by function, with `track_functions = all` (a superuser setting):
 * the paths run interleaved, `runs` times each, one transaction per call, after the statistics
 * are reset. Old and new paths use different functions, so each line belongs to one path.
 */
export async function functionTimings(
  superuserUrl: string,
  w: SlotWorkload,
  runs = 100,
): Promise<FunctionTiming[]> {
  const client = new pg.Client({ connectionString: superuserUrl });
  await client.connect();
  try {
    await client.query(`set track_functions = 'all'`);
    await client.query('set role anon');
    await client.query(`select set_config('request.jwt.claims', '{"role": "anon"}', false)`);
    const paths = Object.values(workloadSql(w));
    for (let i = 0; i < 10; i++) for (const q of paths) await client.query(q.sql, q.params);
    await client.query('reset role');
    await client.query('select pg_stat_reset()');
    await client.query('set role anon');
    for (let i = 0; i < runs; i++) for (const q of paths) await client.query(q.sql, q.params);
    await client.query('reset role');
    await client.query('select pg_stat_force_next_flush()');
    const { rows } = await client.query<{ fn: string; calls: string; self: number; total: number }>(
      `select schemaname || '.' || funcname as fn, calls, self_time / calls as self, total_time / calls as total
         from pg_stat_user_functions where calls > 0 order by total_time desc`,
    );
    return rows.map((r) => ({
      fn: r.fn,
      calls: Number(r.calls),
      selfMs: Number(r.self),
      totalMs: Number(r.total),
    }));
  } finally {
    await client.end();
  }
}

/**
 * The latency targets, one keep-alive client. One run cycles through five requests so that
 * the machine's noise hits them alike: 30 days through the gateway one row a day (what libs/data
 * asks) and one row a slot, one row a day straight to PostgREST, the computation before issue 9
 * and the one before its speed work. Then a 90-day view in two calls (62 + 28 days), now and
 * before the speed work, alternating.
 */
export function slotWorkloadScenarios(ctx: BenchContext, w: SlotWorkload, postgrestPort: number): Scenario[] {
  const args = (days: number, offsetDays = 0) => ({
    p_practitioner_id: w.practitionerId,
    p_consultation_type_id: w.typeId,
    p_from: new Date(Date.parse(w.from) + offsetDays * DAY_MS).toISOString(),
    p_to: new Date(Date.parse(w.from) + (offsetDays + days) * DAY_MS).toISOString(),
  });
  const plan = {
    role: 'anon' as const,
    userId: null,
    sql: 'select * from public.get_available_slot_days($1, $2, $3, $4)',
    params: Object.values(args(30)),
  };
  const days = rpc(ctx, 'get_available_slot_days', args(30));
  // PostgREST itself serves /rpc/...; /rest/v1 is the gateway's prefix for it.
  const direct = { ...days, path: days.path.replace(/^\/rest\/v1/, ''), port: postgrestPort };
  const cycle = [
    days,
    rpc(ctx, 'get_available_slots', args(30)),
    direct,
    rpc(ctx, 'bench_get_available_slots_before', args(30)),
    rpc(ctx, 'bench_get_available_slot_days_before', args(30)),
  ];
  const info = { kind: 'p95', maxMs: 1_000 } as const;
  // The view now and as it was before the speed work, alternating view by view.
  const view = [
    [
      rpc(ctx, 'get_available_slot_days', args(62)),
      rpc(ctx, 'get_available_slot_days', args(28, 62)),
      rpc(ctx, 'bench_get_available_slot_days_before', args(62)),
      rpc(ctx, 'bench_get_available_slot_days_before', args(28, 62)),
    ],
  ];
  return [
    {
      name: 'slot workload: 30 days',
      target: info,
      parts: [
        {
          name: 'slot workload: 30 days, one row a day (libs/data)',
          target: { kind: 'p95', maxMs: 6, maxMedianMs: 3 },
        },
        { name: 'slot workload: 30 days, one row a slot', target: info },
        { name: 'slot workload: 30 days, one row a day, PostgREST without gateway', target: info },
        { name: 'slot workload: 30 days, before (old SQL, one row a slot)', target: info },
        { name: 'slot workload: 30 days, one row a day, before the speed work (slot_runs)', target: info },
      ],
      warmup: [cycle],
      clients: [cycle],
      seconds: ctx.seconds,
      warmupSeconds: ctx.warmupSeconds,
      plan,
    },
    {
      name: 'slot workload: 90-day view in two calls (62 + 28 days)',
      target: info,
      parts: [
        { name: 'slot workload: 90-day view in two calls (62 + 28 days)', target: { kind: 'p95', maxMs: 8 } },
        { name: 'slot workload: 90-day view in two calls, before the speed work (slot_runs)', target: info },
      ],
      warmup: view,
      clients: view,
      seconds: ctx.seconds,
      warmupSeconds: ctx.warmupSeconds,
      plan,
      group: 2,
    },
  ];
}
