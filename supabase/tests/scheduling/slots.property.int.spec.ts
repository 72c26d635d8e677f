// Property tests of get_available_slots: random weekly rules, exceptions, busy time, existing
// appointments and consultation types, in time zones with DST changes (and half-hour ones),
// sometimes around the zone's next clock change. Each run writes its data inside a transaction
// as `postgres`, asks for slots as a signed-in patient (role and JWT claims set the way
// PostgREST sets them), compares with slot-oracle.ts, then rolls back.
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, minutesToTime, nextOffsetChange, zonedInstant, zonedParts } from '@carebook/domain';
import { config, scenario, type TestUser, user } from '@carebook/testing';
import {
  expectedSlots,
  normalize,
  overlaps,
  slotViolations,
  type ExistingAppointment,
  type Interval,
  type SlotQuestion,
} from './slot-oracle.ts';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const ZONES = [
  'Europe/Paris',
  'America/New_York',
  'Asia/Kolkata',
  'Australia/Lord_Howe',
  'America/St_Johns',
  'UTC',
];
const STATUSES = ['held', 'held_expired', 'confirmed', 'cancelled', 'completed', 'no_show'] as const;

const fiveMinutes = (min: number, max: number) => fc.integer({ min, max }).map((n) => n * 5);
// Which types a rule or exception is for: all, this one, or another one.
const restriction = fc.constantFrom('all', 'all', 'this', 'other');

// Local times end by 23:55, so no opening runs on past midnight into the next day's. Openings
// with no break for over a day are the one case where open_ranges anchors the slot grid at the
// start of the days it looks at rather than at the opening's true start (see its comment).
const localRange = fc.record({ start: fiveMinutes(0, 286), length: fiveMinutes(1, 144) });
// Null three times out of four: restrictions that close most hours would leave little to check.
const sometimes = <T>(arb: fc.Arbitrary<T>) =>
  fc.oneof({ arbitrary: fc.constant(null), weight: 3 }, { arbitrary: arb, weight: 1 });

const input = fc.record({
  zone: fc.constantFrom(...ZONES),
  anchor: fc.constantFrom('now', 'now', 'forward', 'back'),
  type: fc.record({
    duration: fiveMinutes(1, 24),
    step: fiveMinutes(1, 12),
    bufferBefore: fiveMinutes(0, 6),
    bufferAfter: fiveMinutes(0, 6),
    // Mostly short notice, sometimes up to two days.
    notice: fc.oneof(
      { arbitrary: fiveMinutes(0, 36), weight: 3 },
      { arbitrary: fiveMinutes(0, 576), weight: 1 },
    ),
    horizonExtraDays: fc.integer({ min: -1, max: 10 }),
    mode: fc.constantFrom('video', 'in_person', 'at_home'),
  }),
  rules: fc.array(
    fc.record({
      weekday: fc.integer({ min: 1, max: 7 }),
      time: localRange,
      types: restriction,
      modes: sometimes(fc.subarray(['video', 'in_person', 'at_home'], { minLength: 1 })),
      validFrom: sometimes(fc.integer({ min: -3, max: 6 })),
      validUntil: sometimes(fc.integer({ min: -3, max: 6 })),
    }),
    { minLength: 1, maxLength: 14, size: 'medium' },
  ),
  exceptions: fc.array(
    fc.record({
      kind: fc.constantFrom('time_off', 'extra'),
      day: fc.integer({ min: -2, max: 7 }),
      time: localRange,
      types: restriction,
    }),
    { maxLength: 6 },
  ),
  busy: fc.array(fc.record({ start: fiveMinutes(-288, 2016), length: fiveMinutes(1, 48) }), { maxLength: 5 }),
  appointments: fc.array(
    fc.record({
      start: fiveMinutes(-288, 2016),
      length: fiveMinutes(1, 24),
      before: fiveMinutes(0, 6),
      after: fiveMinutes(0, 6),
      status: fc.constantFrom(...STATUSES),
    }),
    { maxLength: 8 },
  ),
  window: fc.record({ from: fiveMinutes(-288, 1440), length: fiveMinutes(12, 2016) }),
  // Which listed slot to book, and which unlisted time in the window to try.
  probe: fc.record({ listed: fc.nat(), unlisted: fc.nat() }),
});
type Input = typeof input extends fc.Arbitrary<infer T> ? T : never;

