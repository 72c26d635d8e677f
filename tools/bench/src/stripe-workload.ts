// The Stripe webhook benchmark's workload (issue 11): real state made through the real functions
// (`checkout`, `billing/subscribe`, the `payments` job) and the Stripe fake with its webhook
// delivery paused, so the fake's events pile up undelivered; then those events, each 1-3 times
// and shuffled with a seeded generator, are posted signed to stripe-webhook by a few keep-alive
// clients, and the database is checked against what the fake says happened.
// Users and practitioners are written straight into the database as `postgres` (tools may not
// import the test kit), as notify-workload.ts does.
import pg from 'pg';
import type Stripe from 'stripe';
import { signStripePayload, type ControlEvent, type StripeControl } from '@carebook/fakes';
import { accessToken } from './jwt.ts';
import { percentile } from './stats.ts';

const ZERO_SESSION = '00000000-0000-0000-0000-000000000000';
const DAY_S = 86_400;
export const CARD_OK = '4242424242424242';
export const CARD_DECLINED = '4000000000000002';
/** Accepted now, declined at every later charge (renewals). */
export const CARD_FAILS_LATER = '4000000000000341';

// ---- Pure helpers (unit-tested in stripe-workload.spec.ts) ----

/** A small seeded generator (mulberry32): the same seed gives the same order, to replay a run. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Fisher-Yates on a copy. */
export function shuffle<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/**
 * How many times each item is delivered: every item at least once, at most `maxCopies`, and
 * `total` in all when it can be (clamped to [items, items * maxCopies]); the extra copies go to
 * items picked at random.
 */
export function copiesOf(count: number, total: number, maxCopies: number, random: () => number): number[] {
  const copies = Array.from({ length: count }, () => 1);
  let extra = Math.min(Math.max(total, count), count * maxCopies) - count;
  // Items that may still take a copy, removed once full: each pick is O(1).
  const open = Array.from({ length: count }, (_, i) => i);
  while (extra > 0 && open.length > 0) {
    const k = Math.floor(random() * open.length);
    const i = open[k]!;
    copies[i]!++;
    extra--;
    if (copies[i]! >= maxCopies) {
      open[k] = open[open.length - 1]!;
      open.pop();
    }
  }
  return copies;
}

/** The deliveries: each item as many times as `copiesOf` says, the whole list shuffled. */
export function deliveryOrder<T>(items: readonly T[], total: number, maxCopies: number, seed: number): T[] {
  const random = seededRandom(seed);
  const copies = copiesOf(items.length, total, maxCopies, random);
  return shuffle(
    items.flatMap((item, i) => Array.from({ length: copies[i]! }, () => item)),
    random,
  );
}

// ---- Setup ----

export interface StripeWorkloadOptions {
  /** Held paid appointments, each with its Checkout Session made by the checkout function. */
  appointments: number;
  /** Practitioners subscribing through billing/subscribe, each on its own test clock. */
  subscriptions: number;
  deliveries: number;
  clients: number;
  seed: number;
}

export interface StripeContext {
  db: pg.ClientBase;
  stripe: Stripe;
  control: StripeControl;
  apiUrl: string;
  anonKey: string;
  jwtSecret: string;
  say: (line?: string) => void;
}

/** What each appointment went through; the verification expects a final state from it. */
export type PaymentFate =
  | 'paid' // card accepted
  | 'debit_paid' // delayed debit, then settled as succeeded
  | 'debit_failed' // delayed debit, then failed
  | 'declined' // card declined, the hold ran out, the session expired by the payments job
  | 'abandoned' // never paid, the hold ran out, the session expired
  | 'late' // paid after the hold ran out and the time was booked by someone else
  | 'refunded' // paid and confirmed (webhooks on), cancelled by the practitioner, refunded
  | 'refund_failed'; // the same, the refund failing

export interface BookedPayment {
  appointmentId: string;
  sessionId: string;
  fate: PaymentFate;
}

export interface PracticeSubscription {
  practitionerId: string;
  subscriptionId: string;
  story: string;
}

export interface StripeWorkload {
  payments: BookedPayment[];
  subscriptions: PracticeSubscription[];
  /** Appointments that took the late payers' times: they must stay the only active ones there. */
  rebooked: string[];
  /** The fake's events never delivered: the benchmark delivers them. */
  events: ControlEvent[];
  setupSeconds: number;
}

