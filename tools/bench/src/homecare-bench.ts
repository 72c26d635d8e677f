// The home-care run of `npm run bench` (issue 16, alone: `--homecare-only`): 2,000 published
// nurses with home visits in nine French cities, weighted like the seed (Paris 40 %, Lyon 15 %...;
// bases within about 7 km of the centre, radii 5-20 km, half of them busy part of tomorrow, 300
// with a home visit already booked, so the added-travel lookups find neighbours), then
// `home_care_candidates` for 20 requests in Paris, Lyon and Marseille through the gateway, and the
// rounds ordering (libs/domain planRound) for 20 visits in process.
import { existsSync, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { planRound, type RoundStop } from '@carebook/domain';
import type { StackConfig } from '@carebook/local-stack';
import { runLoad, type HttpCall } from './load.ts';
import { percentile, summarize, type Summary } from './stats.ts';

export interface HomecareBenchResult {
  practitioners: number;
  requests: number;
  candidatesPerRequest: { min: number; max: number };
  candidates: Summary;
  /** The database backend's own CPU per candidate query (Linux /proc), which machine load does not inflate. */
  candidatesDbCpu: { p50: number; p95: number; max: number } | null;
  rounds: { runs: number; p50: number; p95: number; max: number };
  pass: { candidates: boolean; rounds: boolean };
}

const LYON = { lat: 45.76, lng: 4.84 };
// City centres and their share of nurses, in twentieths.
const CITIES = [
  { lat: 48.8566, lng: 2.3522, share: 8 },
  { lat: 45.764, lng: 4.8357, share: 3 },
  { lat: 43.2965, lng: 5.3698, share: 2 },
  { lat: 43.6047, lng: 1.4442, share: 2 },
  { lat: 43.7102, lng: 7.262, share: 1 },
  { lat: 47.2184, lng: -1.5536, share: 1 },
  { lat: 44.8378, lng: -0.5792, share: 1 },
  { lat: 50.6292, lng: 3.0573, share: 1 },
  { lat: 48.5734, lng: 7.7521, share: 1 },
];
/** Which city each of 20 buckets is (Paris 8, Lyon 3, ...). */
const BUCKETS = CITIES.flatMap((c) => Array.from({ length: c.share }, () => c));
const NIL_UUID = '00000000-0000-0000-0000-000000000000';

/** Loads the workload in a few set-based statements (the triggers publish, as in a seed). */
export async function createWorkload(
  db: pg.ClientBase,
  practitioners: number,
  requests: number,
): Promise<string[]> {
  await db.query('begin');
  await db.query(
    `create temporary table bench_nurses on commit drop as
       select gen_random_uuid() as id, i,
              ($2::float8[])[i % 20 + 1] + (random() - 0.5) * 0.12 as lat,
              ($3::float8[])[i % 20 + 1] + (random() - 0.5) * 0.17 as lng
         from generate_series(1, $1::int) i`,
    [practitioners, BUCKETS.map((c) => c.lat), BUCKETS.map((c) => c.lng)],
  );
  await db.query(
    `insert into auth.users (instance_id, id, aud, role, email, encrypted_password, email_confirmed_at, raw_app_meta_data,
       raw_user_meta_data, confirmation_token, recovery_token, email_change_token_new, email_change, email_change_token_current,
       reauthentication_token, phone_change, phone_change_token, is_super_admin, created_at, updated_at)
     select $1::uuid, n.id, 'authenticated', 'authenticated', 'homecare-bench-' || n.i || '-' || n.id || '@bench.carebook.test', '', now(),
            '{"provider": "email", "providers": ["email"]}',
            jsonb_build_object('role', 'practitioner', 'full_name', 'Bench nurse ' || n.i),
            '', '', '', '', '', '', '', '', false, now(), now()
       from bench_nurses n`,
    [NIL_UUID],
  );
  await db.query(
    `insert into public.subscriptions (practitioner_id, plan, status, current_period_end)
     select n.id, 'essential_monthly', 'active', now() + interval '30 days' from bench_nurses n`,
  );
  await db.query(
    `insert into public.practitioners (id, slug, display_name, profession_code, modes, verification_status, verified_at,
                                       latitude, longitude)
     select n.id, 'bench-nurse-' || n.i || '-' || left(n.id::text, 8), 'Bench nurse ' || n.i, 'nurse', '{at_home}',
            'verified', now(), n.lat, n.lng
       from bench_nurses n`,
  );
  await db.query(
    `insert into public.home_visit_settings (practitioner_id, enabled, base_address, base_latitude, base_longitude, radius_km,
                                             travel_minutes)
     select n.id, true, 'Lyon', n.lat, n.lng, 5 + (n.i % 16), 10 + (n.i % 3) * 5 from bench_nurses n`,
  );
  // Half are busy two hours of tomorrow morning (a calendar event).
  await db.query(
    `insert into public.external_busy_intervals (practitioner_id, source, source_id, during)
     select n.id, 'google', 'bench-' || n.i,
            tstzrange(((current_date + 1) + make_time(7 + n.i % 4, 0, 0)) at time zone 'Europe/Paris',
                      ((current_date + 1) + make_time(9 + n.i % 4, 0, 0)) at time zone 'Europe/Paris')
       from bench_nurses n where n.i % 2 = 0`,
  );
  await db.query('commit');

  // The requests, made as patients would (request_home_care with their claims).
  const patients = await db.query<{ id: string }>(
    `insert into auth.users (instance_id, id, aud, role, email, encrypted_password, email_confirmed_at, raw_app_meta_data,
       raw_user_meta_data, confirmation_token, recovery_token, email_change_token_new, email_change, email_change_token_current,
       reauthentication_token, phone_change, phone_change_token, is_super_admin, created_at, updated_at)
     select $1::uuid, gen_random_uuid(), 'authenticated', 'authenticated', 'homecare-bench-patient-' || gen_random_uuid() || '@bench.carebook.test',
            '', now(), '{"provider": "email", "providers": ["email"]}', '{"role": "patient", "full_name": "Bench patient"}',
            '', '', '', '', '', '', '', '', false, now(), now()
       from generate_series(1, $2::int)
     returning id`,
    [NIL_UUID, requests + 300],
  );
  const careType = await db.query<{ id: string }>(`select id from public.care_types where code = 'dressing'`);
  const ids: string[] = [];
  for (const [i, p] of patients.rows.entries()) {
    await db.query(`select set_config('request.jwt.claims', $1, false)`, [
      JSON.stringify({ sub: p.id, role: 'authenticated' }),
    ]);
    // Measured requests: half in Paris, a quarter each in Lyon and Marseille; booked ones anywhere.
    const city = i < requests ? CITIES[i % 4 === 3 ? 2 : i % 4 === 2 ? 1 : 0]! : BUCKETS[i % 20]!;
    const lat = city.lat + (Math.random() - 0.5) * 0.08;
    const lng = city.lng + (Math.random() - 0.5) * 0.11;
    const r = await db.query<{ id: string }>(
      `select id from public.request_home_care($1, 'Bench address', $2, $3, $4, current_date + 1, $5, 'planned',
                                               '+33600000000', 'self', 'Bench patient', 'Lyon')`,
      [
        careType.rows[0]!.id,
        lat,
        lng,
        i < requests ? ['08:00-12:00', '17:00-20:00'] : ['08:00-19:00'],
        i < requests ? 5 : 1,
      ],
    );
    ids.push(r.rows[0]!.id);
  }
  await db.query(`select set_config('request.jwt.claims', '', false)`);
  // The extra 300 are booked with nurses at once (visits already in their day: neighbours).
  for (const id of ids.slice(requests)) {
    await db.query(
      `select private.take_home_care_request($1, c.practitioner_id, null)
         from private.home_care_candidates($1, now(), false) c order by c.candidate_rank limit 1`,
      [id],
    );
  }
  await db.query('analyze');
  return ids.slice(0, requests);
}

/**
 * CPU the database spends per candidate query, read from /proc for one backend running each
 * request 10 times: on a machine shared with other work, wall-clock time mostly measures waiting.
 */
async function dbCpuPerQuery(
  db: pg.ClientBase,
  requests: string[],
): Promise<HomecareBenchResult['candidatesDbCpu']> {
  const { rows } = await db.query<{ pid: number }>('select pg_backend_pid() as pid');
  const stat = `/proc/${rows[0]!.pid}/stat`;
  if (!existsSync(stat)) return null;
  // utime + stime, in clock ticks (10 ms on Linux).
  const cpu = () => {
    const fields = readFileSync(stat, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  };
  const per: number[] = [];
  for (const id of requests) {
    const before = cpu();
    for (let i = 0; i < 10; i++)
      await db.query('select * from private.home_care_candidates($1, now(), false)', [id]);
    per.push((cpu() - before) / 10);
  }
  per.sort((a, b) => a - b);
  return { p50: percentile(per, 50), p95: percentile(per, 95), max: per[per.length - 1]! };
}

function roundsTiming(runs: number): HomecareBenchResult['rounds'] {
  const start = { lat: LYON.lat, lng: LYON.lng };
  const t0 = Date.UTC(2027, 2, 1, 7, 0);
  const times: number[] = [];
  // The first runs compile the code (JIT); a round is planned many times a day, warm.
  for (let run = -50; run < runs; run++) {
    const visits: RoundStop[] = Array.from({ length: 20 }, (_, i) => ({
      id: `v${i}`,
      lat: LYON.lat + (Math.random() - 0.5) * 0.1,
      lng: LYON.lng + (Math.random() - 0.5) * 0.14,
      windowStart: t0 + (i % 3) * 3 * 3_600_000,
      windowEnd: t0 + ((i % 3) * 3 + 5) * 3_600_000,
      durationMinutes: 15,
      fixed: i % 7 === 0,
    }));
    const began = performance.now();
    planRound(start, t0, visits);
    if (run >= 0) times.push(performance.now() - began);
  }
  times.sort((a, b) => a - b);
  return { runs, p50: percentile(times, 50), p95: percentile(times, 95), max: times[times.length - 1]! };
}

export async function homecareBench(
  db: pg.ClientBase,
  config: StackConfig,
  options: { practitioners: number; seconds: number; concurrency: number },
  say: (line?: string) => void,
): Promise<HomecareBenchResult> {
  const started = performance.now();
  const requests = await createWorkload(db, options.practitioners, 20);
  const counts = await db.query<{ n: number }>(
    `select count(*)::int as n from unnest($1::uuid[]) r (id) cross join lateral private.home_care_candidates(r.id, now(), false) c
      group by r.id`,
    [requests],
  );
  const sizes = counts.rows.map((r) => r.n);
  const perRequest = { min: Math.min(...sizes, 0), max: Math.max(...sizes, 0) };
  say(
    `  homecare: ${options.practitioners} nurses in 9 cities, 20 requests in Paris, Lyon, Marseille (2 windows x 5 days), 300 booked; ` +
      `${perRequest.min}-${perRequest.max} candidates a request; set up in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );

  const headers = {
    apikey: config.anonKey,
    authorization: `Bearer ${config.serviceRoleKey}`,
    'content-type': 'application/json',
  };
  const calls: HttpCall[] = requests.map((id) => ({
    method: 'POST',
    path: '/rest/v1/rpc/home_care_candidates',
    headers,
    body: JSON.stringify({ p_request_id: id }),
  }));
  const clients = Array.from({ length: options.concurrency }, (_, i) => [
    ...calls.slice(i),
    ...calls.slice(0, i),
  ]);
  await runLoad({ baseUrl: config.apiUrl, clients, seconds: 2 });
  const candidates = summarize(await runLoad({ baseUrl: config.apiUrl, clients, seconds: options.seconds }));
  say(
    `  home_care_candidates (${options.concurrency} clients): ${candidates.requests} requests, ${candidates.throughput.toFixed(0)}/s, ` +
      `p50 ${candidates.p50.toFixed(2)} ms, p95 ${candidates.p95.toFixed(2)} ms, p99 ${candidates.p99.toFixed(2)} ms, errors ${candidates.errors}`,
  );
  const candidatesDbCpu = await dbCpuPerQuery(db, requests);
  if (candidatesDbCpu) {
    say(
      `  home_care_candidates, database CPU per query: p50 ${candidatesDbCpu.p50.toFixed(1)} ms, ` +
        `p95 ${candidatesDbCpu.p95.toFixed(1)} ms, max ${candidatesDbCpu.max.toFixed(1)} ms (10 ms clock ticks, 10 runs a request)`,
    );
  }
  const rounds = roundsTiming(500);
  say(
    `  rounds ordering, 20 visits (planRound): ${rounds.runs} runs, p50 ${rounds.p50.toFixed(2)} ms, ` +
      `p95 ${rounds.p95.toFixed(2)} ms, max ${rounds.max.toFixed(2)} ms`,
  );
  const pass = { candidates: candidates.p95 <= 50 && candidates.errors === 0, rounds: rounds.p95 < 20 };
  say(
    `  ${pass.candidates ? 'PASS' : 'MISS'} candidates p95 <= 50 ms; ${pass.rounds ? 'PASS' : 'MISS'} rounds ordering p95 < 20 ms`,
  );
  return {
    practitioners: options.practitioners,
    requests: requests.length,
    candidatesPerRequest: perRequest,
    candidates,
    candidatesDbCpu,
    rounds,
    pass,
  };
}
