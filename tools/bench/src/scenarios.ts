// The four measured operations, prepared from the seeded database: which practitioners, types,
// slots and patients each request uses, and the SQL behind it (for query plans on a miss).
import type pg from 'pg';
import { accessToken } from './jwt.ts';
import type { HttpCall } from './load.ts';
import type { PlanRequest } from './plans.ts';
import type { Target } from './report.ts';

export interface Scenario {
  name: string;
  target: Target;
  /** Warm-up requests, one list per client (same shape as the measured ones, never the same bookings). */
  warmup: HttpCall[][];
  clients: HttpCall[][];
  /** Cycle through the lists this long; unset: each list is sent once. */
  seconds?: number;
  warmupSeconds?: number;
  /** What one request runs, as the same role: explained when the target is missed. */
  plan: PlanRequest;
  /** Where requests go; the gateway when left out. */
  baseUrl?: string;
  /** Consecutive requests of a client that make one measured unit (a view needing two calls). */
  group?: number;
  /** One client cycling through one request per part: each part is reported on its own. */
  parts?: { name: string; target: Target }[];
}

export interface BenchContext {
  db: pg.ClientBase;
  anonKey: string;
  jwtSecret: string;
  /** Latency scenarios: concurrent clients and seconds measured (after the warm-up). */
  concurrency: number;
  seconds: number;
  warmupSeconds: number;
  /** Booking scenario: concurrent clients and bookings each. */
  bookingClients: number;
  bookingsPerClient: number;
}

const DAY_MS = 86_400_000;
export const PARIS = { lat: 48.8566, lng: 2.3522 };

export function rpc(
  ctx: BenchContext,
  name: string,
  args: Record<string, unknown>,
  token?: string,
): HttpCall {
  return {
    method: 'POST',
    path: `/rest/v1/rpc/${name}`,
    // What supabase-js sends: the apikey, and the user's token (or the anon key) as bearer.
    headers: {
      apikey: ctx.anonKey,
      authorization: `Bearer ${token ?? ctx.anonKey}`,
      'content-type': 'application/json',
      accept: 'application/json',
    },
    body: JSON.stringify(args),
  };
}

/** `count` lists, the i-th starting `i * length / count` further along: clients spread over the data. */
export function rotations<T>(items: readonly T[], count: number): T[][] {
  return Array.from({ length: count }, (_, i) => {
    const shift = Math.floor((i * items.length) / count);
    return [...items.slice(shift), ...items.slice(0, shift)];
  });
}

/** Every n-th row of a stable order, so that picks spread over the whole data set. */
export function spread<T>(rows: readonly T[], count: number): T[] {
  if (rows.length <= count) return [...rows];
  return Array.from({ length: count }, (_, i) => rows[Math.floor((i * rows.length) / count)]!);
}

interface TypeRow {
  practitioner_id: string;
  type_id: string;
  appointments: number;
  buffer_before_minutes: number;
  buffer_after_minutes: number;
}

async function bookableTypes(db: pg.ClientBase): Promise<TypeRow[]> {
  // One active type per published practitioner (its first), with how busy the practitioner is.
  const { rows } = await db.query<TypeRow>(
    `select distinct on (p.id) p.id as practitioner_id, c.id as type_id, c.buffer_before_minutes, c.buffer_after_minutes,
            (select count(*) from public.appointments a where a.practitioner_id = p.id)::int as appointments
       from public.practitioners p
       join public.consultation_types c on c.practitioner_id = p.id and c.active
      where p.published
      order by p.id, c.created_at, c.id`,
  );
  return rows;
}

