// search_practitioners_with_slots: the search page's data in one call. Each hit carries the next
// three starts of its soonest type (of the searched mode), the same starts get_available_slots
// offers for that type, its price range and time zone; unpublished practitioners never appear.
// Everyone here sits around a random point in the South Pacific, away from other suites' data.
import { beforeAll, describe, expect, it } from 'vitest';
import { anon, iso, patient, scenario, sql, type Scenario } from '@carebook/testing';
import type { ConsultationMode } from '@carebook/domain';

const centre = { lat: -35 - Math.random() * 10, lng: -140 + Math.random() * 15 };
const north = (km: number) => ({ lat: centre.lat + km / 111.2, lng: centre.lng });

let crowd: Scenario[]; // 21 psychologists, one each 0.2 km further out, open 09:00-12:00 daily
// Video 60 € with two days' notice, in person 80 € without: in person is soonest at any time of day
// (its next start is less than a day away), video's first start is at least two days away.
let twoModes: Scenario;
let sparse: Scenario; // one hour on Mondays only: two starts in two weeks, the third later
let draft: Scenario; // never published, nearest of all

beforeAll(async () => {
  [crowd, twoModes, sparse, draft] = await Promise.all([
    Promise.all(
      Array.from({ length: 21 }, (_, i) =>
        scenario()
          .practitioner({ profession: 'psychologist', modes: ['video'], location: north(1 + i * 0.2) })
          .weeklyHours('daily', '09:00-12:00')
          .type({ minutes: 30, price: 5000 })
          .build(),
      ),
    ),
    scenario()
      .practitioner({ profession: 'dietitian', modes: ['video', 'in_person'], location: north(30) })
      .type({ mode: 'video', price: 6000, minutes: 30, notice: 2 * 24 * 60 })
      .type({ mode: 'in_person', price: 8000, minutes: 30 })
      .weeklyHours('daily', '14:00-17:00', { types: [0] })
      .weeklyHours('daily', '09:00-12:00', { types: [1] })
      .build(),
    scenario()
      .practitioner({ profession: 'osteopath', modes: ['in_person'], location: north(40) })
      .type({ mode: 'in_person', minutes: 60, price: 7000 })
      .weeklyHours('mon', '09:00-10:00')
      .build(),
    scenario()
      .practitioner({ profession: 'psychologist', modes: ['video'], location: north(0.1) })
      .draft()
      .weeklyHours('daily', '09:00-12:00')
      .type()
      .build(),
  ]);
}, 120_000);

interface Args {
  p_profession?: string;
  p_mode?: ConsultationMode;
  p_limit?: number;
  p_offset?: number;
  p_radius_km?: number;
}

async function search(args: Args = {}) {
  const res = await anon().rpc('search_practitioners_with_slots', {
    p_lat: centre.lat,
    p_lng: centre.lng,
    p_radius_km: 50,
    ...args,
  });
  if (res.error) throw new Error(res.error.message);
  return res.data;
}

// One instant for both ends: two Date.now() calls could ask for a hair over the 62 days allowed.
const inTwoMonths = () => {
  const now = Date.now();
  return { from: new Date(now).toISOString(), to: new Date(now + 61 * 86_400_000).toISOString() };
};

