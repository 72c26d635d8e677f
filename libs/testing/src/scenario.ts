// Booking scenarios in a line or two: a published practitioner with weekly hours, consultation
// types, exceptions, busy time and existing bookings, all set up through the API as the people
// concerned would (the practitioner writes their own profile, hours and types; patients book).
// Only what no API role may write goes through the service role: the verification decision,
// the subscription and busy intervals from calendar sync. See ../README.md.
import { randomUUID } from 'node:crypto';
import { addDays, localDate, zonedInstant } from '@carebook/domain';
import { anon, service } from './connection.ts';
import { publish } from './practitioners.ts';
import { registrationNumberFor } from './registration-numbers.ts';
import { parseHours, parseWeekdays, readBookingTime } from './schedule-text.ts';
import type { Appointment, ConsultationType, Mode } from './types.ts';
import { patient as newPatient, user, type TestUser } from './users.ts';

export interface Slot {
  starts_at: string;
  ends_at: string;
}

export interface PractitionerSpec {
  timeZone?: string;
  profession?: string;
  displayName?: string;
  modes?: Mode[];
  location?: { lat: number; lng: number };
  /** Specialty codes of the profession. */
  specialties?: string[];
}

export interface TypeSpec {
  /** Length of a consultation; 45 when left out. */
  minutes?: number;
  step?: number;
  bufferBefore?: number;
  bufferAfter?: number;
  /** Cents; above 0 makes bookings wait for payment (held). */
  price?: number;
  /** Minimum notice in minutes. */
  notice?: number;
  horizonDays?: number;
  cutoffHours?: number;
  holdMinutes?: number;
  mode?: Mode;
  name?: string;
}

export interface HoursOptions {
  validFrom?: string;
  validUntil?: string;
  /** Indexes of the scenario's types this rule is for; all types when left out. */
  types?: number[];
  modes?: Mode[];
}

export interface HoursSpec extends HoursOptions {
  from: string;
  to: string;
  /** ISO weekdays (1 = Monday); every day when left out. */
  weekdays?: number[];
}

export interface BookingSpec {
  /** An instant (ISO, with offset) or a local wall-clock time: '2027-03-01T09:00', or '09:00' with `day`. */
  at: string;
  /** Days from today in the practitioner's zone, when `at` is a time of day. */
  day?: number;
  /** Index of the scenario's type; the first when left out. */
  type?: number;
  /** Who books; a fresh patient when left out. */
  patient?: TestUser;
}

interface Range {
  from: string;
  to: string;
  types?: number[];
}

export interface Scenario {
  practitioner: TestUser;
  timeZone: string;
  types: ConsultationType[];
  /** The first type, which most scenarios have only one of. */
  type: ConsultationType;
  /** The `.booked(...)` appointments, in order. */
  appointments: Appointment[];
  /** Local date `days` from today in the practitioner's zone. */
  day(days: number): string;
  /** ISO instant of a local date (or days from today) and wall-clock time in the practitioner's zone. */
  at(day: string | number, time: string): string;
  /** get_available_slots as anyone (anon by default). */
  slots(from: string, to: string, type?: number, client?: TestUser['client']): Promise<Slot[]>;
  /** book_appointment as this patient; the raw response, to assert errors too. */
  book(patient: TestUser, at: string, options?: { type?: number; key?: string }): ReturnType<typeof callBook>;
}

function callBook(patient: TestUser, practitionerId: string, typeId: string, at: string, key?: string) {
  return patient.client.rpc('book_appointment', {
    p_practitioner_id: practitionerId,
    p_consultation_type_id: typeId,
    p_starts_at: at,
    ...(key ? { p_idempotency_key: key } : {}),
  });
}

function check<T>(res: { data: T; error: { message: string } | null }, what: string): NonNullable<T> {
  if (res.error) throw new Error(`${what}: ${res.error.message}`);
  if (res.data === null || res.data === undefined) throw new Error(`${what}: no data`);
  return res.data as NonNullable<T>;
}

function raise(message: string): never {
  throw new Error(message);
}

const registries = new Map<string, string>();
async function registryOf(profession: string): Promise<string> {
  if (registries.size === 0) {
    const rows = check(await anon().from('professions').select('code, registry'), 'professions');
    for (const r of rows) registries.set(r.code, r.registry);
  }
  return registries.get(profession) ?? raise(`Unknown profession ${profession}`);
}

/** A Postgres tstzrange literal, half-open like every range in the schema. */
export const range = (from: string, to: string): string => `[${from},${to})`;