export async function slotsScenario(ctx: BenchContext, now: Date): Promise<Scenario> {
  const types = await bookableTypes(ctx.db);
  const from = now.toISOString();
  const to = new Date(now.getTime() + 28 * DAY_MS).toISOString();
  const body = (t: TypeRow) => ({
    p_practitioner_id: t.practitioner_id,
    p_consultation_type_id: t.type_id,
    p_from: from,
    p_to: to,
  });
  const calls = spread(types, 400).map((t) => rpc(ctx, 'get_available_slots', body(t)));
  // The busiest practitioner is the slowest case: most appointments to subtract.
  const busiest = [...types].sort((a, b) => b.appointments - a.appointments)[0]!;
  return {
    name: 'get_available_slots 28 days',
    target: { kind: 'p95', maxMs: 15 },
    warmup: rotations(calls, ctx.concurrency),
    clients: rotations(calls.slice().reverse(), ctx.concurrency),
    seconds: ctx.seconds,
    warmupSeconds: ctx.warmupSeconds,
    plan: {
      role: 'anon',
      userId: null,
      sql: 'select * from public.get_available_slots($1, $2, $3, $4)',
      params: [busiest.practitioner_id, busiest.type_id, from, to],
    },
  };
}

export function searchScenarios(ctx: BenchContext): Scenario[] {
  const variants: [string, number | null, 'soonest' | 'distance'][] = [
    ['20 km, soonest', 20, 'soonest'],
    ['20 km, distance', 20, 'distance'],
    ['no radius, soonest', null, 'soonest'],
    ['no radius, distance', null, 'distance'],
  ];
  return variants.map(([label, radius, sort]) => {
    const args = {
      p_lat: PARIS.lat,
      p_lng: PARIS.lng,
      p_radius_km: radius,
      p_sort: sort,
      p_limit: 20,
      p_offset: 0,
    };
    const calls = Array.from({ length: ctx.concurrency }, () => [rpc(ctx, 'search_practitioners', args)]);
    return {
      name: `search_practitioners Paris ${label}`,
      target: { kind: 'p95', maxMs: 50 },
      warmup: calls,
      clients: calls,
      seconds: ctx.seconds,
      warmupSeconds: ctx.warmupSeconds,
      plan: {
        role: 'anon',
        userId: null,
        sql: `select * from public.search_practitioners(p_lat => $1, p_lng => $2, p_radius_km => $3, p_sort => $4,
                                                         p_limit => 20, p_offset => 0)`,
        params: [PARIS.lat, PARIS.lng, radius, sort],
      },
    };
  });
}

/**
 * The search page's data (issue 12 point 9): one call answers a page of 20 results with each
 * one's next 3 slots. The home page's usual searches: around Paris by soonest and by distance,
 * and a profession in video only (a filter that makes every hit pick a type of that mode).
 */
export function searchPageScenarios(ctx: BenchContext): Scenario[] {
  const variants: [string, Record<string, unknown>][] = [
    ['Paris 20 km, soonest', { p_lat: PARIS.lat, p_lng: PARIS.lng, p_radius_km: 20, p_sort: 'soonest' }],
    ['Paris, distance', { p_lat: PARIS.lat, p_lng: PARIS.lng, p_sort: 'distance' }],
    ['psychologist, video, soonest', { p_profession: 'psychologist', p_mode: 'video', p_sort: 'soonest' }],
  ];
  return variants.map(([label, filters]) => {
    const args = { ...filters, p_limit: 20, p_offset: 0 };
    const calls = Array.from({ length: ctx.concurrency }, () => [
      rpc(ctx, 'search_practitioners_with_slots', args),
    ]);
    return {
      name: `search page (20 + next 3 slots) ${label}`,
      target: { kind: 'p95', maxMs: 60 },
      warmup: calls,
      clients: calls,
      seconds: ctx.seconds,
      warmupSeconds: ctx.warmupSeconds,
      plan: {
        role: 'anon',
        userId: null,
        sql: 'select * from public.search_practitioners_with_slots(p_profession => $1, p_lat => $2, p_lng => $3, p_radius_km => $4, p_mode => $5, p_sort => $6, p_limit => 20, p_offset => 0)',
        params: [
          filters.p_profession ?? null,
          filters.p_lat ?? null,
          filters.p_lng ?? null,
          filters.p_radius_km ?? null,
          filters.p_mode ?? null,
          filters.p_sort ?? null,
        ],
      },
    };
  });
}

