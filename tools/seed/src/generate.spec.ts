import { describe, expect, it } from 'vitest';
import { profileOf } from './catalog.ts';
import { insideFrance } from './cities.ts';
import { DEMO_ACCOUNTS } from './demo.ts';
import { generate, SCALES, type Dataset, type GenerateOptions } from './generate.ts';
import { referenceFromSeedSql } from './reference-fixture.ts';

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
        [...data.consultation_types, ...data.subscriptions, ...data.availability_rules].map((r) => r.id),
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
  it('is deterministic: the same seed gives identical rows', () => {
    expect(JSON.stringify(generate(options()))).toBe(JSON.stringify(small));
    expect(JSON.stringify(generate(options({ scale: 'large' })))).toBe(JSON.stringify(large));
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