/** ISO instant of a local date and wall-clock time in a zone. */
export const atLocal = (zone: string, date: string, time: string): string =>
  new Date(zonedInstant(zone, date, time)).toISOString();

/** Timestamps as PostgREST prints them ("...+00:00") to ISO with Z, for comparisons. */
export const iso = (t: string | number | Date): string => new Date(t).toISOString();

export class ScenarioBuilder {
  private practitionerSpec: PractitionerSpec = {};
  private isPublished = true;
  private readonly hours: HoursSpec[] = [];
  private readonly typeSpecs: TypeSpec[] = [];
  private readonly timeOffs: Range[] = [];
  private readonly extras: Range[] = [];
  private readonly busyTimes: Range[] = [];
  private readonly bookings: BookingSpec[] = [];

  practitioner(spec: PractitionerSpec = {}): this {
    this.practitionerSpec = spec;
    return this;
  }

  /** Weekly opening hours: `('mon-fri', '09:00-18:00', options?)`, or a spec with ISO weekdays. */
  weeklyHours(days: string, hours: string, options?: HoursOptions): this;
  weeklyHours(spec: HoursSpec): this;
  weeklyHours(first: string | HoursSpec, hours?: string, options: HoursOptions = {}): this {
    if (typeof first !== 'string') {
      this.hours.push(first);
      return this;
    }
    if (hours === undefined) throw new Error('weeklyHours(days, hours): hours missing');
    this.hours.push({ ...options, ...parseHours(hours), weekdays: parseWeekdays(first) });
    return this;
  }

  /** A consultation type; the first is `scenario.type`, the others `types[i]`. */
  type(spec: TypeSpec = {}): this {
    this.typeSpecs.push(spec);
    return this;
  }

  timeOff(from: string, to: string, types?: number[]): this {
    this.timeOffs.push({ from, to, types });
    return this;
  }

  extra(from: string, to: string, types?: number[]): this {
    this.extras.push({ from, to, types });
    return this;
  }

  /** Busy time from an external calendar (written by sync, so by the service role). */
  busy(from: string, to: string): this {
    this.busyTimes.push({ from, to });
    return this;
  }

  /** Verified and subscribed, so anybody sees and books it: the default. */
  published(): this {
    this.isPublished = true;
    return this;
  }

  /** Leaves the profile a draft nobody else can see or book. */
  draft(): this {
    this.isPublished = false;
    return this;
  }

  /** An appointment made at build time: `(patient, '2027-03-01T09:00', { type }?)`, or a spec. */
  booked(patient: TestUser, at: string, options?: { type?: number }): this;
  booked(spec: BookingSpec): this;
  booked(first: TestUser | BookingSpec, at?: string, options: { type?: number } = {}): this {
    if ('client' in first) {
      if (at === undefined) throw new Error('booked(patient, at): at missing');
      this.bookings.push({ patient: first, at, type: options.type });
    } else {
      this.bookings.push(first);
    }
    return this;
  }