/** Rows the Patients page asks for at once (usePagedList's default page size). */
export const PATIENTS_PAGE_SIZE = 25;

export async function patientsScenario(
  ctx: BenchContext,
): Promise<Scenario & { practitioner: { id: string; patients: number; appointments: number } }> {
  const { rows } = await ctx.db.query<{ id: string; patients: number; appointments: number }>(
    `select practitioner_id as id, count(distinct patient_id)::int as patients, count(*)::int as appointments
       from public.appointments group by practitioner_id order by 2 desc, 1 limit 1`,
  );
  const top = rows[0];
  if (!top) throw new Error('no appointments in the database: was the large data set seeded?');
  const token = await accessToken(ctx.jwtSecret, top.id);
  // The Patients page's first request (PatientsPage.vue via listPatientPage): 25 rows and the total.
  const calls = Array.from({ length: ctx.concurrency }, () => [
    rpc(ctx, 'practitioner_patient_page', { p_limit: PATIENTS_PAGE_SIZE, p_offset: 0 }, token),
  ]);
  return {
    name: `practitioner_patient_page first page (${top.patients} patients)`,
    target: { kind: 'p95', maxMs: 20 },
    warmup: calls,
    clients: calls,
    seconds: ctx.seconds,
    warmupSeconds: ctx.warmupSeconds,
    plan: {
      role: 'authenticated',
      userId: top.id,
      sql: `select * from public.practitioner_patient_page(null, ${PATIENTS_PAGE_SIZE}, 0)`,
      params: [],
    },
    practitioner: top,
  };
}

/**
 * The calendar's week view (issue 13) for the busiest practitioner: one practitioner_calendar call
 * per view, cycling through their busiest weeks (Monday to Monday in their own zone).
 */
export async function calendarScenario(
  ctx: BenchContext,
): Promise<Scenario & { practitioner: { id: string; weeks: number; perWeek: number } }> {
  const { rows } = await ctx.db.query<{ id: string; time_zone: string }>(
    `select a.practitioner_id as id, p.time_zone
       from public.appointments a join public.practitioners p on p.id = a.practitioner_id
      where a.status <> 'cancelled'
      group by a.practitioner_id, p.time_zone order by count(*) desc, 1 limit 1`,
  );
  const top = rows[0];
  if (!top) throw new Error('no appointments in the database: was the large data set seeded?');
  const weeks = await ctx.db.query<{ from: Date; to: Date; n: number }>(
    `select (w at time zone $2) as from, ((w + interval '7 days') at time zone $2) as to, n
       from (select date_trunc('week', a.starts_at at time zone $2) as w, count(*)::int as n
               from public.appointments a
              where a.practitioner_id = $1 and a.status <> 'cancelled'
              group by 1 order by 2 desc, 1 limit 8) busiest`,
    [top.id, top.time_zone],
  );
  const token = await accessToken(ctx.jwtSecret, top.id);
  const calls = weeks.rows.map((w) =>
    rpc(ctx, 'practitioner_calendar', { p_from: w.from.toISOString(), p_to: w.to.toISOString() }, token),
  );
  const first = weeks.rows[0]!;
  return {
    name: 'practitioner_calendar week view, busiest practitioner',
    target: { kind: 'p95', maxMs: 30 },
    warmup: rotations(calls, ctx.concurrency),
    clients: rotations(calls.slice().reverse(), ctx.concurrency),
    seconds: ctx.seconds,
    warmupSeconds: ctx.warmupSeconds,
    plan: {
      role: 'authenticated',
      userId: top.id,
      sql: 'select public.practitioner_calendar($1, $2)',
      params: [first.from.toISOString(), first.to.toISOString()],
    },
    practitioner: { id: top.id, weeks: weeks.rows.length, perWeek: first.n },
  };
}

interface Slot {
  starts_at: Date;
  ends_at: Date;
}

