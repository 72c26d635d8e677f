import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { profileOf } from './catalog.ts';
import { insideFrance } from './cities.ts';
import { DEMO_ACCOUNTS } from './demo.ts';
import { generate, SCALES, type Dataset, type GenerateOptions } from './generate.ts';
import { parseRangeLiteral, union, type Range } from './ranges.ts';
import { referenceFromSeedSql } from './reference-fixture.ts';
import { LARGE_PRACTICE_PATIENTS } from './schedule.ts';

const reference = referenceFromSeedSql();
const now = new Date('2026-11-21T00:00:00Z');
const options = (over: Partial<GenerateOptions> = {}): GenerateOptions => ({
  seed: 42,
  scale: 'small',
  reference,
  now,
  ...over,
});
const small = generate(options());
const large = generate(options({ scale: 'large' }));

/** A digest of every row, for comparing two large data sets without one giant string. */
function digest(data: Dataset): string {
  const hash = createHash('sha256');
  for (const [table, rows] of Object.entries(data)) {
    hash.update(table);
    for (const row of rows as unknown[]) hash.update(JSON.stringify(row));
  }
  return hash.digest('hex');
}

// Local wall-clock time of an instant, straight from Intl: independent of the generator's own
// local-to-UTC conversion, which these specs check.
const wallClocks = new Map<string, Intl.DateTimeFormat>();
function wall(tz: string, ms: number): { date: string; weekday: number; minutes: number } {
  let f = wallClocks.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone: tz,
      hourCycle: 'h23',
      weekday: 'short',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    });
    wallClocks.set(tz, f);
  }
  const parts = Object.fromEntries(f.formatToParts(new Date(ms)).map((p) => [p.type, p.value]));
  const weekday = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(parts.weekday!) + 1;
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    weekday,
    minutes: Number(parts.hour) * 60 + Number(parts.minute),
  };
}
function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const row of rows) {
    const list = map.get(key(row));
    if (list) list.push(row);
    else map.set(key(row), [row]);
  }
  return map;
}
const hhmm = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

function luhnValid(number: string): boolean {
  const sum = [...number]
    .reverse()
    .map(Number)
    .reduce((acc, d, i) => acc + (i % 2 === 1 ? (d * 2 > 9 ? d * 2 - 9 : d * 2) : d), 0);
  return sum % 10 === 0;
}

