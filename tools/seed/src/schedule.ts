// Availability exceptions and appointments for the generated practitioners. Appointments are
// placed the way the database would accept them: on the slot grid of their consultation type
// (every step from the start of each open piece of the day), inside the weekly hours and extra
// openings, outside time off, and, for one practitioner, never with overlapping `blocked` ranges
// among held and confirmed ones (the exclusion constraint `appointments_no_overlap`).
//
// Volume is skewed like real practices: a heavy-tailed share of the total per practitioner,
// capped by how much their hours can hold, so a few are nearly full and most are not.
import { DAY_MS, isoWeekday, localDayOf, localToInstant, MINUTE_MS, timeToMinutes } from '@carebook/domain';
import type {
  AvailabilityRuleRow,
  ConsultationTypeRow,
  PractitionerRow,
  SubscriptionRow,
  UserRow,
} from './generate.ts';
import { overlaps, rangeLiteral, subtract, union, type Range } from './ranges.ts';
import type { Random } from './random.ts';
import { isoUtc } from './iso-utc.ts';
import type { AppointmentActor, AppointmentStatus, ExceptionKind } from '@carebook/domain';

export type { AppointmentStatus };
export type CancelledByRole = AppointmentActor;

export interface AvailabilityExceptionRow {
  id: string;
  practitioner_id: string;
  kind: ExceptionKind;
  /** `[start,end)` */
  during: string;
  /** Restricts the exception to these types; null applies it to all. */
  consultation_type_ids: string[] | null;
  note: string | null;
  created_at: string;
}

export interface AppointmentRow {
  id: string;
  practitioner_id: string;
  patient_id: string;
  consultation_type_id: string;
  starts_at: string;
  ends_at: string;
  /** `[start - buffer before, end + buffer after)` */
  blocked: string;
  status: AppointmentStatus;
  hold_expires_at: string | null;
  mode: ConsultationTypeRow['mode'];
  price_cents: number;
  currency: string;
  cancelled_at: string | null;
  cancelled_by: string | null;
  cancelled_by_role: CancelledByRole | null;
  cancel_reason: string | null;
  idempotency_key: string | null;
  created_at: string;
  updated_at: string;
}

/** What the schedule is built from: the rest of the generated data set. */
export interface ScheduleInput {
  now: Date;
  practitioners: readonly PractitionerRow[];
  subscriptions: readonly SubscriptionRow[];
  consultation_types: readonly ConsultationTypeRow[];
  availability_rules: readonly AvailabilityRuleRow[];
  patients: readonly UserRow[];
}

/** How far back and ahead appointments go. */
export const HISTORY_DAYS = 182;
export const AHEAD_DAYS = 61;
/** Never book more of a practitioner's free grid positions than this. */
const MAX_FILL = 0.95;
/** The database refuses a fourth upcoming active appointment of one patient with one practitioner. */
const MAX_UPCOMING_PER_PATIENT = 3;
const MAX_PATIENTS_PER_PRACTITIONER = 1500;
/**
 * One practice (the published one whose hours hold the most) gets this many patients, each booked
 * at least once, from about this many appointments: the Patients page is measured at 3,000
 * patients (issue 13's benchmark), which no practice reaches by popularity alone.
 */
export const LARGE_PRACTICE_PATIENTS = 3000;
const LARGE_PRACTICE_APPOINTMENTS = 4200;
/** Seeded types keep the database defaults for these. */
const SLOT_STEP_MINUTES = 15;
const HOLD_MINUTES = 15;
const CANCEL_CUTOFF_HOURS = 24;

// How many times a patient sees the same practitioner, on average, by profession.
const VISITS_PER_PATIENT: Record<string, number> = {
  psychologist: 8,
  psychotherapist: 8,
  psychiatrist: 6,
  physiotherapist: 6,
  speech_therapist: 10,
  dietitian: 4,
  sophrologist: 5,
  naturopath: 3,
  midwife: 4,
  osteopath: 2,
  nurse: 4,
  general_practitioner: 3,
  occupational_physician: 1.5,
};