/** Up to `count` slots whose blocked ranges (buffers included) do not overlap: all bookable at once. */
export function disjointSlots(
  slots: readonly Slot[],
  beforeMs: number,
  afterMs: number,
  count: number,
): Slot[] {
  const picked: Slot[] = [];
  let free = -Infinity;
  for (const s of slots) {
    if (picked.length >= count) break;
    if (s.starts_at.getTime() - beforeMs < free) continue;
    picked.push(s);
    free = s.ends_at.getTime() + afterMs;
  }
  return picked;
}

/**
 * Bookings on distinct slots: each client is its own seeded patient and books at most one slot
 * per practitioner (never reaching the per-patient limit); at any moment the clients are on
 * different practitioners, so they rarely wait on the same practitioner's lock.
 */
export async function bookingScenario(
  ctx: BenchContext,
  now: Date,
): Promise<Scenario & { bookings: number }> {
  const clients = ctx.bookingClients;
  const types = await bookableTypes(ctx.db);
  const patients = await ctx.db.query<{ id: string }>(
    `select pr.id from public.profiles pr
      where pr.role = 'patient'
        and not exists (select 1 from public.appointments a
                         where a.patient_id = pr.id and a.status in ('held', 'confirmed') and a.starts_at > now())
      order by pr.id limit $1`,
    [clients * 2],
  );
  if (patients.rows.length < clients * 2)
    throw new Error(`only ${patients.rows.length} patients without upcoming bookings`);
  const tokens = await Promise.all(patients.rows.map((p) => accessToken(ctx.jwtSecret, p.id)));

  // Slots from tomorrow on: none may fall inside a type's minimum notice while the run goes.
  const from = new Date(now.getTime() + DAY_MS);
  const to = new Date(from.getTime() + 28 * DAY_MS);
  const wanted = ctx.bookingsPerClient + 8 + 1;
  const perPractitioner: { t: TypeRow; slots: Slot[] }[] = [];
  await ctx.db.query('begin');
  await ctx.db.query('set local role anon');
  for (const t of spread(types, types.length)) {
    if (perPractitioner.length >= wanted) break;
    const { rows } = await ctx.db.query<Slot>(
      'select starts_at, ends_at from public.get_available_slots($1, $2, $3, $4)',
      [t.practitioner_id, t.type_id, from.toISOString(), to.toISOString()],
    );
    const slots = disjointSlots(
      rows,
      t.buffer_before_minutes * 60_000,
      t.buffer_after_minutes * 60_000,
      clients,
    );
    if (slots.length === clients) perPractitioner.push({ t, slots });
  }
  await ctx.db.query('rollback');
  if (perPractitioner.length < wanted)
    throw new Error(`only ${perPractitioner.length} practitioners with ${clients} free slots`);

  const book = (p: { t: TypeRow; slots: Slot[] }, client: number, token: string): HttpCall =>
    rpc(
      ctx,
      'book_appointment',
      {
        p_practitioner_id: p.t.practitioner_id,
        p_consultation_type_id: p.t.type_id,
        p_starts_at: p.slots[client]!.starts_at.toISOString(),
        p_idempotency_key: `bench-${p.t.practitioner_id}-${client}`,
      },
      token,
    );
  const [spare, ...rest] = perPractitioner;
  const warm = rest.slice(0, 8);
  const measured = rest.slice(8, 8 + ctx.bookingsPerClient);
  const byClient = (list: typeof measured, tokenOffset: number) =>
    Array.from({ length: clients }, (_, c) => {
      const shift = Math.floor((c * list.length) / clients);
      return [...list.slice(shift), ...list.slice(0, shift)].map((p) => book(p, c, tokens[tokenOffset + c]!));
    });
  return {
    name: `book_appointment ${clients} clients`,
    target: { kind: 'throughput', minPerSecond: 300 },
    warmup: byClient(warm, clients),
    clients: byClient(measured, 0),
    plan: {
      role: 'authenticated',
      userId: patients.rows[clients]!.id,
      sql: 'select * from public.book_appointment($1, $2, $3, $4)',
      params: [
        spare!.t.practitioner_id,
        spare!.t.type_id,
        spare!.slots[0]!.starts_at.toISOString(),
        'bench-plan',
      ],
    },
    bookings: measured.length * clients,
  };
}
