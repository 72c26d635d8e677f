// Builds a whole data set in memory from a seed, a scale, the reference data read from the
// database and the current time. Pure and deterministic: the same inputs give the same rows, so
// a bug seen on seeded data can be reproduced from its seed.
import { profileOf, PROFESSION_WEIGHTS, roundPrice, type Mode, type Offering } from './catalog.ts';
import { pickCity, placeIn, type City } from './cities.ts';
import { demoAccount } from './demo.ts';
import {
  ADDRESS_COMPLEMENTS,
  COMPANY_FORMS,
  COMPANY_SECTORS,
  EXTRA_LANGUAGES,
  FEMALE_FIRST_NAMES,
  LAST_NAMES,
  MALE_FIRST_NAMES,
  PERSONAL_EMAIL_DOMAINS,
  STREETS,
} from './names.ts';
import { Random } from './random.ts';
import { luhnCheckDigit, registrationNumber, type Registry } from './registration.ts';
import { ScheduleGenerator, type AppointmentRow, type AvailabilityExceptionRow } from './schedule.ts';
import { bios, slugify, UniqueNames } from './text.ts';
import type { Locale, Role, SubscriptionStatus, VerificationStatus } from '@carebook/domain';

export type Scale = 'small' | 'large';

export interface ScaleSize {
  practitioners: number;
  patients: number;
  companies: number;
  staff: number;
  /** Appointments spread over every practitioner; small has only the demo practitioner's handful. */
  appointments: number;
}

/** Head counts, demo accounts included. */
export const SCALES: Record<Scale, ScaleSize> = {
  small: { practitioners: 12, patients: 20, companies: 3, staff: 2, appointments: 0 },
  large: { practitioners: 2000, patients: 30000, companies: 50, staff: 10, appointments: 500_000 },
};

export interface Reference {
  professions: readonly { code: string; registry: Registry; name_fr: string; name_en: string }[];
  specialties: readonly {
    id: string;
    profession_code: string;
    code: string;
    name_fr: string;
    name_en: string;
  }[];
}

export type { Role, VerificationStatus, SubscriptionStatus };
/** The statuses the seed gives subscriptions (Stripe's others are rare transitions). */
type SeededSubscriptionStatus = Extract<SubscriptionStatus, 'active' | 'trialing' | 'past_due' | 'canceled'>;

export interface UserRow {
  id: string;
  /** auth.identities.id of the user's e-mail identity. */
  identity_id: string;
  email: string;
  /** What the profile trigger gives them at sign-up; staff are patients plus a staff_members row. */
  role: Role;
  full_name: string;
  locale: Locale;
  created_at: string;
}

export interface PractitionerRow {
  id: string;
  slug: string;
  display_name: string;
  profession_code: string;
  bio_fr: string | null;
  bio_en: string | null;
  languages: string[];
  registration_number: string | null;
  place_id: string;
  formatted_address: string;
  latitude: number;
  longitude: number;
  modes: Mode[];
  time_zone: string;
  verification_status: VerificationStatus;
  status_reason: string | null;
  submitted_at: string | null;
  verified_at: string | null;
  created_at: string;
}

export interface ConsultationTypeRow {
  id: string;
  practitioner_id: string;
  name_fr: string;
  name_en: string | null;
  duration_minutes: number;
  price_cents: number;
  currency: 'EUR';
  mode: Mode;
  buffer_before_minutes: number;
  buffer_after_minutes: number;
  min_notice_minutes: number;
  horizon_days: number;
  active: boolean;
}

export interface SubscriptionRow {
  id: string;
  practitioner_id: string;
  plan: 'standard' | 'premium';
  status: SubscriptionStatus;
  current_period_end: string;
}

export interface AvailabilityRuleRow {
  id: string;
  practitioner_id: string;
  /** ISO weekday, 1 = Monday. */
  weekday: number;
  start_time: string;
  end_time: string;
  /** Restricts the rule to these modes; null opens it to every consultation type. */
  modes: Mode[] | null;
}

