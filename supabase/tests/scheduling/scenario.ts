// Booking scenarios in a line or two: a published practitioner with weekly hours, consultation
// types, exceptions, busy time and existing bookings, all set up through the API as the people
// concerned would (the practitioner writes their own profile, hours and types; patients book).
// Only what no API role may write goes through the service role: the verification decision,
// the subscription and busy intervals from calendar sync. See README.md.
import { randomUUID } from 'node:crypto';
import type { Database } from '@carebook/data';
import { addDays, localDate, zonedInstant } from '@carebook/domain';
import { anon, service, validAdeli, validRpps, type TestUser } from '../helpers.ts';
import { quickUser } from './users.ts';
import type { ConsultationMode } from '@carebook/domain';

export type Mode = ConsultationMode;
export type ConsultationType = Database['public']['Tables']['consultation_types']['Row'];
export type Appointment = Database['public']['Functions']['book_appointment']['Returns'];
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
  /** false leaves the profile a draft nobody else can see. */
  published?: boolean;
}

export interface TypeSpec {
  duration?: number;
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

export interface HoursSpec {
  from: string;
  to: string;
  /** ISO weekdays (1 = Monday); every day when left out. */
  weekdays?: number[];
  validFrom?: string;
  validUntil?: string;
  /** Indexes of the scenario's types this rule is for; all types when left out. */
  types?: number[];
  modes?: Mode[];
}

export interface BookingSpec {
  /** An instant (ISO) or, with `day`, a local wall-clock time. */
  at: string;
  /** Days from today in the practitioner's zone, when `at` is a local time. */
  day?: number;
  type?: number;
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

const registries = new Map<string, string>();
async function registryOf(profession: string): Promise<string> {
  if (registries.size === 0) {
    const rows = check(await anon().from('professions').select('code, registry'), 'professions');
    for (const r of rows) registries.set(r.code, r.registry);
  }
  const registry = registries.get(profession);
  if (!registry) throw new Error(`Unknown profession ${profession}`);
  return registry;
}

/** A registration number the database accepts for this registry. */
function registrationNumber(registry: string): string | null {
  if (registry === 'adeli') return validAdeli();
  return registry === 'rpps' ? validRpps() : null;
}

export const range = (from: string, to: string): string => `[${from},${to})`;

class ScenarioBuilder {
  private practitionerSpec: PractitionerSpec = {};
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

  weeklyHours(spec: HoursSpec): this {
    this.hours.push(spec);
    return this;
  }

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

  booked(spec: BookingSpec): this {
    this.bookings.push(spec);
    return this;
  }

  async build(): Promise<Scenario> {
    const spec = this.practitionerSpec;
    const timeZone = spec.timeZone ?? 'Europe/Paris';
    const profession = spec.profession ?? 'psychologist';
    const displayName = spec.displayName ?? 'Test Practitioner';
    const practitioner = await quickUser('practitioner', { full_name: displayName });
    const db = practitioner.client;
    const admin = service();

    check(
      await db
        .from('practitioners')
        .insert({
          id: practitioner.id,
          slug: `test-${randomUUID()}`,
          display_name: displayName,
          profession_code: profession,
          registration_number: registrationNumber(await registryOf(profession)),
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
        duration_minutes: t.duration ?? 45,
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
    const typeIds = (indexes?: number[]) =>
      indexes ? indexes.map((i) => types[i]?.id ?? raise(`No type ${i} in this scenario`)) : null;

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
      const { error } = await admin.from('external_busy_intervals').insert(
        this.busyTimes.map((b) => ({
          practitioner_id: practitioner.id,
          source: 'google',
          source_id: randomUUID(),
          during: range(b.from, b.to),
        })),
      );
      if (error) throw new Error(`busy intervals: ${error.message}`);
    }

    if (spec.published !== false) await publish(practitioner);

    const day = (days: number) => addDays(localDate(timeZone, Date.now()), days);
    const at = (d: string | number, time: string) =>
      atLocal(timeZone, typeof d === 'number' ? day(d) : d, time);
    const typeId = (i = 0) => types[i]?.id ?? raise(`No type ${i} in this scenario`);

    const appointments: Appointment[] = [];
    for (const b of this.bookings) {
      const patient = b.patient ?? (await quickUser('patient'));
      const when = b.day === undefined ? b.at : at(b.day, b.at);
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

function raise(message: string): never {
  throw new Error(message);
}

/** Submitted by the practitioner, approved and subscribed by the service role: published. */
export async function publish(practitioner: TestUser): Promise<void> {
  const submitted = await practitioner.client
    .from('practitioners')
    .update({ verification_status: 'submitted' })
    .eq('id', practitioner.id);
  if (submitted.error) throw new Error(`submit: ${submitted.error.message}`);
  const admin = service();
  const verified = await admin
    .from('practitioners')
    .update({ verification_status: 'verified' })
    .eq('id', practitioner.id);
  if (verified.error) throw new Error(`verify: ${verified.error.message}`);
  const sub = await admin
    .from('subscriptions')
    .insert({ practitioner_id: practitioner.id, plan: 'pro', status: 'active' });
  if (sub.error) throw new Error(`subscribe: ${sub.error.message}`);
  const { data } = await admin.from('practitioners').select('published').eq('id', practitioner.id).single();
  if (!data?.published) throw new Error('practitioner is not published after verification and subscription');
}

/** ISO instant of a local date and wall-clock time in a zone. */
export const atLocal = (zone: string, date: string, time: string): string =>
  new Date(zonedInstant(zone, date, time)).toISOString();

/** Timestamps as PostgREST prints them ("...+00:00") to ISO with Z, for comparisons. */
export const iso = (t: string | number | Date): string => new Date(t).toISOString();

export const scenario = (): ScenarioBuilder => new ScenarioBuilder();

/** One-liner for the common case: a published practitioner open 09:00-12:00 every day, one type. */
export function practitionerOpen(type: TypeSpec = {}, spec: PractitionerSpec = {}): Promise<Scenario> {
  return scenario().practitioner(spec).weeklyHours({ from: '09:00', to: '12:00' }).type(type).build();
}
