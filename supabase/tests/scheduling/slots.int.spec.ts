// get_available_slots on the days that break naive schedulers: clock changes in Paris and New
// York (the next ones from today, e.g. 2027-03-28 and 2027-10-31 in Paris), openings that start
// after a time off or an extra opening, and the call's own validation. Called as anon: anyone
// may read the slots of a published practitioner.
import { beforeAll, describe, expect, it } from 'vitest';
import { addDays, localDate, nextOffsetChange, offsetMinutes, zonedParts } from '@carebook/domain';
import { anon, atLocal, iso, patient, scenario, type Scenario } from '@carebook/testing';

const MINUTE = 60_000;

/** "09:00+01:00": the wall clock and the offset in force, so repeated hours are visible. */
function wallClock(zone: string, at: string): string {
  const t = Date.parse(at);
  const off = offsetMinutes(zone, t);
  const sign = off < 0 ? '-' : '+';
  const h = String(Math.floor(Math.abs(off) / 60)).padStart(2, '0');
  const m = String(Math.abs(off) % 60).padStart(2, '0');
  return `${zonedParts(zone, t).time}${sign}${h}:${m}`;
}

// Four types, each with one daily rule: ordinary hours, hours across the changed hour, hours
// inside it, and hours starting inside it.
function clockChangeScenario(zone: string): Promise<Scenario> {
  return scenario()
    .practitioner({ timeZone: zone })
    .type({ minutes: 45, step: 15, horizonDays: 365 })
    .type({ minutes: 30, step: 15, horizonDays: 365 })
    .type({ minutes: 30, step: 15, horizonDays: 365 })
    .type({ minutes: 30, step: 15, horizonDays: 365 })
    .weeklyHours({ from: '09:00', to: '12:00', types: [0] })
    .weeklyHours({ from: '01:00', to: '04:00', types: [1] })
    .weeklyHours({ from: '02:00', to: '03:00', types: [2] })
    .weeklyHours({ from: '02:30', to: '04:00', types: [3] })
    .build();
}

const quarterHours = (from: string, count: number, offset: string) =>
  Array.from({ length: count }, (_, i) => {
    const [h, m] = from.split(':').map(Number) as [number, number];
    const t = h * 60 + m + i * 15;
    return `${String(Math.floor(t / 60)).padStart(2, '0')}:${String(t % 60).padStart(2, '0')}${offset}`;
  });

interface ClockChangeCase {
  zone: string;
  direction: 'forward' | 'back';
  /** Local start times (with offset) each rule gives that day. */
  expected: { morning: string[]; across: string[]; inside: string[]; startingInside: string[] };
}

// The changed hour is 02:00-03:00 local except New York's fall-back, which repeats 01:00-02:00.
// What each rule does (Postgres' reading of local times, mirrored in @carebook/domain's time-zone.ts):
// - 09:00-12:00 is 09:00-12:00 on the wall clock: ten 45-minute slots every 15 minutes.
// - Across a skipped hour (01:00-04:00), the opening is an hour shorter and slots continue at
//   03:00; across a repeated hour it is an hour longer (Paris) and the repeated times appear twice.
// - A local time that does not exist is read with the offset from before the change (02:30 is
//   03:30 summer time), so 02:00-03:00 opens nothing that day and 02:30-04:00 opens 03:30-04:00.
// - A local time that exists twice is read as its second occurrence, so Paris' 02:00-03:00 opens
//   the second 02:00-03:00 and New York's 01:00-04:00 opens from the second 01:00.
const CASES: ClockChangeCase[] = [
  {
    zone: 'Europe/Paris',
    direction: 'forward',
    expected: {
      morning: quarterHours('09:00', 10, '+02:00'),
      across: [...quarterHours('01:00', 4, '+01:00'), ...quarterHours('03:00', 3, '+02:00')],
      inside: [],
      startingInside: ['03:30+02:00'],
    },
  },
  {
    zone: 'Europe/Paris',
    direction: 'back',
    expected: {
      morning: quarterHours('09:00', 10, '+01:00'),
      across: [...quarterHours('01:00', 8, '+02:00'), ...quarterHours('02:00', 7, '+01:00')],
      inside: quarterHours('02:00', 3, '+01:00'),
      startingInside: quarterHours('02:30', 5, '+01:00'),
    },
  },
  {
    zone: 'America/New_York',
    direction: 'forward',
    expected: {
      morning: quarterHours('09:00', 10, '-04:00'),
      across: [...quarterHours('01:00', 4, '-05:00'), ...quarterHours('03:00', 3, '-04:00')],
      inside: [],
      startingInside: ['03:30-04:00'],
    },
  },
  {
    zone: 'America/New_York',
    direction: 'back',
    expected: {
      morning: quarterHours('09:00', 10, '-05:00'),
      across: quarterHours('01:00', 11, '-05:00'),
      inside: quarterHours('02:00', 3, '-05:00'),
      startingInside: quarterHours('02:30', 5, '-05:00'),
    },
  },
];