export interface CompanyRow {
  id: string;
  name: string;
  email_domains: string[];
  active: boolean;
}

export interface Dataset {
  users: UserRow[];
  staff_members: { user_id: string }[];
  companies: CompanyRow[];
  company_members: { company_id: string; user_id: string }[];
  practitioners: PractitionerRow[];
  practitioner_specialties: { practitioner_id: string; specialty_id: string }[];
  consultation_types: ConsultationTypeRow[];
  subscriptions: SubscriptionRow[];
  availability_rules: AvailabilityRuleRow[];
  availability_exceptions: AvailabilityExceptionRow[];
  appointments: AppointmentRow[];
}

export interface GenerateOptions {
  seed: number;
  scale: Scale;
  reference: Reference;
  /** Dates are spread relative to it; pass a fixed value to compare two generations. */
  now: Date;
}

type Scenario = readonly [VerificationStatus, SeededSubscriptionStatus | null, number];

// Verification state and subscription pairs with their share of practitioners: most are verified
// and paying (published), the others cover every way of not being public.
const SCENARIOS: readonly Scenario[] = [
  ['verified', 'active', 58],
  ['verified', 'trialing', 10],
  ['verified', 'past_due', 4], // public: seeded within its 7 days of grace (decision 0018)
  ['verified', 'canceled', 4],
  ['verified', null, 2],
  ['submitted', 'trialing', 4],
  ['submitted', null, 5],
  ['draft', null, 6],
  ['rejected', null, 3],
  ['rejected', 'canceled', 1],
  ['suspended', 'active', 3],
];

const REJECTION_REASONS = [
  "Le numéro d'enregistrement ne correspond pas au nom indiqué sur le profil.",
  "Le diplôme transmis est illisible : merci d'en envoyer une copie nette.",
  "La pièce d'identité fournie a expiré.",
];
const SUSPENSION_REASONS = [
  "Réclamation d'un patient en cours d'examen.",
  "Attestation d'assurance responsabilité civile professionnelle expirée.",
];

// Working weeks and opening hours as French private practices keep them.
const WORK_WEEKS: readonly (readonly [readonly number[], number])[] = [
  [[1, 2, 3, 4, 5], 60],
  [[1, 2, 3, 4], 15],
  [[2, 3, 4, 5, 6], 15],
  [[1, 3, 5], 10],
];
const MORNINGS = [
  ['08:30', '12:00'],
  ['09:00', '12:30'],
  ['09:00', '13:00'],
  ['09:30', '12:30'],
] as const;
const AFTERNOONS = [
  ['13:30', '18:00'],
  ['14:00', '19:00'],
  ['14:00', '18:30'],
  ['14:30', '20:00'],
] as const;

const DAY_MS = 86_400_000;

interface Person {
  first: string;
  last: string;
}

function person(rng: Random): Person {
  const first = rng.chance(0.55) ? rng.pick(FEMALE_FIRST_NAMES) : rng.pick(MALE_FIRST_NAMES);
  return { first, last: rng.pick(LAST_NAMES) };
}

const PLACE_ID_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-';

/** Shaped like a Google Places id ("ChIJ" + 23 characters); no real place behind it. */
function placeId(rng: Random): string {
  let s = 'ChIJ';
  for (let i = 0; i < 23; i++) s += PLACE_ID_CHARS[rng.int(0, PLACE_ID_CHARS.length - 1)];
  return s;
}

function addressOf(rng: Random, city: City, postcode: string): string {
  const town = city.name.replace(/ \(.*\)$/, '');
  const country =
    city.timeZone === 'America/Martinique'
      ? 'Martinique'
      : city.timeZone === 'Indian/Reunion'
        ? 'La Réunion'
        : 'France';
  const number = rng.int(1, 180);
  const bis = rng.chance(0.05) ? ' bis' : '';
  return `${rng.pick(ADDRESS_COMPLEMENTS)}${number}${bis} ${rng.pick(STREETS)}, ${postcode} ${town}, ${country}`;
}