const PATIENT_REASONS = [
  'Empêchement professionnel.',
  'Je suis malade, je reprendrai rendez-vous.',
  'Conflit d’horaire, désolé.',
  'Problème de garde d’enfant.',
];
const PRACTITIONER_REASONS = [
  'Absence imprévue du praticien.',
  'Formation professionnelle ce jour-là.',
  'Urgence familiale : je vous propose un autre créneau.',
  'Cabinet fermé pour travaux.',
];

interface TypeInfo {
  row: ConsultationTypeRow;
  dur: number;
  before: number;
  after: number;
  step: number;
  /** Latest start the type's booking horizon allowed. */
  horizonEnd: number;
  notice: number;
}

interface ExceptionSpan {
  kind: ExceptionKind;
  range: Range;
  typeIds: readonly string[] | null;
}

/** One practitioner's calendar as the slot computation sees it. */
class Calendar {
  readonly tz: string;
  private readonly rules: Map<number, AvailabilityRuleRow[]>;
  private readonly exceptions: ExceptionSpan[];

  constructor(tz: string, rules: readonly AvailabilityRuleRow[], exceptions: readonly ExceptionSpan[]) {
    this.tz = tz;
    this.rules = new Map();
    for (const r of rules) {
      const list = this.rules.get(r.weekday) ?? [];
      list.push(r);
      this.rules.set(r.weekday, list);
    }
    this.exceptions = [...exceptions];
  }

  /** The open pieces of one local day for a type: rules and extra openings, minus time off. */
  pieces(type: ConsultationTypeRow, day: number): Range[] {
    const dayRange: Range = [localToInstant(this.tz, day, 0), localToInstant(this.tz, day + 1, 0)];
    const applies = (ids: readonly string[] | null) => ids === null || ids.includes(type.id);
    const opened: Range[] = [];
    for (const r of this.rules.get(isoWeekday(day)) ?? []) {
      if (r.modes && !r.modes.includes(type.mode)) continue;
      opened.push([
        localToInstant(this.tz, day, timeToMinutes(r.start_time)),
        localToInstant(this.tz, day, timeToMinutes(r.end_time)),
      ]);
    }
    const holes: Range[] = [];
    for (const e of this.exceptions) {
      if (!applies(e.typeIds) || !overlaps(e.range, dayRange)) continue;
      (e.kind === 'extra' ? opened : holes).push(e.range);
    }
    return subtract(union(opened), holes);
  }

  /** Whether the weekday has any weekly hours at all. */
  opensOn(weekday: number): boolean {
    return (this.rules.get(weekday)?.length ?? 0) > 0;
  }

  /** End of the latest rule of a weekday, in minutes. */
  closingMinutes(weekday: number): number {
    return Math.max(...(this.rules.get(weekday) ?? []).map((r) => timeToMinutes(r.end_time)));
  }
}

function typeInfo(row: ConsultationTypeRow, nowMs: number): TypeInfo {
  return {
    row,
    dur: row.duration_minutes * MINUTE_MS,
    before: row.buffer_before_minutes * MINUTE_MS,
    after: row.buffer_after_minutes * MINUTE_MS,
    step: SLOT_STEP_MINUTES * MINUTE_MS,
    horizonEnd: nowMs + row.horizon_days * DAY_MS,
    notice: row.min_notice_minutes * MINUTE_MS,
  };
}

/** The first grid start of a type at or after `earliest` whose slot fits its piece, or null. */
function firstFit(pieces: readonly Range[], t: TypeInfo, earliest: number): number | null {
  for (const [lo, hi] of pieces) {
    const from = Math.max(lo, earliest);
    const s = lo + Math.ceil((from - lo) / t.step) * t.step;
    if (s + t.dur <= hi) return s;
  }
  return null;
}

/** A sequence of non-overlapping grid positions: start instants and the type at each. */
interface Positions {
  starts: number[];
  types: number[];
}

/**
 * Packs a practitioner's window with back-to-back appointments (buffers respected), drawing the
 * type of each: the most an agenda could hold. Appointments are then picked among these, so any
 * selection is free of overlaps by construction.
 */