describe('slots on clock-change days', () => {
  const scenarios = new Map<string, Scenario>();
  beforeAll(async () => {
    for (const zone of ['Europe/Paris', 'America/New_York'])
      scenarios.set(zone, await clockChangeScenario(zone));
  });

  for (const c of CASES) {
    const change = nextOffsetChange(c.zone, c.direction, Date.now());
    if (change === undefined) throw new Error(`${c.zone} has no clock change ahead`);
    const day = localDate(c.zone, change);
    it(`${c.zone} on ${day} (clocks go ${c.direction}): hours stay on the wall clock`, async () => {
      const s = scenarios.get(c.zone)!;
      // The whole local day and a little more: nothing outside the rules may appear.
      const from = s.at(day, '00:00');
      const to = s.at(addDays(day, 1), '00:00');
      const [morning, across, inside, startingInside] = await Promise.all(
        [0, 1, 2, 3].map((t) => s.slots(from, to, t, anon())),
      );
      const local = (slots: { starts_at: string }[]) => slots.map((x) => wallClock(c.zone, x.starts_at));
      // Run on the day of the change itself, the times already past are not offered: the rest are.
      const today = day === localDate(c.zone, Date.now());
      const left = (expected: string[], got: unknown[]) =>
        today ? expected.slice(Math.max(0, expected.length - got.length)) : expected;
      expect(local(morning!)).toEqual(left(c.expected.morning, morning!));
      expect(local(across!)).toEqual(left(c.expected.across, across!));
      expect(local(inside!)).toEqual(left(c.expected.inside, inside!));
      expect(local(startingInside!)).toEqual(left(c.expected.startingInside, startingInside!));
      // Durations are real minutes, even when a slot spans the change.
      for (const [slots, minutes] of [
        [morning!, 45],
        [across!, 30],
        [inside!, 30],
        [startingInside!, 30],
      ] as const) {
        for (const x of slots) expect(Date.parse(x.ends_at) - Date.parse(x.starts_at)).toBe(minutes * MINUTE);
      }
    });
  }
});

describe('the slot grid', () => {
  it("keeps the opening's grid after a time off, and every listed time can be booked", async () => {
    const day = addDays(localDate('Europe/Paris', Date.now()), 3);
    const s = await scenario()
      .practitioner({ timeZone: 'Europe/Paris' })
      .weeklyHours({ from: '09:00', to: '12:00' })
      .type({ minutes: 30, step: 15 })
      // Ends at 09:44: the next start is 09:45, as in any calendar, not 09:44.
      .timeOff(atLocal('Europe/Paris', day, '09:00'), atLocal('Europe/Paris', day, '09:44'))
      .busy(atLocal('Europe/Paris', day, '10:50'), atLocal('Europe/Paris', day, '11:05'))
      .build();
    const slots = await s.slots(s.at(day, '00:00'), s.at(day, '23:00'));
    expect(slots.map((x) => zonedParts(s.timeZone, Date.parse(x.starts_at)).time)).toEqual([
      '09:45',
      '10:00',
      '10:15',
      '11:15',
      '11:30',
    ]);
    // Off the grid, right after the time off: refused as such.
    const early = await s.book(await patient(), s.at(day, '09:44'));
    expect(early.status).toBe(409);
    expect(early.error?.details).toBe('off_grid');
    // The booking check looks at a window of one instant: it must see the same grid.
    const patients = await Promise.all([patient(), patient(), patient()]);
    for (const [i, at] of [slots[0]!.starts_at, slots[2]!.starts_at, slots[4]!.starts_at].entries()) {
      const res = await s.book(patients[i]!, at);
      expect(res.error, `booking ${at}`).toBeNull();
      expect(iso(res.data!.starts_at)).toBe(at);
    }
  });

  it('starts at an extra opening that runs into the weekly hours', async () => {
    const s = await scenario()
      .practitioner({ timeZone: 'Europe/Paris' })
      .weeklyHours({ from: '09:00', to: '12:00' })
      .type({ minutes: 45, step: 45 })
      .build();
    const day = s.day(4);
    const { error } = await s.practitioner.client.from('availability_exceptions').insert({
      practitioner_id: s.practitioner.id,
      kind: 'extra',
      during: `[${s.at(day, '08:10')},${s.at(day, '09:00')})`,
    });
    expect(error).toBeNull();
    const slots = await s.slots(s.at(day, '00:00'), s.at(day, '23:00'));
    expect(slots.map((x) => zonedParts(s.timeZone, Date.parse(x.starts_at)).time)).toEqual([
      '08:10',
      '08:55',
      '09:40',
      '10:25',
      '11:10',
    ]);
    const res = await s.book(await patient(), s.at(day, '09:40'));
    expect(res.error).toBeNull();
  });

  it('are listed for published practitioners only, to anyone', async () => {
    const draft = await scenario()
      .practitioner()
      .draft()
      .weeklyHours({ from: '09:00', to: '12:00' })
      .type()
      .build();
    const day = draft.day(2);
    expect(await draft.slots(draft.at(day, '00:00'), draft.at(day, '23:00'))).toEqual([]);
    // Its owner sees what patients will see once it is published.
    const own = await draft.slots(
      draft.at(day, '00:00'),
      draft.at(day, '23:00'),
      0,
      draft.practitioner.client,
    );
    expect(own).toHaveLength(10);
  });

  it('refuse a window that ends before it starts, or spans more than 62 days', async () => {
    const s = await scenario().practitioner().weeklyHours({ from: '09:00', to: '12:00' }).type().build();
    const args = { p_practitioner_id: s.practitioner.id, p_consultation_type_id: s.type.id };
    const backwards = await anon().rpc('get_available_slots', {
      ...args,
      p_from: s.at(3, '12:00'),
      p_to: s.at(3, '09:00'),
    });
    expect(backwards.status).toBe(400);
    expect(backwards.error?.message).toBe('p_to must be after p_from');
    const long = await anon().rpc('get_available_slots', {
      ...args,
      p_from: s.at(1, '00:00'),
      p_to: s.at(64, '00:00'),
    });
    expect(long.status).toBe(400);
    expect(long.error?.message).toMatch(/at most 62 days/);
  });

  it('refuse a missing practitioner, type or date with 400 and a code, never an empty list', async () => {
    const s = await scenario().practitioner().weeklyHours({ from: '09:00', to: '12:00' }).type().build();
    const full = {
      p_practitioner_id: s.practitioner.id,
      p_consultation_type_id: s.type.id,
      p_from: s.at(3, '00:00'),
      p_to: s.at(4, '00:00'),
    };
    for (const name of ['get_available_slots', 'get_available_slot_days'] as const) {
      for (const [missing, code] of [
        ['p_practitioner_id', 'invalid_input'],
        ['p_consultation_type_id', 'invalid_input'],
        ['p_from', 'invalid_window'],
        ['p_to', 'invalid_window'],
      ] as const) {
        const res = await anon().rpc(name, { ...full, [missing]: null } as typeof full);
        expect(res.status, `${name} without ${missing}`).toBe(400);
        expect(res.error?.details, `${name} without ${missing}`).toBe(code);
      }
    }
  });
});