  async build(): Promise<Scenario> {
    const spec = this.practitionerSpec;
    const timeZone = spec.timeZone ?? 'Europe/Paris';
    const profession = spec.profession ?? 'psychologist';
    const displayName = spec.displayName ?? 'Test Practitioner';
    const practitioner = await user('practitioner', { fullName: displayName });
    const db = practitioner.client;

    check(
      await db
        .from('practitioners')
        .insert({
          id: practitioner.id,
          slug: `test-${randomUUID()}`,
          display_name: displayName,
          profession_code: profession,
          registration_number: registrationNumberFor(await registryOf(profession)),
          time_zone: timeZone,
          modes: spec.modes ?? ['video'],
          latitude: spec.location?.lat ?? null,
          longitude: spec.location?.lng ?? null,
        })
        .select('id')
        .single(),
      'practitioner profile',
    );

    if (spec.specialties?.length) {
      const found = check(
        await db
          .from('specialties')
          .select('id, code')
          .eq('profession_code', profession)
          .in('code', spec.specialties),
        'specialties',
      );
      if (found.length !== spec.specialties.length)
        throw new Error(`Unknown specialty among ${spec.specialties.join(', ')}`);
      const { error } = await db
        .from('practitioner_specialties')
        .insert(found.map((s) => ({ practitioner_id: practitioner.id, specialty_id: s.id })));
      if (error) throw new Error(`specialties: ${error.message}`);
    }

    // One insert per type, so that index i in the builder is types[i] here.
    const types: ConsultationType[] = [];
    for (const [i, t] of this.typeSpecs.entries()) {
      const row = {
        practitioner_id: practitioner.id,
        name_fr: t.name ?? `Consultation ${i + 1}`,
        duration_minutes: t.minutes ?? 45,
        slot_step_minutes: t.step ?? 15,
        buffer_before_minutes: t.bufferBefore ?? 0,
        buffer_after_minutes: t.bufferAfter ?? 0,
        price_cents: t.price ?? 0,
        min_notice_minutes: t.notice ?? 0,
        horizon_days: t.horizonDays ?? 60,
        cancel_cutoff_hours: t.cutoffHours ?? 24,
        hold_minutes: t.holdMinutes ?? 15,
        mode: t.mode ?? 'video',
      };
      types.push(
        check(await db.from('consultation_types').insert(row).select('*').single(), `consultation type ${i}`),
      );
    }
    const typeId = (i = 0) => types[i]?.id ?? raise(`No type ${i} in this scenario`);
    const typeIds = (indexes?: number[]) => (indexes ? indexes.map(typeId) : null);

    if (this.hours.length) {
      const rules = this.hours.flatMap((h) =>
        (h.weekdays ?? [1, 2, 3, 4, 5, 6, 7]).map((weekday) => ({
          practitioner_id: practitioner.id,
          weekday,
          start_time: h.from,
          end_time: h.to,
          valid_from: h.validFrom ?? null,
          valid_until: h.validUntil ?? null,
          consultation_type_ids: typeIds(h.types),
          modes: h.modes ?? null,
        })),
      );
      const { error } = await db.from('availability_rules').insert(rules);
      if (error) throw new Error(`weekly hours: ${error.message}`);
    }

    const exceptions = [
      ...this.timeOffs.map((r) => ({ kind: 'time_off' as const, r })),
      ...this.extras.map((r) => ({ kind: 'extra' as const, r })),
    ].map(({ kind, r }) => ({
      practitioner_id: practitioner.id,
      kind,
      during: range(r.from, r.to),
      consultation_type_ids: typeIds(r.types),
    }));
    if (exceptions.length) {
      const { error } = await db.from('availability_exceptions').insert(exceptions);
      if (error) throw new Error(`exceptions: ${error.message}`);
    }

    if (this.busyTimes.length) {
      const { error } = await service()
        .from('external_busy_intervals')
        .insert(
          this.busyTimes.map((b) => ({
            practitioner_id: practitioner.id,
            source: 'google',
            source_id: randomUUID(),
            during: range(b.from, b.to),
          })),
        );
      if (error) throw new Error(`busy intervals: ${error.message}`);
    }

    if (this.isPublished) await publish(practitioner);

    const day = (days: number) => addDays(localDate(timeZone, Date.now()), days);
    const at = (d: string | number, time: string) =>
      atLocal(timeZone, typeof d === 'number' ? day(d) : d, time);
    const instantOf = (b: BookingSpec): string => {
      if (b.day !== undefined) return at(b.day, b.at);
      const read = readBookingTime(b.at);
      return 'instant' in read ? read.instant : at(read.local.date, read.local.time);
    };

    const appointments: Appointment[] = [];
    for (const b of this.bookings) {
      const patient = b.patient ?? (await newPatient());
      const when = instantOf(b);
      appointments.push(
        check(await callBook(patient, practitioner.id, typeId(b.type), when), `booking at ${when}`),
      );
    }

    return {
      practitioner,
      timeZone,
      types,
      get type() {
        return types[0] ?? raise('This scenario has no consultation type');
      },
      appointments,
      day,
      at,
      async slots(from, to, type = 0, client = anon()) {
        const res = await client.rpc('get_available_slots', {
          p_practitioner_id: practitioner.id,
          p_consultation_type_id: typeId(type),
          p_from: from,
          p_to: to,
        });
        return check(res, 'get_available_slots').map((s) => ({
          starts_at: iso(s.starts_at),
          ends_at: iso(s.ends_at),
        }));
      },
      book: (patient, when, options = {}) =>
        callBook(patient, practitioner.id, typeId(options.type), when, options.key),
    };
  }
}

export const scenario = (): ScenarioBuilder => new ScenarioBuilder();

/** One-liner for the common case: a published practitioner open 09:00-12:00 every day, one type. */
export function practitionerOpen(type: TypeSpec = {}, spec: PractitionerSpec = {}): Promise<Scenario> {
  return scenario().practitioner(spec).weeklyHours('daily', '09:00-12:00').type(type).build();
}