function pack(rng: Random, cal: Calendar, types: readonly TypeInfo[], from: number, to: number): Positions {
  const weights = types.map((_, i) => [i, i === 0 ? 3 : 1] as const);
  const out: Positions = { starts: [], types: [] };
  let cursor = from;
  const fits = (pieces: readonly Range[], t: TypeInfo): number | null => {
    const s = firstFit(pieces, t, cursor + t.before);
    return s === null || s + t.dur > to || s >= t.horizonEnd ? null : s;
  };
  for (let day = localDayOf(cal.tz, from); day <= localDayOf(cal.tz, to); day++) {
    const pieces = types.map((t) => cal.pieces(t.row, day));
    for (;;) {
      // The drawn type if it still fits today, else whichever fits soonest.
      let pick = rng.weighted(weights);
      let start = fits(pieces[pick]!, types[pick]!);
      if (start === null) {
        pick = -1;
        for (let i = 0; i < types.length; i++) {
          const s = fits(pieces[i]!, types[i]!);
          if (s !== null && (start === null || s < start)) {
            pick = i;
            start = s;
          }
        }
      }
      if (start === null || pick < 0) break;
      const t = types[pick]!;
      out.starts.push(start);
      out.types.push(pick);
      cursor = start + t.dur + t.after;
    }
  }
  return out;
}

