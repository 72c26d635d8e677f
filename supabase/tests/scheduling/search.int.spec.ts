// search_practitioners as anyone: published practitioners only; profession, free text (accents,
// typos, French and English), distance and mode filters; sorted by distance or soonest, with
// next_available_at equal to the first slot get_available_slots offers. The practitioners here
// sit around a random point in the South Pacific, so other suites' practitioners (which have no
// location) never appear in these searches.
import { beforeAll, describe, expect, it } from 'vitest';
import { addDays, localDate } from '@carebook/domain';
import { anon, expireHold, iso, patient, scenario, type Scenario, sql } from '@carebook/testing';
import type { ConsultationMode, SearchSort } from '@carebook/domain';

const centre = { lat: -35 - Math.random() * 10, lng: -140 + Math.random() * 15 };
// A point `km` kilometres north or east of the centre.
const north = (km: number) => ({ lat: centre.lat + km / 111.2, lng: centre.lng });
const east = (km: number) => ({
  lat: centre.lat,
  lng: centre.lng + km / (111.2 * Math.cos((centre.lat * Math.PI) / 180)),
});

let elodie: Scenario; // psychologist, 1 km, video and in person, open from day 5
let jean: Scenario; // physiotherapist, 3 km, in person, open from day 3
let zoe: Scenario; // psychologist, 8 km, video, open from day 4
// A psychologist 0.5 km away, never published: must never appear.
let draft: Scenario;

const HOURS = { from: '09:00', to: '12:00' };

beforeAll(async () => {
  [elodie, jean, zoe, draft] = await Promise.all([
    scenario()
      .practitioner({
        displayName: 'Élodie Marchand',
        profession: 'psychologist',
        specialties: ['burnout', 'anxiety'],
        modes: ['video', 'in_person'],
        location: north(1),
      })
      .type({ notice: 60 })
      .build(),
    scenario()
      .practitioner({
        displayName: 'Jean Dupont',
        profession: 'physiotherapist',
        specialties: ['back_pain'],
        modes: ['in_person'],
        location: east(3),
      })
      .type({ notice: 60, mode: 'in_person' })
      .build(),
    scenario()
      .practitioner({
        displayName: 'Zoé Lefèvre',
        profession: 'psychologist',
        modes: ['video'],
        location: north(8),
      })
      .type({ notice: 60 })
      .build(),
    scenario()
      .practitioner({
        displayName: 'Élodie Brouillon',
        profession: 'psychologist',
        location: north(0.5),
      })
      .draft()
      .weeklyHours(HOURS)
      .type()
      .build(),
  ]);
  // Hours that begin a few days ahead give each one a distinct, stable first slot.
  for (const [s, days] of [
    [elodie, 5],
    [jean, 3],
    [zoe, 4],
  ] as const) {
    const { error } = await s.practitioner.client.from('availability_rules').insert(
      [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({
        practitioner_id: s.practitioner.id,
        weekday,
        start_time: HOURS.from,
        end_time: HOURS.to,
        valid_from: s.day(days),
      })),
    );
    if (error) throw error;
  }
});

interface SearchArgs {
  p_profession?: string;
  p_text?: string;
  p_radius_km?: number;
  p_mode?: ConsultationMode;
  p_sort?: SearchSort;
  p_limit?: number;
}

async function search(args: SearchArgs = {}) {
  const res = await anon().rpc('search_practitioners', {
    p_lat: centre.lat,
    p_lng: centre.lng,
    p_radius_km: 20,
    ...args,
  });
  if (res.error) throw new Error(res.error.message);
  return res.data;
}
const names = async (args: SearchArgs = {}) => (await search(args)).map((r) => r.display_name);