class Generator {
  private readonly opts: GenerateOptions;
  private readonly size: ScaleSize;
  private readonly emails = new UniqueNames();
  private readonly slugs = new UniqueNames();
  private readonly root: Random;
  readonly data: Dataset = {
    users: [],
    staff_members: [],
    companies: [],
    company_members: [],
    practitioners: [],
    practitioner_specialties: [],
    consultation_types: [],
    subscriptions: [],
    availability_rules: [],
    availability_exceptions: [],
    appointments: [],
  };

  constructor(opts: GenerateOptions) {
    this.opts = opts;
    this.size = SCALES[opts.scale];
    this.root = new Random(`carebook-seed-${opts.seed}`);
  }

  private daysAgo(days: number): string {
    return new Date(this.opts.now.getTime() - days * DAY_MS).toISOString();
  }

  /** camille.martin@example.com, then camille.martin2@example.com... */
  private email(p: Person, domain: string): string {
    const local = `${slugify(p.first)}.${slugify(p.last)}`.replace(/-/g, '');
    const n = this.emails.count(`${local}@${domain}`);
    return `${local}${n === 1 ? '' : n}@${domain}`;
  }

  private user(rng: Random, role: Role, email: string, fullName: string, createdDaysAgo: number): UserRow {
    const row: UserRow = {
      id: rng.uuid(),
      identity_id: rng.uuid(),
      email,
      role,
      full_name: fullName,
      locale: rng.chance(0.08) ? 'en' : 'fr',
      created_at: this.daysAgo(createdDaysAgo + rng.float()),
    };
    this.data.users.push(row);
    return row;
  }

  run(): Dataset {
    this.companies(this.root.fork('companies'));
    this.staff(this.root.fork('staff'));
    this.practitioners(this.root.fork('practitioners'));
    this.patients(this.root.fork('patients'));
    this.schedule();
    return this.data;
  }

  /** Exceptions and appointments: they need every practitioner, type, rule and patient first. */
  private schedule(): void {
    const d = this.data;
    const patients = d.users.filter((u) => u.role === 'patient');
    const schedule = new ScheduleGenerator({ ...d, now: this.opts.now, patients });
    const demo = d.practitioners[0]!;
    schedule.demoExceptions(this.root.fork('demo-exceptions'), demo);
    const rng = this.root.fork('exceptions');
    for (const p of d.practitioners.slice(1)) schedule.randomExceptions(rng, p);
    if (this.size.appointments > 0) {
      schedule.randomAppointments(this.root.fork('appointments'), this.size.appointments);
    } else {
      const [demoPatient, ...others] = patients;
      schedule.demoAppointments(this.root.fork('demo-appointments'), demo, demoPatient!, others.slice(0, 3));
    }
    d.availability_exceptions = schedule.exceptions;
    d.appointments = schedule.appointments;
  }

  private companies(rng: Random): void {
    const names = new UniqueNames();
    for (let i = 0; i < this.size.companies; i++) {
      const base = `${rng.pick(LAST_NAMES)} ${rng.pick(COMPANY_SECTORS)}`;
      const form = rng.pick(COMPANY_FORMS);
      const name = names.take(form ? `${form} ${base}` : base, ' ');
      const domain = `${slugify(name.replace(/^(Groupe|Société|Ateliers|Compagnie|Maison) /, ''))}.test`;
      const domains = [domain];
      if (rng.chance(0.2)) domains.push(domain.replace(/\.test$/, '-groupe.test'));
      // The first companies stay active so that a small data set always has members.
      this.data.companies.push({
        id: rng.uuid(),
        name,
        email_domains: domains,
        active: i < 3 || rng.chance(0.94),
      });
    }
  }

  private staff(rng: Random): void {
    const demo = demoAccount('staff');
    const ids = [this.user(rng, 'staff', demo.email, demo.fullName, 700).id];
    for (let i = 1; i < this.size.staff; i++) {
      const p = person(rng);
      ids.push(
        this.user(rng, 'staff', this.email(p, 'carebook.test'), `${p.first} ${p.last}`, rng.int(30, 700)).id,
      );
    }
    for (const id of ids) this.data.staff_members.push({ user_id: id });
  }