describe.each([
  ['small', small],
  ['large', large],
] as const)('the %s data set', (scale, data: Dataset) => {
  const size = SCALES[scale];
  const registryOf = new Map(reference.professions.map((p) => [p.code, p.registry]));

  it('has the head counts of its scale', () => {
    expect(data.practitioners).toHaveLength(size.practitioners);
    expect(data.companies).toHaveLength(size.companies);
    expect(data.staff_members).toHaveLength(size.staff);
    expect(data.users.filter((u) => u.role === 'patient')).toHaveLength(size.patients);
    expect(data.users).toHaveLength(size.practitioners + size.patients + size.staff);
  });

  it('has unique ids, e-mails and slugs', () => {
    const unique = (xs: string[]) => new Set(xs).size === xs.length;
    expect(unique(data.users.map((u) => u.id))).toBe(true);
    expect(unique(data.users.map((u) => u.email))).toBe(true);
    expect(unique(data.practitioners.map((p) => p.slug))).toBe(true);
    expect(
      unique(
        [
          ...data.consultation_types,
          ...data.subscriptions,
          ...data.availability_rules,
          ...data.availability_exceptions,
          ...data.appointments,
        ].map((r) => r.id),
      ),
    ).toBe(true);
    for (const p of data.practitioners) expect(p.slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    for (const u of data.users) expect(u.email).toMatch(/^[a-z0-9.]+@[a-z0-9.-]+\.[a-z]+$/);
  });

  it('includes the demo accounts', () => {
    for (const a of DEMO_ACCOUNTS) expect(data.users.find((u) => u.email === a.email)?.role).toBe(a.role);
  });

  it('places every practitioner inside France, in the time zone of its city', () => {
    for (const p of data.practitioners) {
      expect(insideFrance(p.latitude, p.longitude), p.formatted_address).toBe(true);
      expect(['Europe/Paris', 'America/Martinique', 'Indian/Reunion']).toContain(p.time_zone);
      expect(p.place_id).toMatch(/^ChIJ[A-Za-z0-9_-]{23}$/);
      expect(p.formatted_address).toMatch(/[0-9]{5} [^,]+, (France|Martinique|La Réunion)$/);
    }
  });

  it('gives registration numbers that match the profession registry', () => {
    for (const p of data.practitioners) {
      const registry = registryOf.get(p.profession_code);
      if (registry === 'none') expect(p.registration_number).toBeNull();
      else if (p.registration_number === null) expect(p.verification_status).toBe('draft');
      else if (registry === 'rpps') {
        expect(p.registration_number).toMatch(/^[0-9]{11}$/);
        expect(luhnValid(p.registration_number)).toBe(true);
      } else expect(p.registration_number).toMatch(/^[0-9]{9}$/);
    }
  });

  it('offers specialties of the practitioner profession only', () => {
    const professionOf = new Map(data.practitioners.map((p) => [p.id, p.profession_code]));
    const specialty = new Map(reference.specialties.map((s) => [s.id, s.profession_code]));
    for (const ps of data.practitioner_specialties)
      expect(specialty.get(ps.specialty_id)).toBe(professionOf.get(ps.practitioner_id));
  });

  it('prices and times consultations plausibly, in modes the practitioner offers', () => {
    const byId = new Map(data.practitioners.map((p) => [p.id, p]));
    for (const t of data.consultation_types) {
      const p = byId.get(t.practitioner_id)!;
      expect(p.modes).toContain(t.mode);
      expect(t.duration_minutes).toBeGreaterThanOrEqual(15);
      expect(t.duration_minutes).toBeLessThanOrEqual(90);
      expect(t.price_cents).toBeGreaterThanOrEqual(1500);
      expect(t.price_cents).toBeLessThanOrEqual(15000);
      expect(t.price_cents % 500).toBe(0);
      const offering = profileOf(p.profession_code).offerings.find((o) => o.fr === t.name_fr);
      if (offering) {
        expect(offering.minutes).toContain(t.duration_minutes);
        expect(t.price_cents / 100).toBeGreaterThanOrEqual(offering.euros[0]);
        expect(t.price_cents / 100).toBeLessThanOrEqual(offering.euros[1]);
      }
    }
    for (const p of data.practitioners) {
      expect(
        data.consultation_types.some((t) => t.practitioner_id === p.id && t.active),
        p.slug,
      ).toBe(true);
    }
  });

  it('keeps verification fields consistent with the state', () => {
    for (const p of data.practitioners) {
      expect(p.status_reason !== null).toBe(
        p.verification_status === 'rejected' || p.verification_status === 'suspended',
      );
      expect(p.submitted_at === null).toBe(p.verification_status === 'draft');
      if (p.submitted_at) expect(p.submitted_at > p.created_at).toBe(true);
      if (p.submitted_at) expect(new Date(p.submitted_at) <= now).toBe(true);
      if (p.verified_at) expect(p.verified_at >= p.submitted_at!).toBe(true);
    }
  });

  it('opens weekly hours that end after they start', () => {
    for (const r of data.availability_rules) {
      expect(r.weekday).toBeGreaterThanOrEqual(1);
      expect(r.weekday).toBeLessThanOrEqual(7);
      expect(r.start_time < r.end_time).toBe(true);
    }
  });

  it('opens weekly hours for every practitioner', () => {
    const withRules = new Set(data.availability_rules.map((r) => r.practitioner_id));
    for (const p of data.practitioners) expect(withRules.has(p.id), p.slug).toBe(true);
  });

  it('writes exceptions as [start, end) ranges of time off or extra hours, entered before today', () => {
    expect(new Set(data.availability_exceptions.map((e) => e.kind))).toEqual(new Set(['time_off', 'extra']));
    for (const e of data.availability_exceptions) {
      const [lo, hi] = parseRangeLiteral(e.during);
      expect(lo).toBeLessThan(hi);
      expect(Date.parse(e.created_at)).toBeLessThanOrEqual(now.getTime());
    }
  });

  it('never overlaps two active appointments of one practitioner, buffers included', () => {
    const active = new Map<string, Range[]>();
    for (const a of data.appointments) {
      if (a.status !== 'held' && a.status !== 'confirmed') continue;
      const list = active.get(a.practitioner_id) ?? [];
      list.push(parseRangeLiteral(a.blocked));
      active.set(a.practitioner_id, list);
    }
    for (const ranges of active.values()) {
      ranges.sort((x, y) => x[0] - y[0]);
      for (let i = 1; i < ranges.length; i++) expect(ranges[i]![0]).toBeGreaterThanOrEqual(ranges[i - 1]![1]);
    }
  });

  // Row checks over 500,000 appointments collect the rows that break a rule and assert once:
  // one expect() per row would take longer than the generation itself.
  it('times, prices and blocks each appointment by its consultation type', () => {
    const types = new Map(data.consultation_types.map((t) => [t.id, t]));
    const wrong = data.appointments.filter((a) => {
      const t = types.get(a.consultation_type_id)!;
      const start = Date.parse(a.starts_at);
      const end = Date.parse(a.ends_at);
      const [lo, hi] = parseRangeLiteral(a.blocked);
      return (
        t.practitioner_id !== a.practitioner_id ||
        end - start !== t.duration_minutes * 60_000 ||
        lo !== start - t.buffer_before_minutes * 60_000 ||
        hi !== end + t.buffer_after_minutes * 60_000 ||
        a.mode !== t.mode ||
        a.price_cents !== t.price_cents ||
        a.currency !== t.currency
      );
    });
    expect(wrong).toEqual([]);
  });

  it('places appointments on the quarter-hour grid inside opening hours and outside time off', () => {
    const rules = groupBy(data.availability_rules, (r) => r.practitioner_id);
    const exceptions = groupBy(data.availability_exceptions, (e) => e.practitioner_id);
    const types = new Map(data.consultation_types.map((t) => [t.id, t]));
    const zone = new Map(data.practitioners.map((p) => [p.id, p.time_zone]));
    const sample = data.appointments.filter((_, i) => i % 25 === 0);
    expect(sample.length).toBeGreaterThan(0);
    for (const a of sample) {
      const tz = zone.get(a.practitioner_id)!;
      const type = types.get(a.consultation_type_id)!;
      const start = Date.parse(a.starts_at);
      const end = Date.parse(a.ends_at);
      const from = wall(tz, start);
      const to = wall(tz, end);
      expect(from.minutes % 15, a.starts_at).toBe(0);
      // Open minutes of that local day for this type: its weekly rules and the extra openings.
      const open: Range[] = (rules.get(a.practitioner_id) ?? [])
        .filter((r) => r.weekday === from.weekday && (!r.modes || r.modes.includes(type.mode)))
        .map((r) => [hhmm(r.start_time), hhmm(r.end_time)]);
      const applies = (ids: string[] | null) => ids === null || ids.includes(type.id);
      for (const e of exceptions.get(a.practitioner_id) ?? []) {
        const [lo, hi] = parseRangeLiteral(e.during);
        if (!applies(e.consultation_type_ids)) continue;
        if (e.kind === 'time_off')
          expect(lo < end && start < hi, `${a.starts_at} in time off ${e.during}`).toBe(false);
        else if (wall(tz, lo).date === from.date) open.push([wall(tz, lo).minutes, wall(tz, hi).minutes]);
      }
      expect(to.date).toBe(from.date);
      expect(
        union(open).some(([lo, hi]) => lo <= from.minutes && to.minutes <= hi),
        `${a.starts_at} (${tz}) outside opening hours`,
      ).toBe(true);
    }
  });

  it('gives past appointments an outcome and upcoming ones a booking status, with consistent dates', () => {
    const t = now.getTime();
    const wrong = data.appointments.filter((a) => {
      const start = Date.parse(a.starts_at);
      const created = Date.parse(a.created_at);
      const cancelled = a.cancelled_at === null ? null : Date.parse(a.cancelled_at);
      return (
        (Date.parse(a.ends_at) <= t && !['completed', 'no_show', 'cancelled'].includes(a.status)) ||
        (start >= t && !['confirmed', 'held', 'cancelled'].includes(a.status)) ||
        created > Math.min(start, t) ||
        Date.parse(a.updated_at) < created ||
        (a.status === 'cancelled') !== (cancelled !== null) ||
        (a.status === 'cancelled') !== (a.cancelled_by_role !== null) ||
        (a.status === 'held') !== (a.hold_expires_at !== null) ||
        (cancelled !== null && (cancelled < created || cancelled > Math.min(start, t))) ||
        (a.cancelled_by_role === 'patient' && a.cancelled_by !== a.patient_id) ||
        (a.cancelled_by_role === 'practitioner' && (a.cancelled_by !== a.practitioner_id || !a.cancel_reason))
      );
    });
    expect(wrong).toEqual([]);
  });

  it('books patients, never more than 3 upcoming active appointments with one practitioner each', () => {
    const patients = new Set(data.users.filter((u) => u.role === 'patient').map((u) => u.id));
    const upcoming = new Map<string, number>();
    expect(data.appointments.filter((a) => !patients.has(a.patient_id))).toEqual([]);
    for (const a of data.appointments) {
      if ((a.status === 'held' || a.status === 'confirmed') && Date.parse(a.starts_at) > now.getTime()) {
        const key = `${a.patient_id}/${a.practitioner_id}`;
        upcoming.set(key, (upcoming.get(key) ?? 0) + 1);
      }
    }
    expect(Math.max(0, ...upcoming.values())).toBeLessThanOrEqual(3);
  });

  it('books only practitioners who were public, and only published ones ahead', () => {
    const running = new Set(
      data.subscriptions
        .filter((s) => s.status === 'active' || s.status === 'trialing')
        .map((s) => s.practitioner_id),
    );
    const byId = new Map(data.practitioners.map((p) => [p.id, p]));
    const wrong = data.appointments.filter((a) => {
      const p = byId.get(a.practitioner_id)!;
      const published = p.verification_status === 'verified' && running.has(p.id);
      return (
        !['verified', 'suspended'].includes(p.verification_status) ||
        (Date.parse(a.starts_at) >= now.getTime() && !published)
      );
    });
    expect(wrong).toEqual([]);
  });

  it('links only employees of active companies, by their e-mail domain', () => {
    const companies = new Map(data.companies.map((c) => [c.id, c]));
    const users = new Map(data.users.map((u) => [u.id, u]));
    for (const m of data.company_members) {
      const c = companies.get(m.company_id)!;
      expect(c.active).toBe(true);
      expect(c.email_domains).toContain(users.get(m.user_id)!.email.split('@')[1]);
    }
    expect(data.company_members.length).toBeGreaterThan(0);
  });
});

describe('generation', () => {
  it('is deterministic: the same seed gives identical rows', { timeout: 60_000 }, () => {
    expect(JSON.stringify(generate(options()))).toBe(JSON.stringify(small));
    expect(digest(generate(options({ scale: 'large' })))).toBe(digest(large));
  });

  it('gives the large set its 500,000 appointments, every status, and a few very busy practitioners', () => {
    expect(large.appointments).toHaveLength(SCALES.large.appointments);
    expect(new Set(large.appointments.map((a) => a.status))).toEqual(
      new Set(['held', 'confirmed', 'cancelled', 'completed', 'no_show']),
    );
    const perPractitioner = groupBy(large.appointments, (a) => a.practitioner_id);
    const sizes = [...perPractitioner.values()].map((list) => list.length).sort((a, b) => b - a);
    const median = sizes[Math.floor(sizes.length / 2)]!;
    expect(sizes[0]).toBeGreaterThan(2000);
    expect(sizes[0]! / median).toBeGreaterThan(8);
    const patients = [...perPractitioner.values()].map((list) => new Set(list.map((a) => a.patient_id)).size);
    expect(Math.max(...patients)).toBeGreaterThan(300);
    // Past and future both well represented.
    const past = large.appointments.filter((a) => Date.parse(a.starts_at) < now.getTime()).length;
    expect(past / large.appointments.length).toBeGreaterThan(0.6);
    expect(past / large.appointments.length).toBeLessThan(0.95);
  });

  it('gives one published practitioner 3,000 patients, each booked before by an existing account', () => {
    const perPractitioner = groupBy(large.appointments, (a) => a.practitioner_id);
    const [id, list] = [...perPractitioner.entries()]
      .map(([pid, rows]) => [pid, rows] as const)
      .sort(
        (a, b) => new Set(b[1].map((r) => r.patient_id)).size - new Set(a[1].map((r) => r.patient_id)).size,
      )[0]!;
    expect(new Set(list.map((a) => a.patient_id)).size).toBe(LARGE_PRACTICE_PATIENTS);
    const practitioner = large.practitioners.find((p) => p.id === id)!;
    expect(practitioner.verification_status).toBe('verified');
    const joined = new Map(large.users.map((u) => [u.id, Date.parse(u.created_at)]));
    for (const a of list) expect(joined.get(a.patient_id)!).toBeLessThanOrEqual(Date.parse(a.created_at));
  });

  it("gives the small set a handful of the demo practitioner's appointments, the demo patient's among them", () => {
    const demo = (email: string) => small.users.find((u) => u.email === email)!.id;
    const practitioner = demo('practitioner@demo.carebook.test');
    expect(small.appointments.length).toBeGreaterThanOrEqual(8);
    expect(small.appointments.every((a) => a.practitioner_id === practitioner)).toBe(true);
    const mine = small.appointments.filter((a) => a.patient_id === demo('patient@demo.carebook.test'));
    expect(mine.some((a) => Date.parse(a.starts_at) < now.getTime())).toBe(true);
    expect(mine.some((a) => Date.parse(a.starts_at) > now.getTime() && a.status === 'confirmed')).toBe(true);
  });

  it("keeps the small set's appointment and exception ids whatever the day, so a later seed adds nothing", () => {
    const later = generate(options({ now: new Date(now.getTime() + 3 * 86_400_000) }));
    expect(later.appointments.map((a) => a.id)).toEqual(small.appointments.map((a) => a.id));
    expect(later.availability_exceptions.map((e) => e.id)).toEqual(
      small.availability_exceptions.map((e) => e.id),
    );
  });

  it('changes with the seed', () => {
    const other = generate(options({ seed: 43 }));
    expect(other.users.map((u) => u.id)).not.toEqual(small.users.map((u) => u.id));
    expect(other.practitioners.map((p) => p.slug)).not.toEqual(small.practitioners.map((p) => p.slug));
  });

  it('covers every verification state and subscription status even at small scale', () => {
    expect(new Set(small.practitioners.map((p) => p.verification_status))).toEqual(
      new Set(['draft', 'submitted', 'verified', 'rejected', 'suspended']),
    );
    expect(new Set(small.subscriptions.map((s) => s.status))).toEqual(
      new Set(['active', 'trialing', 'past_due', 'canceled']),
    );
  });

  it('makes the demo practitioner publishable: verified, paying, with active types and hours', () => {
    const id = small.users.find((u) => u.email === 'practitioner@demo.carebook.test')!.id;
    expect(small.practitioners.find((p) => p.id === id)?.verification_status).toBe('verified');
    expect(small.subscriptions.find((s) => s.practitioner_id === id)?.status).toBe('active');
    expect(
      small.consultation_types.filter((t) => t.practitioner_id === id && t.active).length,
    ).toBeGreaterThanOrEqual(2);
    expect(small.availability_rules.filter((r) => r.practitioner_id === id).length).toBeGreaterThanOrEqual(5);
  });

  it('publishes most practitioners at large scale but not all', () => {
    const running = new Set(
      large.subscriptions
        .filter((s) => ['active', 'trialing'].includes(s.status))
        .map((s) => s.practitioner_id),
    );
    const published = large.practitioners.filter(
      (p) => p.verification_status === 'verified' && running.has(p.id),
    ).length;
    expect(published / large.practitioners.length).toBeGreaterThan(0.55);
    expect(published / large.practitioners.length).toBeLessThan(0.8);
  });

  it('spreads practitioners over many cities and a few overseas', () => {
    const towns = new Set(large.practitioners.map((p) => p.formatted_address.split(', ').at(-2)));
    expect(towns.size).toBeGreaterThan(50);
    expect(large.practitioners.some((p) => p.time_zone === 'America/Martinique')).toBe(true);
    expect(large.practitioners.some((p) => p.time_zone === 'Indian/Reunion')).toBe(true);
  });
});