describe('search_practitioners', () => {
  it('returns published practitioners only, nearest first, with their distance', async () => {
    const rows = await search();
    expect(rows.map((r) => r.display_name)).toEqual(['Élodie Marchand', 'Jean Dupont', 'Zoé Lefèvre']);
    expect(rows.map((r) => r.id)).not.toContain(draft.practitioner.id);
    expect(rows.map((r) => Math.round(r.distance_km * 10) / 10)).toEqual([1, 3, 8]);
    expect(rows[0]).toMatchObject({
      profession_code: 'psychologist',
      profession_name_fr: 'Psychologue',
      profession_name_en: 'Psychologist',
    });
  });

  it('keeps to the radius', async () => {
    expect(await names({ p_radius_km: 5 })).toEqual(['Élodie Marchand', 'Jean Dupont']);
    expect(await names({ p_radius_km: 0.9 })).toEqual([]);
  });

  it('filters on profession and on mode', async () => {
    expect(await names({ p_profession: 'psychologist' })).toEqual(['Élodie Marchand', 'Zoé Lefèvre']);
    expect(await names({ p_mode: 'in_person' })).toEqual(['Élodie Marchand', 'Jean Dupont']);
    expect(await names({ p_mode: 'video' })).toEqual(['Élodie Marchand', 'Zoé Lefèvre']);
  });

  const textCases: [string, string[]][] = [
    ['psychologue', ['Élodie Marchand', 'Zoé Lefèvre']],
    ['psycologue', ['Élodie Marchand', 'Zoé Lefèvre']],
    ['Psychologist', ['Élodie Marchand', 'Zoé Lefèvre']],
    ['psychologits', ['Élodie Marchand', 'Zoé Lefèvre']],
    ['kinésithérapeute', ['Jean Dupont']],
    ['KINESITHERAPEUTE', ['Jean Dupont']],
    ['kinesiterapeute', ['Jean Dupont']],
    ['kiné', ['Jean Dupont']],
    ['physiotherapist', ['Jean Dupont']],
    ['physioterapist', ['Jean Dupont']],
    ['elodie', ['Élodie Marchand']],
    ['zoe lefevre', ['Zoé Lefèvre']],
    ['marchant', ['Élodie Marchand']],
    ['épuisement', ['Élodie Marchand']],
    ['burnout', ['Élodie Marchand']],
    ['anxiete', ['Élodie Marchand']],
    ['mal de dos', ['Jean Dupont']],
    ['back pain', ['Jean Dupont']],
    ['psychologue anxiété', ['Élodie Marchand']],
    ['osteopathe', []],
    ['brouillon', []],
  ];
  it.each(textCases)(
    'finds "%s" in names, professions and specialties, in French or English',
    async (text, expected) => {
      expect(await names({ p_text: text })).toEqual(expected);
    },
  );

  it('sorts by soonest availability, each row carrying the first slot get_available_slots offers', async () => {
    const rows = await search({ p_sort: 'soonest' });
    expect(rows.map((r) => r.display_name)).toEqual(['Jean Dupont', 'Zoé Lefèvre', 'Élodie Marchand']);
    for (const [i, [s, days]] of (
      [
        [jean, 3],
        [zoe, 4],
        [elodie, 5],
      ] as const
    ).entries()) {
      const first = (await s.slots(new Date().toISOString(), s.at(10, '00:00')))[0];
      expect(first?.starts_at).toBe(s.at(days, '09:00'));
      expect(iso(rows[i]!.next_available_at)).toBe(first?.starts_at);
    }
  });

  it('moves next_available_at on when a booking takes the first slot', async () => {
    const s = await scenario()
      .practitioner({ displayName: 'Camille Soon', location: east(2) })
      .weeklyHours({ ...HOURS, validFrom: addDays(localDate('Europe/Paris', Date.now()), 3) })
      .type({ notice: 60 })
      .build();
    const before = (await search({ p_text: 'camille soon' }))[0]!;
    const slots = await s.slots(new Date().toISOString(), s.at(10, '00:00'));
    expect(iso(before.next_available_at)).toBe(slots[0]!.starts_at);
    expect((await s.book(await patient(), slots[0]!.starts_at)).error).toBeNull();
    const after = (await search({ p_text: 'camille soon' }))[0]!;
    const now = await s.slots(new Date().toISOString(), s.at(10, '00:00'));
    // 45 minutes on a 15-minute step: the next free start is 45 minutes later.
    expect(iso(after.next_available_at)).toBe(now[0]!.starts_at);
    expect(Date.parse(now[0]!.starts_at) - Date.parse(slots[0]!.starts_at)).toBe(45 * 60_000);
  });

  it('gives the first slot back once a hold on it expires, even if nothing else is written', async () => {
    const s = await scenario()
      .practitioner({ displayName: 'Hugo Held', location: east(4) })
      .weeklyHours({ ...HOURS, validFrom: addDays(localDate('Europe/Paris', Date.now()), 3) })
      .type({ notice: 60, price: 4000 })
      .build();
    const first = (await s.slots(new Date().toISOString(), s.at(10, '00:00')))[0]!.starts_at;
    const held = await s.book(await patient(), first);
    expect(held.data?.status).toBe('held');
    expect(iso((await search({ p_text: 'hugo held' }))[0]!.next_available_at)).not.toBe(first);
    // now() cannot be moved forward, so check the bound that makes searches recompute once the
    // hold has run out: the cached value is declared good no longer than the hold lasts.
    const [cached] = await sql<{ valid_until: Date }>(
      `select valid_until from private.practitioner_next_slots where practitioner_id = $1`,
      [s.practitioner.id],
    );
    expect(cached!.valid_until.getTime()).toBeLessThanOrEqual(Date.parse(held.data!.hold_expires_at!));
    await expireHold(held.data!.id);
    expect(iso((await search({ p_text: 'hugo held' }))[0]!.next_available_at)).toBe(first);
  });

  it('sorts by the next slot it shows, recomputed when the cached one is stale', async () => {
    const opensFrom = (days: number) => addDays(localDate('Europe/Paris', Date.now()), days);
    const [late, early] = await Promise.all([
      scenario()
        .practitioner({ displayName: 'Quentin Stalecache', location: east(5) })
        .weeklyHours({ ...HOURS, validFrom: opensFrom(6) })
        .type({ notice: 60 })
        .build(),
      scenario()
        .practitioner({ displayName: 'Romane Stalecache', location: east(6) })
        .weeklyHours({ ...HOURS, validFrom: opensFrom(4) })
        .type({ notice: 60 })
        .build(),
    ]);
    // The late one's cache says "in an hour" and is past its validity: searches must recompute it.
    await sql(
      `update private.practitioner_next_slots
          set next_available_at = now() + interval '1 hour', valid_until = now() - interval '1 second'
        where practitioner_id = $1`,
      [late.practitioner.id],
    );
    const rows = await search({ p_text: 'stalecache', p_sort: 'soonest' });
    expect(rows.map((r) => r.display_name)).toEqual(['Romane Stalecache', 'Quentin Stalecache']);
    expect(iso(rows[0]!.next_available_at)).toBe(early.at(4, '09:00'));
    expect(iso(rows[1]!.next_available_at)).toBe(late.at(6, '09:00'));
  });

  it('refuses unknown modes and sorts, and page sizes outside 1-100', async () => {
    // Values the generated types forbid, as a hand-written client could still send them.
    const bad = [{ p_mode: 'telepathy' }, { p_sort: 'price' }, { p_limit: 0 }, { p_limit: 101 }] as SearchArgs[];
    for (const args of bad) {
      const res = await anon().rpc('search_practitioners', args);
      expect(res.status, JSON.stringify(args)).toBe(400);
    }
  });
});