describe('answers are never cut', () => {
  it('gives the widest window of the densest type whole, one row per day, and never cuts the row answer', async () => {
    // Open around the clock, a 5-minute type every 5 minutes: 288 starts a day, 17,856 in 62 days.
    const s = await scenario()
      .practitioner({ timeZone: 'Europe/Paris' })
      .weeklyHours({ from: '00:00', to: '24:00' })
      .type({ minutes: 5, step: 5, notice: 0, horizonDays: 365 })
      .build();
    const from = s.at(s.day(1), '00:00');
    const to = new Date(Date.parse(from) + 62 * 24 * 60 * MINUTE).toISOString();
    const args = {
      p_practitioner_id: s.practitioner.id,
      p_consultation_type_id: s.type.id,
      p_from: from,
      p_to: to,
    };

    const days = await anon().rpc('get_available_slot_days', args);
    expect(days.error).toBeNull();
    expect(days.data!.length).toBeLessThanOrEqual(63);
    const starts = days.data!.flatMap((d) => d.starts_at.map((at) => Date.parse(at)));
    expect(starts).toHaveLength(62 * 288);
    expect(starts[0]).toBe(Date.parse(from));
    expect(starts.at(-1)).toBe(Date.parse(to) - 5 * MINUTE);
    expect(starts.every((t, i) => i === 0 || t - starts[i - 1]! === 5 * MINUTE)).toBe(true);
    expect(days.data!.every((d) => d.duration_minutes === 5)).toBe(true);
    // Each row is one local day of the practitioner, with that day's starts.
    for (const d of days.data!) {
      for (const at of d.starts_at) expect(zonedParts(s.timeZone, Date.parse(at)).date).toBe(d.day);
    }

    // One row per slot cannot hold this: refused with a code, not answered in part with a 200.
    const rows = await anon().rpc('get_available_slots', args);
    expect(rows.status).toBe(400);
    expect(rows.error?.details).toBe('window_too_wide');
    expect(rows.error?.hint).toMatch(/get_available_slot_days/);
    // What fits is answered whole.
    const threeDays = await anon().rpc('get_available_slots', {
      ...args,
      p_to: new Date(Date.parse(from) + 3 * 24 * 60 * MINUTE).toISOString(),
    });
    expect(threeDays.data).toHaveLength(3 * 288);
  });
});