let practitioner: TestUser;
let patient: TestUser;
let booker: TestUser;
let db: pg.Client;

beforeAll(async () => {
  const s = await scenario().practitioner({ displayName: 'Property Practitioner' }).build();
  practitioner = s.practitioner;
  [patient, booker] = await Promise.all([user('patient'), user('patient')]);
  // One connection of its own: every run is a transaction on it.
  db = new pg.Client(config.dbUrl('postgres'));
  await db.connect();
});

afterAll(async () => {
  await db.end();
});

interface Booked {
  at: number;
  listed: boolean;
  error: string | null;
}

const isoAt = (ms: number) => new Date(ms).toISOString();
const range = (i: Interval) => `[${isoAt(i.start)},${isoAt(i.end)})`;

/** Builds the question from the random input, writes it, asks the database, and rolls back. */
async function ask(x: Input): Promise<{ q: SlotQuestion; got: Interval[]; booked: Booked[] }> {
  await db.query('begin');
  try {
    // now() is the transaction's start: the same instant for the oracle and for every call here.
    const [{ now }] = (await db.query<{ now: string }>(`select extract(epoch from now()) * 1000 as now`))
      .rows as [{ now: string }];
    const nowMs = Number(now);
    // Around the zone's next clock change, or now for zones without one.
    const change =
      x.anchor === 'now'
        ? undefined
        : nextOffsetChange(x.zone, x.anchor === 'forward' ? 'forward' : 'back', nowMs);
    const base = change ?? Math.ceil(nowMs / MINUTE) * MINUTE;
    const baseDate = zonedParts(x.zone, base).date;
    const horizonDays = Math.min(365, Math.max(1, Math.ceil((base - nowMs) / DAY) + x.type.horizonExtraDays));
    const otherType = randomUUID();

    await db.query(`update public.practitioners set time_zone = $2 where id = $1`, [practitioner.id, x.zone]);
    const [type] = (
      await db.query<{ id: string }>(
        `insert into public.consultation_types (practitioner_id, name_fr, duration_minutes, slot_step_minutes, buffer_before_minutes,
                                                buffer_after_minutes, min_notice_minutes, horizon_days, price_cents, mode)
         values ($1, 'Propriété', $2, $3, $4, $5, $6, $7, 0, $8) returning id`,
        [
          practitioner.id,
          x.type.duration,
          x.type.step,
          x.type.bufferBefore,
          x.type.bufferAfter,
          x.type.notice,
          horizonDays,
          x.type.mode,
        ],
      )
    ).rows as [{ id: string }];
    const typeIds = (r: string) => (r === 'all' ? null : [r === 'this' ? type.id : otherType]);

    const rules = x.rules.map((r) => ({
      weekday: r.weekday,
      start: r.time.start,
      end: Math.min(r.time.start + r.time.length, 1435),
      typeIds: typeIds(r.types),
      modes: r.modes,
      validFrom: r.validFrom === null ? null : addDays(baseDate, r.validFrom),
      validUntil:
        r.validUntil === null ? null : addDays(baseDate, Math.max(r.validUntil, r.validFrom ?? r.validUntil)),
    }));
    await db.query(
      `insert into public.availability_rules (practitioner_id, weekday, start_time, end_time, consultation_type_ids, modes, valid_from, valid_until)
       select $1, x.weekday, x.start_time, x.end_time, x.consultation_type_ids, x.modes, x.valid_from, x.valid_until
         from jsonb_to_recordset($2) as x(weekday smallint, start_time time, end_time time, consultation_type_ids uuid[], modes public.consultation_mode[],
                                          valid_from date, valid_until date)`,
      [
        practitioner.id,
        JSON.stringify(
          rules.map((r) => ({
            weekday: r.weekday,
            start_time: minutesToTime(r.start),
            end_time: minutesToTime(r.end),
            consultation_type_ids: r.typeIds,
            modes: r.modes,
            valid_from: r.validFrom,
            valid_until: r.validUntil,
          })),
        ),
      ],
    );

    const exceptions = x.exceptions
      .map((e) => {
        const day = addDays(baseDate, e.day);
        return {
          kind: e.kind,
          typeIds: typeIds(e.types),
          start: zonedInstant(x.zone, day, e.time.start),
          end: zonedInstant(x.zone, day, Math.min(e.time.start + e.time.length, 1435)),
        };
      })
      .filter((e) => e.start < e.end);
    if (exceptions.length) {
      await db.query(
        `insert into public.availability_exceptions (practitioner_id, kind, during, consultation_type_ids)
         select $1, x.kind, x.during::tstzrange, x.consultation_type_ids
           from jsonb_to_recordset($2) as x(kind public.availability_exception_kind, during text, consultation_type_ids uuid[])`,
        [
          practitioner.id,
          JSON.stringify(
            exceptions.map((e) => ({ kind: e.kind, during: range(e), consultation_type_ids: e.typeIds })),
          ),
        ],
      );
    }

    const busy = x.busy.map((b) => ({
      start: base + b.start * MINUTE,
      end: base + (b.start + b.length) * MINUTE,
    }));
    if (busy.length) {
      await db.query(
        `insert into public.external_busy_intervals (practitioner_id, source, source_id, during)
         select $1, 'google', gen_random_uuid()::text, d::tstzrange from jsonb_array_elements_text($2) d`,
        [practitioner.id, JSON.stringify(busy.map(range))],
      );
    }

    // Held and confirmed rows may not overlap (the exclusion constraint counts expired holds too).
    const appointments: (ExistingAppointment & { during: Interval })[] = [];
    for (const a of x.appointments) {
      const during = { start: base + a.start * MINUTE, end: base + (a.start + a.length) * MINUTE };
      const blocked = { start: during.start - a.before * MINUTE, end: during.end + a.after * MINUTE };
      const status = a.status === 'held_expired' ? 'held' : a.status;
      const holdExpiresAt =
        a.status === 'held' ? nowMs + 10 * MINUTE : a.status === 'held_expired' ? nowMs - MINUTE : null;
      const active = status === 'held' || status === 'confirmed';
      if (
        active &&
        appointments.some(
          (o) => (o.status === 'held' || o.status === 'confirmed') && overlaps(o.blocked, blocked),
        )
      )
        continue;
      appointments.push({ during, blocked, status, holdExpiresAt });
    }
    if (appointments.length) {
      await db.query(
        `insert into public.appointments (practitioner_id, patient_id, consultation_type_id, starts_at, ends_at, blocked, status,
                                          hold_expires_at, cancelled_at, mode, price_cents, currency)
         select $1, $2, $3, x.starts_at, x.ends_at, x.blocked::tstzrange, x.status, x.hold_expires_at,
                case when x.status = 'cancelled' then now() end, 'video', 0, 'EUR'
           from jsonb_to_recordset($4) as x(starts_at timestamptz, ends_at timestamptz, blocked text, status public.appointment_status, hold_expires_at timestamptz)`,
        [
          practitioner.id,
          patient.id,
          type.id,
          JSON.stringify(
            appointments.map((a) => ({
              starts_at: isoAt(a.during.start),
              ends_at: isoAt(a.during.end),
              blocked: range(a.blocked),
              status: a.status,
              hold_expires_at: a.holdExpiresAt === null ? null : new Date(a.holdExpiresAt).toISOString(),
            })),
          ),
        ],
      );
    }

    const from = base + x.window.from * MINUTE;
    const to = from + x.window.length * MINUTE;
    await db.query(`set local role authenticated`);
    await db.query(`select set_config('request.jwt.claims', $1, true)`, [
      JSON.stringify({ sub: patient.id, role: 'authenticated' }),
    ]);
    const got = (
      await db.query<{ starts_at: Date; ends_at: Date }>(
        `select starts_at, ends_at from public.get_available_slots($1, $2, $3, $4)`,
        [practitioner.id, type.id, isoAt(from), isoAt(to)],
      )
    ).rows.map((r) => ({ start: r.starts_at.getTime(), end: r.ends_at.getTime() }));

    // The same computation must accept a listed slot and refuse a time it does not list.
    await db.query(`select set_config('request.jwt.claims', $1, true)`, [
      JSON.stringify({ sub: booker.id, role: 'authenticated' }),
    ]);
    const listed = new Set(got.map((g) => g.start));
    const probes: number[] = [];
    if (got.length) probes.push(got[x.probe.listed % got.length]!.start);
    const candidate = from + (x.probe.unlisted % Math.floor((to - from) / (5 * MINUTE))) * 5 * MINUTE;
    if (!listed.has(candidate)) probes.push(candidate);
    const booked: Booked[] = [];
    for (const at of probes) {
      await db.query('savepoint probe');
      try {
        await db.query(`select id from public.book_appointment($1, $2, $3)`, [
          practitioner.id,
          type.id,
          isoAt(at),
        ]);
        booked.push({ at, listed: listed.has(at), error: null });
      } catch (err) {
        booked.push({
          at,
          listed: listed.has(at),
          error: `${(err as { code?: string }).code}: ${(err as Error).message}`,
        });
      }
      await db.query('rollback to savepoint probe');
    }

    const q: SlotQuestion = {
      timeZone: x.zone,
      type: {
        id: type.id,
        mode: x.type.mode,
        duration: x.type.duration,
        step: x.type.step,
        bufferBefore: x.type.bufferBefore,
        bufferAfter: x.type.bufferAfter,
        notice: x.type.notice,
        horizonDays,
      },
      rules,
      extras: exceptions.filter((e) => e.kind === 'extra'),
      timeOff: exceptions.filter((e) => e.kind === 'time_off'),
      busy,
      appointments,
      now: nowMs,
      from,
      to,
    };
    return { q, got, booked };
  } finally {
    await db.query('rollback');
  }
}