describe('search_practitioners_with_slots', () => {
  it('answers a page of 20 in one call, each with the first 3 slots get_available_slots offers for its type', async () => {
    const rows = await search({ p_profession: 'psychologist', p_limit: 20 });
    expect(rows).toHaveLength(20);
    expect(rows.map((r) => r.id)).toEqual(crowd.slice(0, 20).map((s) => s.practitioner.id));
    const { from, to } = inTwoMonths();
    for (const [i, row] of rows.entries()) {
      const s = crowd[i]!;
      expect(row.next_type_id).toBe(s.type.id);
      expect(row.next_type_mode).toBe('video');
      const slots = await s.slots(from, to);
      expect(row.next_slots.map(iso)).toEqual(slots.slice(0, 3).map((x) => x.starts_at));
      expect(iso(row.next_available_at)).toBe(slots[0]!.starts_at);
      expect(row).toMatchObject({
        time_zone: 'Europe/Paris',
        min_price_cents: 5000,
        max_price_cents: 5000,
        currency: 'EUR',
      });
    }
  });

  it('pages like search_practitioners', async () => {
    const second = await search({ p_profession: 'psychologist', p_limit: 20, p_offset: 20 });
    expect(second.map((r) => r.id)).toEqual([crowd[20]!.practitioner.id]);
    const plain = await anon().rpc('search_practitioners', {
      p_lat: centre.lat,
      p_lng: centre.lng,
      p_radius_km: 50,
      p_limit: 100,
    });
    expect((await search({ p_limit: 100 })).map((r) => r.id)).toEqual(plain.data!.map((r) => r.id));
  });

  it('never lists an unpublished practitioner', async () => {
    const rows = await search({ p_limit: 100 });
    expect(rows.map((r) => r.id)).not.toContain(draft.practitioner.id);
    expect(rows).toHaveLength(23);
  });

  it('takes the soonest type, or the soonest of the searched mode, with the price range of that mode', async () => {
    const { from, to } = inTwoMonths();
    const [any] = await search({ p_profession: 'dietitian' });
    expect(any).toMatchObject({ next_type_id: twoModes.types[1]!.id, next_type_mode: 'in_person' });
    expect(any!.next_slots.map(iso)).toEqual(
      (await twoModes.slots(from, to, 1)).slice(0, 3).map((x) => x.starts_at),
    );
    expect(any).toMatchObject({ min_price_cents: 6000, max_price_cents: 8000 });

    const [video] = await search({ p_profession: 'dietitian', p_mode: 'video' });
    expect(video).toMatchObject({ next_type_id: twoModes.types[0]!.id, next_type_mode: 'video' });
    expect(video!.next_slots.map(iso)).toEqual(
      (await twoModes.slots(from, to, 0)).slice(0, 3).map((x) => x.starts_at),
    );
    expect(video).toMatchObject({ min_price_cents: 6000, max_price_cents: 6000 });
  });

  it('looks past two weeks when they hold fewer than three starts', async () => {
    const { from, to } = inTwoMonths();
    const [row] = await search({ p_profession: 'osteopath' });
    const slots = await sparse.slots(from, to);
    expect(row!.next_slots).toHaveLength(3);
    expect(row!.next_slots.map(iso)).toEqual(slots.slice(0, 3).map((x) => x.starts_at));
  });

  it('moves the slots on when one is booked, and computes them afresh when the kept ones are stale', async () => {
    const { from, to } = inTwoMonths();
    const s = await scenario()
      .practitioner({ profession: 'midwife', modes: ['video'], location: north(45) })
      .weeklyHours('daily', '09:00-12:00')
      .type({ minutes: 30, price: 4000 })
      .build();
    const before = await s.slots(from, to);
    const booked = await s.book(await patient(), before[1]!.starts_at);
    expect(booked.error).toBeNull();
    const [row] = await search({ p_profession: 'midwife' });
    const after = await s.slots(from, to);
    expect(row!.next_slots.map(iso)).toEqual(after.slice(0, 3).map((x) => x.starts_at));
    expect(row!.next_slots.map(iso)).not.toContain(before[1]!.starts_at);

    // Kept starts past their validity (and wrong): the search computes them again, not shows them.
    await sql(
      `update private.practitioner_next_slots
          set next_starts = array[now() + interval '1 hour'], valid_until = now() - interval '1 second'
        where practitioner_id = $1`,
      [s.practitioner.id],
    );
    const [again] = await search({ p_profession: 'midwife' });
    expect(again!.next_slots.map(iso)).toEqual(after.slice(0, 3).map((x) => x.starts_at));
  });
});