  private practitioners(rng: Random): void {
    const professions = [...this.opts.reference.professions].sort((a, b) => a.code.localeCompare(b.code));
    if (professions.length === 0)
      throw new Error('no professions in the database: run supabase/seed.sql first');
    const weights = professions.map((p) => [p, PROFESSION_WEIGHTS[p.code] ?? 1] as const);
    this.demoPractitioner(rng, professions);
    for (let i = 1; i < this.size.practitioners; i++) {
      // The first ones take every scenario in turn, so even a small data set shows each case.
      const scenario =
        i <= SCENARIOS.length ? SCENARIOS[i - 1]! : rng.weighted(SCENARIOS.map((s) => [s, s[2]] as const));
      this.practitioner(rng, rng.weighted(weights), scenario);
    }
  }

  private specialtiesOf(profession: string) {
    return this.opts.reference.specialties
      .filter((s) => s.profession_code === profession)
      .sort((a, b) => a.code.localeCompare(b.code));
  }

  private practitioner(
    rng: Random,
    profession: Reference['professions'][number],
    [status, subscription]: Scenario,
  ): void {
    const profile = profileOf(profession.code);
    const p = person(rng);
    const place = placeIn(rng, pickCity(rng));
    const modes = profile.modes.filter(() => rng.chance(0.6));
    if (modes.length === 0) modes.push(rng.pick(profile.modes));
    const languages = [
      'fr',
      ...EXTRA_LANGUAGES.filter(([, share]) => rng.chance(share)).map(([code]) => code),
    ];
    const all = this.specialtiesOf(profession.code);
    const specialties = all.length ? rng.sample(all, rng.int(1, Math.min(3, all.length))) : [];
    const draft = status === 'draft';
    const bio = bios(rng, {
      city: place.city.name.replace(/ \(.*\)$/, ''),
      years: rng.int(2, 30),
      specialties: specialties.map((s) => [s.name_fr, s.name_en] as const),
      modes,
      languages,
    });
    const registration = registrationNumber(rng, profession.registry, profession.code, place.postcode);
    const createdDaysAgo = rng.int(20, 720);
    const submittedDaysAgo = status === 'submitted' ? rng.int(0, 6) : createdDaysAgo - rng.int(1, 15);
    const user = this.user(
      rng,
      'practitioner',
      this.email(p, rng.pick(PERSONAL_EMAIL_DOMAINS)),
      `${p.first} ${p.last}`,
      createdDaysAgo,
    );
    const row: PractitionerRow = {
      id: user.id,
      slug: this.slugs.take(slugify(`${p.first} ${p.last}`), '-'),
      display_name: `${profile.doctor ? 'Dr ' : ''}${p.first} ${p.last}`,
      profession_code: profession.code,
      bio_fr: draft && rng.chance(0.3) ? null : bio.fr,
      bio_en: draft && rng.chance(0.5) ? null : bio.en,
      languages,
      registration_number: draft && rng.chance(0.4) ? null : registration,
      place_id: placeId(rng),
      formatted_address: addressOf(rng, place.city, place.postcode),
      latitude: place.lat,
      longitude: place.lng,
      modes,
      time_zone: place.city.timeZone,
      verification_status: status,
      status_reason:
        status === 'rejected'
          ? rng.pick(REJECTION_REASONS)
          : status === 'suspended'
            ? rng.pick(SUSPENSION_REASONS)
            : null,
      submitted_at: draft ? null : this.daysAgo(submittedDaysAgo + rng.float() / 2),
      verified_at:
        status === 'verified' || status === 'suspended'
          ? this.daysAgo(Math.max(0, submittedDaysAgo - rng.int(1, 5)))
          : null,
      created_at: user.created_at,
    };
    this.data.practitioners.push(row);
    for (const s of specialties)
      this.data.practitioner_specialties.push({ practitioner_id: row.id, specialty_id: s.id });
    this.consultationTypes(rng, row, profile.offerings);
    if (subscription) this.subscription(rng, row.id, subscription);
    // Half the drafts had not opened their calendar in the first version of this generator; they
    // now get hours from a stream of their own, so every other row keeps its earlier values.
    if (!draft || rng.chance(0.5)) this.weeklyHours(rng, row);
    else this.weeklyHours(rng.fork(`hours/${row.id}`), row);
  }