describe('get_available_slots, on random schedules', () => {
  it('offers exactly the free, open, on-grid times between notice and horizon; booking accepts those and refuses others', async () => {
    let nonEmpty = 0;
    await fc.assert(
      fc.asyncProperty(input, async (x) => {
        const { q, got, booked } = await ask(x);
        if (got.length) nonEmpty++;
        expect(slotViolations(q, got)).toEqual([]);
        expect(got.map((s) => isoAt(s.start))).toEqual(expectedSlots(q).map((s) => isoAt(s.start)));
        for (const b of booked) {
          if (b.listed) expect(b.error, `booking listed slot ${isoAt(b.at)}`).toBeNull();
          else expect(b.error, `booking unlisted time ${isoAt(b.at)}`).toMatch(/^PT409: /);
        }
      }),
      { numRuns: 150 },
    );
    // Random schedules that never open would prove nothing.
    expect(nonEmpty).toBeGreaterThan(40);
  }, 60_000);

  it('oracle self-check: merging and the DST reading agree with Postgres on fixed cases', () => {
    expect(
      normalize([
        { start: 0, end: 5 },
        { start: 5, end: 9 },
        { start: 20, end: 30 },
      ]),
    ).toEqual([
      { start: 0, end: 9 },
      { start: 20, end: 30 },
    ]);
    // Values Postgres gives for `(date + time) at time zone`, in a gap and in an overlap.
    expect(isoAt(zonedInstant('Europe/Paris', '2027-03-28', '02:30'))).toBe('2027-03-28T01:30:00.000Z');
    expect(isoAt(zonedInstant('Europe/Paris', '2027-10-31', '02:30'))).toBe('2027-10-31T01:30:00.000Z');
    expect(isoAt(zonedInstant('America/New_York', '2027-11-07', '01:30'))).toBe('2027-11-07T06:30:00.000Z');
    expect(isoAt(zonedInstant('Australia/Lord_Howe', '2027-04-04', '01:45'))).toBe(
      '2027-04-03T15:15:00.000Z',
    );
  });
});