/** Heavy-tailed share of the total (Pareto, alpha 1.3): a few practitioners get most bookings. */
/** How many of `patients` (sorted by account age) had an account at `at`. */
function countJoinedBy(patients: readonly UserRow[], at: number): number {
  let lo = 0;
  let hi = patients.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (Date.parse(patients[mid]!.created_at) <= at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The published practice whose hours hold the most appointments (-1 when none is published). */
function largestPublished(practices: readonly Practice[], packed: readonly Positions[]): number {
  let best = -1;
  practices.forEach((pr, i) => {
    if (!pr.published) return;
    if (best < 0 || packed[i]!.starts.length > packed[best]!.starts.length) best = i;
  });
  return best;
}

function popularity(rng: Random): number {
  return Math.pow(1 - rng.float(), -1 / 1.3);
}

/**
 * Splits `total` into whole counts proportional to `weights`, none above its cap (water-filling:
 * what a capped practitioner cannot take goes to the others). Sums to `total` unless every cap
 * is reached.
 */
export function allocate(total: number, weights: readonly number[], caps: readonly number[]): number[] {
  const share = new Array<number>(weights.length).fill(0);
  const open = new Set(weights.keys());
  let left = total;
  for (;;) {
    const sum = [...open].reduce((s, i) => s + weights[i]!, 0);
    if (!(sum > 0) || left <= 0) break;
    const capped = [...open].filter((i) => (left * weights[i]!) / sum >= caps[i]!);
    if (capped.length === 0) {
      for (const i of open) share[i] = (left * weights[i]!) / sum;
      break;
    }
    for (const i of capped) {
      share[i] = caps[i]!;
      left -= caps[i]!;
      open.delete(i);
    }
  }
  const counts = share.map(Math.floor);
  const reachable = Math.min(
    total,
    caps.reduce((s, c) => s + c, 0),
  );
  let missing = reachable - counts.reduce((s, c) => s + c, 0);
  // Largest remainders first, then lowest index: deterministic.
  const order = [...share.keys()].sort((a, b) => share[b]! - counts[b]! - (share[a]! - counts[a]!) || a - b);
  for (const i of order) {
    if (missing <= 0) break;
    if (counts[i]! < caps[i]!) {
      counts[i]!++;
      missing--;
    }
  }
  return counts;
}

/** Indices of `count` positions drawn without replacement, favouring heavy weights (Efraimidis-Spirakis). */
function weightedPick(rng: Random, weights: readonly number[], count: number): number[] {
  if (count <= 0) return [];
  if (count >= weights.length) return [...weights.keys()];
  const keys = new Float64Array(weights.length);
  for (let i = 0; i < weights.length; i++) keys[i] = Math.log(1 - rng.float()) / weights[i]!;
  const threshold = Float64Array.from(keys).sort()[keys.length - count]!;
  const picked: number[] = [];
  for (let i = 0; i < keys.length && picked.length < count; i++) if (keys[i]! >= threshold) picked.push(i);
  return picked;
}

/** Bookings fill up near term: a slot two months ahead is far less often taken than next week's. */
function demandWeight(start: number, now: number): number {
  const days = (start - now) / DAY_MS;
  return days <= 7 ? 1 : Math.max(0.15, 1 - (days - 7) / 60);
}

const toMinute = (ms: number) => Math.floor(ms / MINUTE_MS) * MINUTE_MS;

function groupBy<T extends { practitioner_id: string }>(rows: readonly T[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const row of rows) {
    const list = map.get(row.practitioner_id);
    if (list) list.push(row);
    else map.set(row.practitioner_id, [row]);
  }
  return map;
}

interface Practice {
  p: PractitionerRow;
  cal: Calendar;
  types: TypeInfo[];
  from: number;
  to: number;
  /** Verified and subscribed now: bookable ahead. */
  published: boolean;
}

export class ScheduleGenerator {
  private readonly input: ScheduleInput;
  private readonly now: number;
  private readonly today: Map<string, number> = new Map();
  readonly exceptions: AvailabilityExceptionRow[] = [];
  readonly appointments: AppointmentRow[] = [];
  private readonly spans = new Map<string, ExceptionSpan[]>();
  private readonly rules: Map<string, AvailabilityRuleRow[]>;
  private readonly types: Map<string, ConsultationTypeRow[]>;
  private readonly subscriptions: Map<string, SubscriptionRow>;

  constructor(input: ScheduleInput) {
    this.input = input;
    this.now = input.now.getTime();
    this.rules = groupBy(input.availability_rules);
    this.types = groupBy(input.consultation_types);
    this.subscriptions = new Map(input.subscriptions.map((s) => [s.practitioner_id, s]));
  }

  private localToday(tz: string): number {
    let d = this.today.get(tz);
    if (d === undefined) this.today.set(tz, (d = localDayOf(tz, this.now)));
    return d;
  }

  private addException(
    rng: Random,
    p: PractitionerRow,
    kind: ExceptionSpan['kind'],
    range: Range,
    typeIds: string[] | null,
    note: string,
  ): void {
    const list = this.spans.get(p.id) ?? [];
    list.push({ kind, range, typeIds });
    this.spans.set(p.id, list);
    // Entered some days before they start, never after today.
    const created = Math.min(this.now - rng.int(0, 3) * DAY_MS, range[0] - rng.int(3, 40) * DAY_MS);
    this.exceptions.push({
      id: rng.uuid(),
      practitioner_id: p.id,
      kind,
      during: rangeLiteral(range[0], range[1]),
      consultation_type_ids: typeIds,
      note,
      created_at: isoUtc(created - rng.int(0, 86_399) * 1000),
    });
  }

  /** Holidays, afternoons off and extra openings over the seeded period, for one practitioner. */
  randomExceptions(rng: Random, p: PractitionerRow): void {
    const rules = this.rules.get(p.id) ?? [];
    const firstTypeId = this.types.get(p.id)?.[0]?.id ?? null;
    if (rules.length === 0) return;
    const cal = new Calendar(p.time_zone, rules, []);
    const today = this.localToday(p.time_zone);
    const midnight = (day: number) => localToInstant(p.time_zone, day, 0);
    if (rng.chance(0.55)) {
      let day = today - HISTORY_DAYS + rng.int(0, 120);
      for (let n = rng.chance(0.3) ? 2 : 1; n > 0 && day < today + AHEAD_DAYS + 30; n--) {
        const length = rng.int(5, 14);
        this.addException(rng, p, 'time_off', [midnight(day), midnight(day + length)], null, 'Congés');
        day += length + rng.int(30, 120);
      }
    }
    if (rng.chance(0.3)) {
      for (let n = rng.int(1, 3); n > 0; n--) {
        const day = today + rng.int(-HISTORY_DAYS, AHEAD_DAYS);
        const noon = localToInstant(p.time_zone, day, 12 * 60);
        this.addException(
          rng,
          p,
          'time_off',
          [noon, midnight(day + 1)],
          null,
          rng.pick(['Formation', 'Rendez-vous personnel', 'Réunion']),
        );
      }
    }
    if (rng.chance(0.25)) {
      for (let n = rng.int(1, 3); n > 0; n--) {
        const day = today + rng.int(-HISTORY_DAYS, AHEAD_DAYS);
        const weekday = isoWeekday(day);
        const typeIds = firstTypeId && rng.chance(0.2) ? [firstTypeId] : null;
        // A closed day gets a morning; an open one stays open later (touching its last hours).
        const [lo, hi] = cal.opensOn(weekday)
          ? [cal.closingMinutes(weekday), Math.min(cal.closingMinutes(weekday) + 90, 22 * 60)]
          : [9 * 60, 12 * 60];
        if (lo >= hi) continue;
        this.addException(
          rng,
          p,
          'extra',
          [localToInstant(p.time_zone, day, lo), localToInstant(p.time_zone, day, hi)],
          typeIds,
          'Ouverture exceptionnelle',
        );
      }
    }
  }

  /** The demo practitioner's fixed exceptions: a week off in a month, a Saturday morning soon. */
  demoExceptions(rng: Random, p: PractitionerRow): void {
    const today = this.localToday(p.time_zone);
    const midnight = (day: number) => localToInstant(p.time_zone, day, 0);
    this.addException(rng, p, 'time_off', [midnight(today + 22), midnight(today + 29)], null, 'Congés');
    let saturday = today + 8;
    while (isoWeekday(saturday) !== 6) saturday++;
    this.addException(
      rng,
      p,
      'extra',
      [localToInstant(p.time_zone, saturday, 9 * 60), localToInstant(p.time_zone, saturday, 12 * 60 + 30)],
      null,
      'Ouverture exceptionnelle',
    );
  }

  private practice(p: PractitionerRow): Practice | null {
    const sub = this.subscriptions.get(p.id);
    // Only practitioners who were once public have ever been booked.
    if (
      !sub ||
      !p.verified_at ||
      (p.verification_status !== 'verified' && p.verification_status !== 'suspended')
    ) {
      return null;
    }
    const published =
      p.verification_status === 'verified' && (sub.status === 'active' || sub.status === 'trialing');
    const from = Math.max(this.now - HISTORY_DAYS * DAY_MS, Date.parse(p.verified_at) + DAY_MS);
    let to = this.now + AHEAD_DAYS * DAY_MS;
    if (!published) {
      to =
        sub.status === 'canceled'
          ? Math.min(this.now, Date.parse(sub.current_period_end))
          : p.verification_status === 'suspended'
            ? this.now - 14 * DAY_MS
            : this.now;
    }
    const types = (this.types.get(p.id) ?? []).filter((t) => t.active).map((t) => typeInfo(t, this.now));
    const rules = this.rules.get(p.id) ?? [];
    if (from >= to || types.length === 0 || rules.length === 0) return null;
    return {
      p,
      cal: new Calendar(p.time_zone, rules, this.spans.get(p.id) ?? []),
      types,
      from,
      to,
      published,
    };
  }

  /** About `total` appointments over every practitioner who was ever public, skewed by popularity. */
  randomAppointments(rng: Random, total: number): void {
    const practices = this.input.practitioners
      .map((p) => this.practice(p))
      .filter((x): x is Practice => x !== null);
    const packed = practices.map((pr) => pack(rng.fork(`pack/${pr.p.id}`), pr.cal, pr.types, pr.from, pr.to));
    // Popularity times room: the busiest are those who also open the most bookable hours.
    const weights = packed.map((x) => popularity(rng) * x.starts.length);
    const caps = packed.map((x) => Math.floor(x.starts.length * MAX_FILL));
    // The large practice's share is fixed first; the rest of the total is shared as usual.
    const large = largestPublished(practices, packed);
    const largeCount = large < 0 ? 0 : Math.min(caps[large]!, LARGE_PRACTICE_APPOINTMENTS, total);
    const counts = allocate(
      total - largeCount,
      weights.map((w, i) => (i === large ? 0 : w)),
      caps.map((c, i) => (i === large ? 0 : c)),
    );
    if (large >= 0) counts[large] = largeCount;
    const patients = [...this.input.patients].sort(
      (a, b) => a.created_at.localeCompare(b.created_at) || a.id.localeCompare(b.id),
    );
    practices.forEach((pr, i) =>
      this.book(rng.fork(`book/${pr.p.id}`), pr, packed[i]!, counts[i]!, patients, i === large),
    );
  }

  /** Picks `count` rows' worth of positions of one practitioner, gives them statuses and patients. */
  private book(
    rng: Random,
    pr: Practice,
    packed: Positions,
    count: number,
    patients: readonly UserRow[],
    large = false,
  ): void {
    if (count <= 0) return;
    // About one row in 16 is a cancelled booking whose time someone else then took.
    const rebooked = Math.floor(count / 16);
    const chosen = weightedPick(
      rng,
      packed.starts.map((s) => demandWeight(s, this.now)),
      count - rebooked,
    );
    const withExtra = new Set(rng.sample([...chosen.keys()], rebooked));
    const plans: { start: number; type: TypeInfo; status: AppointmentStatus; extra: boolean }[] = [];
    chosen.forEach((pos, k) => {
      const start = packed.starts[pos]!;
      const type = pr.types[packed.types[pos]!]!;
      const past = start + type.dur <= this.now;
      const status: AppointmentStatus = past
        ? rng.weighted([
            ['completed', 87],
            ['no_show', 4],
            ['cancelled', 9],
          ] as const)
        : rng.weighted([
            ['confirmed', 92],
            ['cancelled', 6],
            ['held', 2],
          ] as const);
      plans.push({ start, type, status, extra: false });
      // Right after the row that took its time, so that it can be dated before it.
      if (withExtra.has(k)) plans.push({ start, type, status: 'cancelled', extra: true });
    });

    const upcoming = plans.filter(
      (x) => x.start >= this.now && (x.status === 'confirmed' || x.status === 'held'),
    ).length;
    const visits = VISITS_PER_PATIENT[pr.p.profession_code] ?? 3;
    const poolSize = Math.min(
      patients.length,
      large
        ? Math.min(LARGE_PRACTICE_PATIENTS, plans.length)
        : Math.max(
            1,
            Math.min(MAX_PATIENTS_PER_PRACTITIONER, Math.round(plans.length / visits)),
            Math.ceil(upcoming / MAX_UPCOMING_PER_PATIENT) + 1,
          ),
    );
    const pool = new Set<number>();
    // The large practice draws from accounts older than its first booking, so that each member can
    // be booked at any time of its history (the list is sorted by account age).
    const drawable = large ? Math.max(poolSize, countJoinedBy(patients, pr.from)) : patients.length;
    while (pool.size < poolSize) pool.add(rng.int(0, drawable - 1));
    // Oldest accounts first: a booking is made by someone who already had an account.
    const members = [...pool].sort((a, b) => a - b).map((i) => patients[i]!);
    const joined = members.map((u) => Date.parse(u.created_at));
    const upcomingOf = new Map<number, number>();
    // The large practice books every member at least once: a member not booked yet is taken
    // first, as often as needed for all of them to be booked by the last row.
    const unbooked = new Set(large ? members.keys() : []);
    let rowsLeft = plans.length;

    let previousCreated = 0;
    for (const plan of plans) {
      const t = plan.type;
      const end = plan.start + t.dur;
      // Booked ahead: the minimum notice plus a lead of days, and never after today.
      let created = plan.start - t.notice - Math.floor(-Math.log(1 - rng.float()) * 6 * DAY_MS);
      if (plan.status === 'held') created = this.now - rng.int(1, 360) * MINUTE_MS;
      created = Math.min(created, this.now - rng.int(1, 600) * MINUTE_MS);
      // A rebooked time: first booked by someone who cancelled before the next booking.
      if (plan.extra) created = previousCreated - rng.int(1, 10) * DAY_MS;
      else previousCreated = created;

      const active = plan.status === 'confirmed' || plan.status === 'held';
      let who = this.pickPatient(rng, joined, created);
      if (unbooked.size > 0 && (unbooked.size >= rowsLeft || rng.chance(unbooked.size / rowsLeft))) {
        who = this.firstUnbooked(unbooked, joined, created) ?? who;
      }
      rowsLeft--;
      if (active && plan.start >= this.now) {
        for (
          let tries = 0;
          (upcomingOf.get(who) ?? 0) >= MAX_UPCOMING_PER_PATIENT && tries < members.length;
          tries++
        ) {
          who = (who + 1) % members.length;
        }
        upcomingOf.set(who, (upcomingOf.get(who) ?? 0) + 1);
      }
      unbooked.delete(who);
      const patient = members[who]!;

      let cancelledAt: number | null = null;
      let role: CancelledByRole | null = null;
      let reason: string | null = null;
      if (plan.status === 'cancelled') {
        const latest = Math.min(this.now, plan.start, plan.extra ? previousCreated : Infinity);
        const patientLatest = Math.min(latest, plan.start - CANCEL_CUTOFF_HOURS * 3_600_000);
        const cancelAfter = created + MINUTE_MS;
        if (patientLatest > cancelAfter && rng.chance(0.7)) {
          role = 'patient';
          cancelledAt = cancelAfter + Math.floor(rng.float() * (patientLatest - cancelAfter));
          reason = rng.chance(0.5) ? rng.pick(PATIENT_REASONS) : null;
        } else if (rng.chance(0.15) && created + HOLD_MINUTES * MINUTE_MS <= latest) {
          role = 'system';
          cancelledAt = created + HOLD_MINUTES * MINUTE_MS;
          reason = 'hold expired';
        } else {
          role = 'practitioner';
          cancelledAt = Math.max(
            created,
            Math.min(latest, created + Math.floor(rng.float() * Math.max(0, latest - created))),
          );
          reason = rng.pick(PRACTITIONER_REASONS);
        }
      }
      // Whole minutes: the formatted instants are shared between rows (see isoUtc).
      created = toMinute(created);
      if (cancelledAt !== null) cancelledAt = Math.max(created, toMinute(cancelledAt));
      const updated =
        cancelledAt ??
        (plan.status === 'completed' || plan.status === 'no_show'
          ? Math.min(this.now, end + rng.int(5, 180) * MINUTE_MS)
          : plan.status === 'confirmed'
            ? created + rng.int(1, 8) * MINUTE_MS
            : created);
      this.appointments.push({
        id: rng.uuid(),
        practitioner_id: pr.p.id,
        patient_id: patient.id,
        consultation_type_id: t.row.id,
        starts_at: isoUtc(plan.start),
        ends_at: isoUtc(end),
        blocked: rangeLiteral(plan.start - t.before, end + t.after),
        status: plan.status,
        hold_expires_at: plan.status === 'held' ? isoUtc(created + HOLD_MINUTES * MINUTE_MS) : null,
        mode: t.row.mode,
        price_cents: t.row.price_cents,
        currency: t.row.currency,
        cancelled_at: cancelledAt === null ? null : isoUtc(cancelledAt),
        cancelled_by: role === 'patient' ? patient.id : role === 'practitioner' ? pr.p.id : null,
        cancelled_by_role: role,
        cancel_reason: reason,
        idempotency_key: rng.chance(0.4) ? `web-${rng.uuid()}` : null,
        created_at: isoUtc(created),
        updated_at: isoUtc(Math.max(updated, created)),
      });
    }
  }

  /** The oldest member not booked yet who had an account by `created`. */
  private firstUnbooked(
    unbooked: ReadonlySet<number>,
    joined: readonly number[],
    created: number,
  ): number | null {
    // The set keeps insertion order, oldest account first: the first one too young ends the search.
    for (const i of unbooked) return joined[i]! <= created ? i : null;
    return null;
  }

  /** A patient of the pool who had an account by `created`, loyal (older) ones more often. */
  private pickPatient(rng: Random, joined: readonly number[], created: number): number {
    let lo = 0;
    let hi = joined.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (joined[mid]! <= created) lo = mid + 1;
      else hi = mid;
    }
    const eligible = lo > 0 ? lo : joined.length;
    return Math.min(eligible - 1, Math.floor(eligible * Math.pow(rng.float(), 1.3)));
  }

  /**
   * A handful of the demo practitioner's appointments (the demo patient's among them), at fixed
   * places relative to today: enough for the apps to show a past and an upcoming agenda. Their ids
   * do not depend on the date, so seeding again another day adds nothing.
   */
  demoAppointments(rng: Random, p: PractitionerRow, demoPatient: UserRow, others: readonly UserRow[]): void {
    const types = (this.types.get(p.id) ?? []).map((t) => typeInfo(t, this.now));
    const cal = new Calendar(p.time_zone, this.rules.get(p.id) ?? [], this.spans.get(p.id) ?? []);
    const today = this.localToday(p.time_zone);
    const who = [demoPatient, ...others];
    // [patient, type, days from today, local start "HH:MM", status]; past and upcoming groups
    // each use distinct times, so two landing on one day never overlap.
    const plan: [number, number, number, string, AppointmentStatus][] = [
      [0, 0, -28, '09:00', 'completed'],
      [0, 1, -21, '10:15', 'completed'],
      [0, 2, -14, '14:00', 'cancelled'],
      [1, 1, -7, '15:15', 'no_show'],
      [2, 0, -3, '16:30', 'completed'],
      [0, 1, 2, '09:00', 'confirmed'],
      [1, 2, 4, '10:15', 'confirmed'],
      [2, 1, 6, '14:00', 'held'],
      [3, 0, 9, '15:15', 'confirmed'],
      [0, 2, 16, '16:30', 'confirmed'],
    ];
    for (const [patientIndex, typeIndex, offset, time, status] of plan) {
      const patient = who[patientIndex % who.length]!;
      const t = types[typeIndex % types.length]!;
      const id = rng.uuid();
      const key = rng.uuid();
      // Move to the nearest working day with room, away from today.
      let day = today + offset;
      const direction = offset < 0 ? -1 : 1;
      let start = NaN;
      for (let guard = 0; guard < 14; guard++, day += direction) {
        const s = localToInstant(p.time_zone, day, timeToMinutes(time));
        if (
          cal.pieces(t.row, day).some(([lo, hi]) => lo <= s && s + t.dur <= hi && (s - lo) % t.step === 0)
        ) {
          start = s;
          break;
        }
      }
      if (Number.isNaN(start)) continue;
      const end = start + t.dur;
      const created = Math.min(start - 9 * DAY_MS, this.now - 2 * 3_600_000);
      const cancelled = status === 'cancelled' ? Math.min(start - 3 * DAY_MS, this.now - 3_600_000) : null;
      this.appointments.push({
        id,
        practitioner_id: p.id,
        patient_id: patient.id,
        consultation_type_id: t.row.id,
        starts_at: isoUtc(start),
        ends_at: isoUtc(end),
        blocked: rangeLiteral(start - t.before, end + t.after),
        status,
        hold_expires_at: status === 'held' ? isoUtc(created + HOLD_MINUTES * MINUTE_MS) : null,
        mode: t.row.mode,
        price_cents: t.row.price_cents,
        currency: t.row.currency,
        cancelled_at: cancelled === null ? null : isoUtc(cancelled),
        cancelled_by: cancelled === null ? null : patient.id,
        cancelled_by_role: cancelled === null ? null : 'patient',
        cancel_reason: cancelled === null ? null : PATIENT_REASONS[0]!,
        idempotency_key: `web-${key}`,
        created_at: isoUtc(created),
        updated_at: isoUtc(
          cancelled ??
            (start < this.now ? Math.min(this.now, end + 30 * MINUTE_MS) : created + 5 * MINUTE_MS),
        ),
      });
    }
  }
}