  private rule(
    rng: Random,
    practitionerId: string,
    weekday: number,
    [start, end]: readonly [string, string],
    modes: Mode[] | null = null,
  ): void {
    this.data.availability_rules.push({
      id: rng.uuid(),
      practitioner_id: practitionerId,
      weekday,
      start_time: start,
      end_time: end,
      modes,
    });
  }

  private weeklyHours(rng: Random, practitioner: PractitionerRow): void {
    const days = rng.weighted(WORK_WEEKS);
    const morning = rng.pick(MORNINGS);
    const afternoon = rng.pick(AFTERNOONS);
    const shape = rng.weighted([
      ['split', 70],
      ['afternoons', 15],
      ['continuous', 15],
    ] as const);
    // Many practices close on Wednesday afternoon.
    const wednesdayOff = rng.chance(0.2);
    for (const day of days) {
      if (shape === 'continuous') {
        this.rule(rng, practitioner.id, day, [morning[0], afternoon[1]]);
        continue;
      }
      if (shape === 'split') this.rule(rng, practitioner.id, day, morning);
      if (!(wednesdayOff && day === 3 && shape === 'split')) this.rule(rng, practitioner.id, day, afternoon);
    }
    if (practitioner.modes.includes('video') && rng.chance(0.25)) {
      this.rule(rng, practitioner.id, rng.pick(days), ['19:00', '21:00'], ['video']);
    }
  }

  private consultationTypes(
    rng: Random,
    practitioner: PractitionerRow,
    offerings: readonly Offering[],
  ): void {
    const usable = offerings.filter((o) => o.modes.some((m) => practitioner.modes.includes(m)));
    const chosen = usable.length ? rng.sample(usable, rng.int(1, usable.length)) : offerings.slice(0, 1);
    for (const [index, o] of chosen.entries()) {
      const modes = o.modes.filter((m) => practitioner.modes.includes(m));
      this.data.consultation_types.push({
        id: rng.uuid(),
        practitioner_id: practitioner.id,
        name_fr: o.fr,
        name_en: rng.chance(0.9) ? o.en : null,
        duration_minutes: rng.pick(o.minutes),
        price_cents: roundPrice(rng.int(o.euros[0], o.euros[1])) * 100,
        currency: 'EUR',
        mode: modes.length ? rng.pick(modes) : practitioner.modes[0]!,
        buffer_before_minutes: rng.pick([0, 0, 0, 5, 10]),
        buffer_after_minutes: rng.pick([0, 5, 10, 15]),
        min_notice_minutes: rng.pick([60, 120, 240, 720, 1440]),
        horizon_days: rng.pick([30, 60, 90, 120]),
        // The first stays active, so that a published practitioner can always be booked.
        active: index === 0 || rng.chance(0.9),
      });
    }
  }

  private subscription(rng: Random, practitionerId: string, status: SeededSubscriptionStatus): void {
    const days = {
      active: rng.int(1, 30),
      trialing: rng.int(1, 14),
      past_due: -rng.int(1, 10),
      canceled: -rng.int(10, 200),
    }[status];
    this.data.subscriptions.push({
      id: rng.uuid(),
      practitioner_id: practitionerId,
      plan: rng.chance(0.7) ? 'standard' : 'premium',
      status,
      current_period_end: this.daysAgo(-days),
    });
  }