async function insertUsers(
  db: pg.ClientBase,
  prefix: string,
  role: string,
  count: number,
): Promise<string[]> {
  const { rows } = await db.query<{ id: string }>(
    `insert into auth.users (instance_id, id, aud, role, email, raw_app_meta_data, raw_user_meta_data, created_at, updated_at)
     select '00000000-0000-0000-0000-000000000000', gen_random_uuid(), 'authenticated', 'authenticated',
            $1 || i || '@bench.test', '{"provider": "email"}',
            jsonb_build_object('role', $2::text, 'full_name', initcap($2::text) || ' ' || i,
                               'locale', case when i % 2 = 0 then 'en' else 'fr' end),
            now(), now()
       from generate_series(1, $3) i
     returning id`,
    [prefix, role, count],
  );
  return rows.map((r) => r.id);
}

async function insertPractitioners(db: pg.ClientBase, ids: string[], withPlan: boolean): Promise<void> {
  if (withPlan) {
    // Published without Stripe (as the other workloads do): their patients pay, not them.
    await db.query(
      `insert into public.subscriptions (practitioner_id, plan, status, current_period_end)
       select id, 'pro', 'active', now() + interval '1 year' from unnest($1::uuid[]) id`,
      [ids],
    );
  }
  await db.query(
    `insert into public.practitioners (id, slug, display_name, profession_code, time_zone, verification_status, modes)
     select p.id, 'stripe-bench-' || substr(md5(p.id::text), 1, 12), p.full_name,
            (select code from public.professions order by registry = 'none' desc, code limit 1),
            'Europe/Paris', 'verified', '{video}'
       from public.profiles p where p.id = any($1::uuid[])`,
    [ids],
  );
}

/** Runs `work` over `items`, `parallel` at a time. */
async function inParallel<T, R>(
  items: readonly T[],
  parallel: number,
  work: (item: T) => Promise<R>,
): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(parallel, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await work(items[i]!);
      }
    }),
  );
  return out;
}