  /** The demo practitioner: a psychologist in Paris 11e, verified and paying, with three types. */
  private demoPractitioner(rng: Random, professions: Reference['professions']): void {
    const demo = demoAccount('practitioner');
    const profession = professions.find((p) => p.code === 'psychologist') ?? professions[0]!;
    const user = this.user(rng, 'practitioner', demo.email, demo.fullName, 400);
    const wanted = ['anxiety', 'burnout', 'cbt'];
    const specialties = this.specialtiesOf(profession.code).filter((s) => wanted.includes(s.code));
    const modes: Mode[] = ['video', 'in_person'];
    const bio = bios(rng, {
      city: 'Paris',
      years: 12,
      specialties: specialties.map((s) => [s.name_fr, s.name_en] as const),
      modes,
      languages: ['fr', 'en'],
    });
    const adeli = '75931234';
    const row: PractitionerRow = {
      id: user.id,
      slug: this.slugs.take('julien-moreau', '-'),
      display_name: demo.fullName,
      profession_code: profession.code,
      bio_fr: bio.fr,
      bio_en: bio.en,
      languages: ['fr', 'en'],
      registration_number:
        profession.registry === 'rpps'
          ? `1000123456${luhnCheckDigit('1000123456')}`
          : profession.registry === 'adeli'
            ? `${adeli}5`
            : null,
      place_id: placeId(rng),
      formatted_address: '24 rue Oberkampf, 75011 Paris, France',
      latitude: 48.86472,
      longitude: 2.37218,
      modes,
      time_zone: 'Europe/Paris',
      verification_status: 'verified',
      status_reason: null,
      submitted_at: this.daysAgo(395),
      verified_at: this.daysAgo(393),
      created_at: user.created_at,
    };
    this.data.practitioners.push(row);
    for (const s of specialties)
      this.data.practitioner_specialties.push({ practitioner_id: row.id, specialty_id: s.id });
    const types: [string, string, number, number, Mode][] = [
      ['Premier entretien', 'First session', 60, 7000, 'in_person'],
      ['Séance de suivi', 'Follow-up session', 50, 6000, 'in_person'],
      ['Séance de suivi en vidéo', 'Follow-up session by video', 50, 6000, 'video'],
    ];
    for (const [fr, en, minutes, cents, mode] of types) {
      this.data.consultation_types.push({
        id: rng.uuid(),
        practitioner_id: row.id,
        name_fr: fr,
        name_en: en,
        duration_minutes: minutes,
        price_cents: cents,
        currency: 'EUR',
        mode,
        buffer_before_minutes: 0,
        buffer_after_minutes: 10,
        min_notice_minutes: 120,
        horizon_days: 60,
        active: true,
      });
    }
    for (let day = 1; day <= 5; day++) {
      this.rule(rng, row.id, day, ['09:00', '12:30']);
      this.rule(rng, row.id, day, ['14:00', '19:00']);
    }
    this.rule(rng, row.id, 3, ['19:00', '21:00'], ['video']);
    this.data.subscriptions.push({
      id: rng.uuid(),
      practitioner_id: row.id,
      plan: 'standard',
      status: 'active',
      current_period_end: this.daysAgo(-20),
    });
  }

  private patients(rng: Random): void {
    const demo = demoAccount('patient');
    this.user(rng, 'patient', demo.email, demo.fullName, 300);
    // Bigger companies employ more of the seeded patients.
    const employers = this.data.companies.map((c) => [c, rng.int(1, 10)] as const);
    for (let i = 1; i < this.size.patients; i++) {
      const p = person(rng);
      const employer = employers.length && rng.chance(0.4) ? rng.weighted(employers) : null;
      const domain = employer ? rng.pick(employer.email_domains) : rng.pick(PERSONAL_EMAIL_DOMAINS);
      const user = this.user(rng, 'patient', this.email(p, domain), `${p.first} ${p.last}`, rng.int(0, 700));
      // Only active companies link their employees, like the database trigger does.
      if (employer?.active) this.data.company_members.push({ company_id: employer.id, user_id: user.id });
    }
  }
}

export function generate(opts: GenerateOptions): Dataset {
  return new Generator(opts).run();
}