async function call(
  ctx: StripeContext,
  path: string,
  token: string,
  body: unknown,
): Promise<Record<string, unknown>> {
  const res = await fetch(`${ctx.apiUrl}${path}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, apikey: ctx.anonKey, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const answer = (await res.json()) as Record<string, unknown>;
  if (!res.ok) throw new Error(`${path} answered ${res.status}: ${JSON.stringify(answer).slice(0, 300)}`);
  return answer;
}

async function paymentsJob(ctx: StripeContext, serviceRoleKey: string): Promise<void> {
  await call(ctx, '/functions/v1/payments', serviceRoleKey, {});
}

/** The fates, in the proportions of the run: most pay, a few of everything else. */
export function fates(count: number): PaymentFate[] {
  const few = Math.max(1, Math.round(count * 0.06));
  const list: PaymentFate[] = [];
  const add = (fate: PaymentFate, n: number) => list.push(...Array.from({ length: n }, () => fate));
  add('refunded', Math.max(1, Math.round(few * 0.8)));
  add('refund_failed', 1);
  add('declined', few);
  add('abandoned', Math.max(1, Math.round(few / 2)));
  add('debit_paid', few);
  add('debit_failed', few);
  add('late', Math.max(1, Math.round(few / 3)));
  add('paid', Math.max(0, count - list.length));
  return list.slice(0, count);
}

export async function createStripeWorkload(
  ctx: StripeContext,
  options: StripeWorkloadOptions,
  serviceRoleKey: string,
): Promise<StripeWorkload> {
  const started = performance.now();
  const { db, control, stripe, say } = ctx;
  const plan = fates(options.appointments);
  const late = plan.filter((f) => f === 'late').length;
  // Refunds stay pending until the benchmark settles them (one fails).
  await control.settings({ refund_settle_seconds: 3600 });
  await control.pause();

  // 10 practitioners (each a day of 30-minute slots from 08:00 to 20:00), a patient per appointment.
  const practitionerCount = Math.max(1, Math.ceil(options.appointments / 20));
  const pros = await insertUsers(db, 'stripe-bench-pro-', 'practitioner', practitionerCount);
  await insertPractitioners(db, pros, true);
  const { rows: types } = await db.query<{ id: string; practitioner_id: string }>(
    `insert into public.consultation_types (practitioner_id, name_fr, name_en, duration_minutes, slot_step_minutes,
                                            min_notice_minutes, horizon_days, price_cents, mode)
     select id, 'Séance', 'Session', 30, 30, 0, 60, 6000, 'video' from unnest($1::uuid[]) id
     returning id, practitioner_id`,
    [pros],
  );
  await db.query(
    `insert into public.availability_rules (practitioner_id, weekday, start_time, end_time)
     select id, d, '08:00', '20:00' from unnest($1::uuid[]) id cross join generate_series(1, 7) d`,
    [pros],
  );
  const patients = await insertUsers(db, 'stripe-bench-patient-', 'patient', options.appointments + late);
  const from = new Date(Date.now() + 2 * DAY_S * 1000);
  const to = new Date(from.getTime() + 3 * DAY_S * 1000);
  const slots: { practitionerId: string; typeId: string; startsAt: string }[] = [];
  for (const t of types) {
    const { rows } = await db.query<{ starts_at: Date; ends_at: Date }>(
      'select starts_at, ends_at from public.get_available_slots($1, $2, $3, $4) order by starts_at',
      [t.practitioner_id, t.id, from.toISOString(), to.toISOString()],
    );
    let free = -Infinity;
    let taken = 0;
    for (const s of rows) {
      if (taken >= 20) break;
      if (s.starts_at.getTime() < free) continue;
      slots.push({ practitionerId: t.practitioner_id, typeId: t.id, startsAt: s.starts_at.toISOString() });
      free = s.ends_at.getTime();
      taken++;
    }
  }
  if (slots.length < options.appointments)
    throw new Error(`only ${slots.length} free slots for ${options.appointments} appointments`);

  // Held appointments (book_appointment as each patient), then a Checkout Session each (checkout).
  const tokens = await Promise.all(
    patients.map((id) => accessToken(ctx.jwtSecret, id, 3 * 3600, ZERO_SESSION)),
  );
  const booked: BookedPayment[] = await inParallel(
    plan.map((fate, i) => ({ fate, i })),
    4,
    async ({ fate, i }) => {
      const slot = slots[i]!;
      const held = (await call(ctx, '/rest/v1/rpc/book_appointment', tokens[i]!, {
        p_practitioner_id: slot.practitionerId,
        p_consultation_type_id: slot.typeId,
        p_starts_at: slot.startsAt,
        p_idempotency_key: `stripe-bench-${i}`,
      })) as { id: string; status: string };
      if (held.status !== 'held') throw new Error(`booking ${i} is ${held.status}, not held`);
      await call(ctx, '/functions/v1/checkout', tokens[i]!, { appointment_id: held.id });
      return { appointmentId: held.id, sessionId: '', fate };
    },
  );
  // One client for the database: read the sessions once the parallel calls are done.
  const { rows: sessions } = await db.query<{ appointment_id: string; checkout_session_id: string }>(
    'select appointment_id, checkout_session_id from public.payments where appointment_id = any($1::uuid[])',
    [booked.map((b) => b.appointmentId)],
  );
  const sessionOf = new Map(sessions.map((r) => [r.appointment_id, r.checkout_session_id]));
  for (const b of booked) b.sessionId = sessionOf.get(b.appointmentId)!;
  say(`  stripe: ${booked.length} held paid appointments with their Checkout Sessions (checkout function)`);

  // Refunds: these are confirmed with webhooks on, then cancelled by their practitioner; the
  // payments job asks Stripe for the refunds while webhooks are paused again.
  const refunding = booked.filter((b) => b.fate === 'refunded' || b.fate === 'refund_failed');
  await control.resume();
  for (const b of refunding) await control.pay(b.sessionId, CARD_OK);
  await control.idle();
  await control.pause();
  for (const b of refunding) {
    const { rows } = await db.query<{ practitioner_id: string; status: string }>(
      'select practitioner_id, status::text from public.appointments where id = $1',
      [b.appointmentId],
    );
    if (rows[0]!.status !== 'confirmed')
      throw new Error(`appointment ${b.appointmentId} not confirmed by webhook`);
    const token = await accessToken(ctx.jwtSecret, rows[0]!.practitioner_id, 3600, ZERO_SESSION);
    await call(ctx, '/rest/v1/rpc/cancel_appointment', token, {
      p_appointment_id: b.appointmentId,
      p_reason: 'Benchmark: practitioner unavailable',
    });
  }
  await paymentsJob(ctx, serviceRoleKey);
  for (const b of refunding) {
    const session = await stripe.checkout.sessions.retrieve(b.sessionId);
    const refunds = await stripe.refunds.list({ payment_intent: String(session.payment_intent) });
    for (const r of refunds.data)
      await control.settleRefund(r.id, b.fate === 'refund_failed' ? 'failed' : 'succeeded');
  }

  // Payments while webhooks are paused: cards, declines, delayed debits settled both ways.
  const intents = new Map<string, string>();
  await inParallel(booked, 4, async (b) => {
    if (b.fate === 'paid') await control.pay(b.sessionId, CARD_OK);
    else if (b.fate === 'declined') await control.pay(b.sessionId, CARD_DECLINED);
    else if (b.fate === 'debit_paid' || b.fate === 'debit_failed') {
      const paid = (await control.pay(b.sessionId, 'bank_debit')) as unknown as {
        session: { payment_intent: string };
      };
      intents.set(b.sessionId, paid.session.payment_intent);
    }
  });
  for (const b of booked) {
    const intent = intents.get(b.sessionId);
    if (intent) await control.settlePayment(intent, b.fate === 'debit_paid' ? 'succeeded' : 'failed');
  }
  // Declined and abandoned: the hold runs out, the tick releases it, the payments job expires the
  // session (checkout.session.expired).
  const expiring = booked
    .filter((b) => b.fate === 'declined' || b.fate === 'abandoned')
    .map((b) => b.appointmentId);
  await db.query(
    `update public.appointments set hold_expires_at = now() - interval '1 second' where id = any($1::uuid[]) and status = 'held'`,
    [expiring],
  );
  await db.query('select public.release_expired_holds_tick()');
  await paymentsJob(ctx, serviceRoleKey);
  // Late: the hold runs out, another patient books the time, then the first one pays.
  const rebooked: string[] = [];
  const lateOnes = booked.filter((b) => b.fate === 'late');
  for (const [k, b] of lateOnes.entries()) {
    const { rows } = await db.query<{
      practitioner_id: string;
      consultation_type_id: string;
      starts_at: Date;
    }>(
      `update public.appointments set hold_expires_at = now() - interval '1 second' where id = $1
       returning practitioner_id, consultation_type_id, starts_at`,
      [b.appointmentId],
    );
    const i = options.appointments + k;
    const taken = (await call(ctx, '/rest/v1/rpc/book_appointment', tokens[i]!, {
      p_practitioner_id: rows[0]!.practitioner_id,
      p_consultation_type_id: rows[0]!.consultation_type_id,
      p_starts_at: rows[0]!.starts_at.toISOString(),
      p_idempotency_key: `stripe-bench-late-${k}`,
    })) as { id: string };
    rebooked.push(taken.id);
    await control.pay(b.sessionId, CARD_OK);
  }
  say(
    `  stripe: paid ${booked.filter((b) => b.fate === 'paid').length}, declined ${expiring.length - booked.filter((b) => b.fate === 'abandoned').length}, ` +
      `abandoned ${booked.filter((b) => b.fate === 'abandoned').length}, debits ${intents.size} (half failing), ` +
      `late ${lateOnes.length}, refunds ${refunding.length} (1 failing)`,
  );

  const subscriptions = await createSubscriptions(ctx, options.subscriptions);
  say(`  stripe: ${subscriptions.length} subscriptions: ${subscriptions.map((s) => s.story).join('; ')}`);

  const all = await control.events();
  const events = all.filter((e) => e.deliveries.length === 0);
  return {
    payments: booked,
    subscriptions,
    rebooked,
    events,
    setupSeconds: (performance.now() - started) / 1000,
  };
}

/**
 * Practitioners subscribing through billing/subscribe (the customer made first on a test clock,
 * as the integration test does), then a trial, its first invoice and a monthly renewal; every
 * fourth one is yearly (no renewal yet); every third one's card starts failing at the renewal
 * (past_due), and every sixth one stays unpaid until Stripe's retries run out.
 */
async function createSubscriptions(ctx: StripeContext, count: number): Promise<PracticeSubscription[]> {
  const { db, stripe, control } = ctx;
  const ids = await insertUsers(ctx.db, 'stripe-bench-sub-', 'practitioner', count);
  await insertPractitioners(db, ids, false);
  const customers: { id: string; i: number; clock: Stripe.TestHelpers.TestClock; customer: string }[] = [];
  for (const [i, id] of ids.entries()) {
    const clock = await stripe.testHelpers.testClocks.create({ frozen_time: Math.floor(Date.now() / 1000) });
    const customer = await stripe.customers.create({
      email: `stripe-bench-sub-${i}@bench.test`,
      test_clock: clock.id,
    });
    await db.query('insert into public.billing_customers (profile_id, stripe_customer_id) values ($1, $2)', [
      id,
      customer.id,
    ]);
    customers.push({ id, i, clock, customer: customer.id });
  }
  return inParallel(customers, 3, async ({ id, i, clock, customer }) => {
    const yearly = i % 4 === 3;
    const token = await accessToken(ctx.jwtSecret, id, 3600, ZERO_SESSION);
    const started = await call(ctx, '/functions/v1/billing/subscribe', token, {
      plan: yearly ? 'essential_yearly' : 'essential_monthly',
    });
    const sessionId = new URL(String(started.url)).pathname.split('/').pop()!;
    await control.pay(sessionId, CARD_OK);
    const story = [yearly ? 'yearly: trial' : 'monthly: trial'];
    const advance = async (days: number) => {
      await stripe.testHelpers.testClocks.advance(clock.id, {
        frozen_time: clock.frozen_time + days * DAY_S,
      });
    };
    await advance(15);
    story.push('paid');
    const failing = !yearly && i % 3 === 2;
    if (failing) {
      await control.setCard(customer, CARD_FAILS_LATER);
      story.push('card fails');
    }
    await advance(46);
    story.push(yearly ? 'no renewal due' : failing ? 'renewal failed' : 'renewed');
    if (failing && i % 6 === 5) {
      await advance(80);
      story.push('retries run out');
    }
    const session = await stripe.checkout.sessions.retrieve(sessionId);
    return { practitionerId: id, subscriptionId: String(session.subscription), story: story.join(' > ') };
  });
}

// ---- Delivery ----

export interface DeliveryRun {
  deliveries: number;
  events: number;
  clients: number;
  seconds: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  ok: number;
  notOk: number;
  statuses: Record<string, number>;
  /** Per event type, slowest p95 first: where the time goes. */
  byType: { type: string; n: number; p50: number; p95: number }[];
  samples: string[];
}

/**
 * Posts each delivery signed (Stripe's scheme, signed just before sending) to the webhook URL,
 * `clients` at a time; Node's fetch keeps one pooled keep-alive connection per busy client.
 */
export async function deliverEvents(
  order: readonly ControlEvent[],
  url: string,
  secret: string,
  clients: number,
): Promise<DeliveryRun> {
  const bodies = new Map<string, string>();
  for (const e of order) {
    if (bodies.has(e.id)) continue;
    const { deliveries: _, ...event } = e;
    bodies.set(e.id, JSON.stringify(event));
  }
  const latencies: number[] = [];
  const perType = new Map<string, number[]>();
  const statuses: Record<string, number> = {};
  const samples: string[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (next < order.length) {
        const e = order[next++]!;
        const body = bodies.get(e.id)!;
        const t0 = performance.now();
        let status = 'network error';
        let text = '';
        try {
          const res = await fetch(url, {
            method: 'POST',
            headers: {
              'content-type': 'application/json',
              'stripe-signature': signStripePayload(body, secret),
            },
            body,
          });
          text = await res.text();
          status = String(res.status);
        } catch (error) {
          text = error instanceof Error ? error.message : String(error);
        }
        const ms = performance.now() - t0;
        latencies.push(ms);
        perType.set(e.type, [...(perType.get(e.type) ?? []), ms]);
        statuses[status] = (statuses[status] ?? 0) + 1;
        if (status !== '200' && samples.length < 5)
          samples.push(`${e.type} ${e.id}: ${status} ${text.slice(0, 200)}`);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const sorted = latencies.sort((a, b) => a - b);
  const ok = statuses['200'] ?? 0;
  const byType = [...perType.entries()]
    .map(([type, list]) => {
      const l = list.sort((a, b) => a - b);
      return { type, n: l.length, p50: percentile(l, 50), p95: percentile(l, 95) };
    })
    .sort((a, b) => b.p95 - a.p95);
  return {
    deliveries: order.length,
    events: bodies.size,
    clients,
    seconds,
    perSecond: order.length / seconds,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted.at(-1) ?? 0,
    ok,
    notOk: order.length - ok,
    statuses,
    byType,
    samples,
  };
}

// ---- Verification ----

export interface Check {
  name: string;
  pass: boolean;
  detail: string;
}

interface Outcome {
  appointment: string;
  payment: string;
  /** Outbox rows: appointment.confirmed, payment.failed, payment.refunded. */
  confirmed: number;
  failed: number;
  refunded: number;
}

/** What each fate must end as: appointment and payment status, and each side effect's rows. */
const expected: Record<PaymentFate, Outcome> = {
  paid: { appointment: 'confirmed', payment: 'paid', confirmed: 1, failed: 0, refunded: 0 },
  debit_paid: { appointment: 'confirmed', payment: 'paid', confirmed: 1, failed: 0, refunded: 0 },
  debit_failed: { appointment: 'cancelled', payment: 'failed', confirmed: 0, failed: 1, refunded: 0 },
  declined: { appointment: 'cancelled', payment: 'expired', confirmed: 0, failed: 0, refunded: 0 },
  abandoned: { appointment: 'cancelled', payment: 'expired', confirmed: 0, failed: 0, refunded: 0 },
  // Told when the refund succeeds (payment.refunded, reason late_payment): the payments job's turn.
  late: { appointment: 'cancelled', payment: 'refund_pending', confirmed: 0, failed: 0, refunded: 0 },
  refunded: { appointment: 'cancelled', payment: 'refunded', confirmed: 1, failed: 0, refunded: 1 },
  refund_failed: { appointment: 'cancelled', payment: 'refund_failed', confirmed: 1, failed: 0, refunded: 0 },
};

const describeOutcome = (o: Outcome) =>
  `appointment ${o.appointment}, payment ${o.payment}, outbox confirmed/failed/refunded ${o.confirmed}/${o.failed}/${o.refunded}`;

export async function verifyStripeRun(
  db: pg.ClientBase,
  stripe: Stripe,
  workload: StripeWorkload,
): Promise<Check[]> {
  const checks: Check[] = [];
  const eventIds = workload.events.map((e) => e.id);
  const recorded = await db.query<{ id: string; n: number }>(
    `select id, count(*)::int as n from private.stripe_events where id = any($1::text[]) group by id`,
    [eventIds],
  );
  const missing = eventIds.length - recorded.rows.length;
  const twice = recorded.rows.filter((r) => r.n > 1).length;
  checks.push({
    name: 'each event recorded once in private.stripe_events',
    pass: missing === 0 && twice === 0,
    detail: `${recorded.rows.length} of ${eventIds.length} recorded, ${missing} missing, ${twice} more than once`,
  });

  const ids = workload.payments.map((p) => p.appointmentId);
  const { rows } = await db.query<Outcome & { id: string }>(
    `with o as (
       select payload ->> 'appointment_id' as appointment_id, topic, count(*)::int as n
         from public.outbox
        where topic in ('appointment.confirmed', 'payment.failed', 'payment.refunded')
          and payload ->> 'appointment_id' = any($1::text[])
        group by 1, 2
     )
     select a.id, a.status::text as appointment, p.status::text as payment,
            coalesce((select n from o where o.appointment_id = a.id::text and topic = 'appointment.confirmed'), 0) as confirmed,
            coalesce((select n from o where o.appointment_id = a.id::text and topic = 'payment.failed'), 0) as failed,
            coalesce((select n from o where o.appointment_id = a.id::text and topic = 'payment.refunded'), 0) as refunded
       from public.appointments a join public.payments p on p.appointment_id = a.id
      where a.id = any($1::uuid[])`,
    [ids],
  );
  const byId = new Map(rows.map((r) => [r.id, r]));
  const wrong = new Map<PaymentFate, string[]>();
  const counts = new Map<PaymentFate, number>();
  for (const p of workload.payments) {
    counts.set(p.fate, (counts.get(p.fate) ?? 0) + 1);
    const got = byId.get(p.appointmentId);
    if (!got || describeOutcome(got) !== describeOutcome(expected[p.fate])) {
      const list = wrong.get(p.fate) ?? [];
      list.push(got ? `${p.appointmentId}: ${describeOutcome(got)}` : `${p.appointmentId}: no row`);
      wrong.set(p.fate, list);
    }
  }
  for (const [fate, want] of Object.entries(expected) as [PaymentFate, Outcome][]) {
    const n = counts.get(fate) ?? 0;
    if (n === 0) continue;
    const bad = wrong.get(fate) ?? [];
    checks.push({
      name: `${fate}: ${describeOutcome(want)}`,
      pass: bad.length === 0,
      detail: `${n - bad.length} of ${n} as expected${bad.length ? `; e.g. ${bad.slice(0, 3).join('; ')}` : ''}`,
    });
  }

  // The failed renewals: one message per invoice and attempt, however often its event came.
  const attempts = new Set(
    workload.events
      .filter((e) => e.type === 'invoice.payment_failed')
      .map((e) => {
        const invoice = e.data.object as { id?: string; attempt_count?: number };
        return `${invoice.id}:${invoice.attempt_count ?? 1}`;
      }),
  );
  const told = await db.query<{ n: number }>(
    `select count(*)::int as n from public.outbox
      where topic = 'subscription.payment_failed' and payload ->> 'practitioner_id' = any($1::text[])`,
    [workload.subscriptions.map((s) => s.practitionerId)],
  );
  checks.push({
    name: 'failed renewals: one subscription.payment_failed per invoice attempt',
    pass: told.rows[0]!.n === attempts.size,
    detail: `${told.rows[0]!.n} outbox rows for ${attempts.size} failed attempts`,
  });

  const rebooked = await db.query<{ n: number }>(
    `select count(*)::int as n from public.appointments where id = any($1::uuid[]) and status = 'held'`,
    [workload.rebooked],
  );
  if (workload.rebooked.length > 0)
    checks.push({
      name: "late payers' times keep the new booking",
      pass: rebooked.rows[0]!.n === workload.rebooked.length,
      detail: `${rebooked.rows[0]!.n} of ${workload.rebooked.length} still held by the other patient`,
    });

  const overlaps = await db.query<{ n: number }>(
    `select count(*)::int as n from public.appointments a join public.appointments b
        on a.practitioner_id = b.practitioner_id and a.id < b.id and a.blocked && b.blocked
     where a.status in ('held', 'confirmed') and b.status in ('held', 'confirmed')`,
  );
  checks.push({
    name: 'no two active appointments overlap',
    pass: overlaps.rows[0]!.n === 0,
    detail: `${overlaps.rows[0]!.n} overlapping pairs`,
  });

  const subs = await db.query<{ stripe_subscription_id: string; status: string }>(
    `select stripe_subscription_id, status::text from public.subscriptions where stripe_subscription_id = any($1::text[])`,
    [workload.subscriptions.map((s) => s.subscriptionId)],
  );
  const dbStatus = new Map(subs.rows.map((r) => [r.stripe_subscription_id, r.status]));
  const differing: string[] = [];
  const finals: string[] = [];
  for (const s of workload.subscriptions) {
    const fake = (await stripe.subscriptions.retrieve(s.subscriptionId)).status;
    finals.push(fake);
    const ours = dbStatus.get(s.subscriptionId) ?? 'absent';
    if (ours !== fake) differing.push(`${s.subscriptionId} (${s.story}): database ${ours}, Stripe ${fake}`);
  }
  checks.push({
    name: 'subscriptions: final status as Stripe reports it',
    pass: differing.length === 0,
    detail: `${workload.subscriptions.length - differing.length} of ${workload.subscriptions.length} equal (${[
      ...new Set(finals),
    ]
      .map((f) => `${finals.filter((x) => x === f).length} ${f}`)
      .join(', ')})${differing.length ? `; ${differing.slice(0, 3).join('; ')}` : ''}`,
  });
  return checks;
}
