// The notify benchmark (issue 10): 10,000 reminders due at once, drained through the Brevo fake by
// the real notify function, then checked against the fake's own records: every reminder delivery
// taken exactly once (no duplicate, no loss). The data is written straight into the database as
// `postgres` (tools may not import the test kit): 100 published practitioners with 100 confirmed
// appointments each, one patient per appointment with a phone number, and the reminders' outbox
// messages as plan_reminders_tick writes them.
import pg from 'pg';
import { percentile } from './stats.ts';

export interface NotifyWorkload {
  reminders: number;
  patients: number;
  setupSeconds: number;
}

export async function createNotifyWorkload(
  db: pg.ClientBase,
  now: Date,
  reminders = 10_000,
  practitioners = 100,
): Promise<NotifyWorkload> {
  const started = performance.now();
  const perPractitioner = Math.ceil(reminders / practitioners);
  await db.query('begin');
  try {
    await db.query(
      `insert into auth.users (instance_id, id, aud, role, email, raw_app_meta_data, raw_user_meta_data, created_at, updated_at)
       select '00000000-0000-0000-0000-000000000000', gen_random_uuid(), 'authenticated', 'authenticated',
              'notify-bench-pro-' || i || '@bench.test', '{"provider": "email"}',
              jsonb_build_object('role', 'practitioner', 'full_name', 'Dr Bench ' || i), now(), now()
         from generate_series(1, $1) i`,
      [practitioners],
    );
    await db.query(
      `insert into public.subscriptions (practitioner_id, plan, status, current_period_end)
       select p.id, 'pro', 'active', now() + interval '1 year'
         from public.profiles p where p.email like 'notify-bench-pro-%'`,
    );
    await db.query(
      `insert into public.practitioners (id, slug, display_name, profession_code, time_zone, verification_status, modes)
       select p.id, 'notify-bench-' || substr(md5(p.id::text), 1, 12), p.full_name,
              (select code from public.professions order by registry = 'none' desc, code limit 1),
              'Europe/Paris', 'verified', '{video}'
         from public.profiles p where p.email like 'notify-bench-pro-%'`,
    );
    await db.query(
      `insert into public.consultation_types (practitioner_id, name_fr, name_en, duration_minutes, price_cents, mode)
       select pr.id, 'Séance', 'Session', 30, 0, 'video' from public.practitioners pr where pr.slug like 'notify-bench-%'`,
    );
    // Patients: half in French, half in English, each with their own number (+33 7 ...).
    await db.query(
      `insert into auth.users (instance_id, id, aud, role, email, raw_app_meta_data, raw_user_meta_data, created_at, updated_at)
       select '00000000-0000-0000-0000-000000000000', gen_random_uuid(), 'authenticated', 'authenticated',
              'notify-bench-patient-' || i || '@bench.test', '{"provider": "email"}',
              jsonb_build_object('role', 'patient', 'full_name', 'Patient ' || i, 'locale', case when i % 2 = 0 then 'en' else 'fr' end),
              now(), now()
         from generate_series(1, $1) i`,
      [reminders],
    );
    await db.query(
      `update public.profiles set phone = '+337' || lpad(substr(email, 22, strpos(email, '@') - 22), 8, '0')
        where email like 'notify-bench-patient-%'`,
    );
    // Appointment k of each practitioner at tomorrow 08:00 UTC + 30 k minutes: never overlapping.
    await db.query(
      `with pros as (
         select pr.id, t.id as type_id, row_number() over (order by pr.id) - 1 as n
           from public.practitioners pr join public.consultation_types t on t.practitioner_id = pr.id
          where pr.slug like 'notify-bench-%'
       ), pats as (
         select p.id, row_number() over (order by p.email) - 1 as n
           from public.profiles p where p.email like 'notify-bench-patient-%'
       )
       insert into public.appointments (practitioner_id, patient_id, consultation_type_id, starts_at, ends_at, blocked,
                                        status, mode, price_cents, currency)
       select pros.id, pats.id, pros.type_id, s.starts_at, s.starts_at + interval '30 minutes',
              tstzrange(s.starts_at, s.starts_at + interval '30 minutes', '[)'), 'confirmed', 'video', 0, 'EUR'
         from pats
         join pros on pros.n = pats.n / $2
        cross join lateral (select date_trunc('day', $1::timestamptz) + interval '1 day 8 hours'
                                   + make_interval(mins => 30 * (pats.n % $2)::int) as starts_at) s`,
      [now.toISOString(), perPractitioner],
    );
    // The reminders, as plan_reminders_tick enqueues them (same payload, same dedupe key).
    const { rowCount } = await db.query(
      `insert into public.outbox (topic, payload, dedupe_key)
       select 'appointment.reminder',
              jsonb_build_object('appointment_id', a.id, 'practitioner_id', a.practitioner_id, 'patient_id', a.patient_id,
                                 'reminded_starts_at', a.starts_at, 'minutes_before', 1440),
              'reminder:' || a.id || ':1440:' || extract(epoch from a.starts_at)::bigint
         from public.appointments a join public.practitioners pr on pr.id = a.practitioner_id
        where pr.slug like 'notify-bench-%'`,
    );
    await db.query('commit');
    await db.query('analyze');
    return {
      reminders: rowCount ?? 0,
      patients: reminders,
      setupSeconds: (performance.now() - started) / 1000,
    };
  } catch (error) {
    await db.query('rollback');
    throw error;
  }
}

export interface DrainResult {
  seconds: number;
  ticks: number;
  batches: number;
  batchP50: number;
  batchP95: number;
  batchMax: number;
  sent: number;
  retried: number;
  dead: number;
}

interface TickAnswer {
  planned: number;
  sent: number;
  retried: number;
  dead: number;
  skipped: number;
  batch_ms: number[];
}

/**
 * Calls notify `parallel` at a time (each call plans and sends until nothing is left; SKIP LOCKED
 * lets ticks share the work) until the reminders' deliveries are all finished.
 */
export async function drainNotify(
  db: pg.ClientBase,
  call: (body: Record<string, unknown>) => Promise<Response>,
  options: { parallel: number; batchSize: number; timeoutSeconds: number },
): Promise<DrainResult> {
  const started = performance.now();
  const batchMs: number[] = [];
  const totals = { ticks: 0, sent: 0, retried: 0, dead: 0 };
  const remaining = async () =>
    Number(
      (
        await db.query<{ n: string }>(
          `select (select count(*) from public.outbox where status = 'pending' and topic = 'appointment.reminder')
                + (select count(*) from public.deliveries where status = 'pending') as n`,
        )
      ).rows[0]!.n,
    );
  while ((await remaining()) > 0) {
    if (performance.now() - started > options.timeoutSeconds * 1000)
      throw new Error(`notify did not drain within ${options.timeoutSeconds} s`);
    const answers = await Promise.all(
      Array.from({ length: options.parallel }, async () => {
        const res = await call({ batch_size: options.batchSize });
        if (!res.ok) throw new Error(`notify answered ${res.status}: ${(await res.text()).slice(0, 300)}`);
        return (await res.json()) as TickAnswer;
      }),
    );
    for (const a of answers) {
      totals.ticks++;
      totals.sent += a.sent;
      totals.retried += a.retried;
      totals.dead += a.dead;
      batchMs.push(...a.batch_ms);
    }
    // Retries (if any) wait for their backoff: make them due rather than wait minutes.
    if (totals.retried > 0)
      await db.query(`update public.deliveries set next_attempt_at = now() where status = 'pending'`);
  }
  const sorted = [...batchMs].sort((x, y) => x - y);
  return {
    seconds: (performance.now() - started) / 1000,
    ...totals,
    batches: sorted.length,
    batchP50: percentile(sorted, 50),
    batchP95: percentile(sorted, 95),
    batchMax: sorted.at(-1) ?? 0,
  };
}

export interface RecordedCall {
  channel: 'email' | 'sms';
  status: number;
  idempotencyKey: string | null;
  duplicate: boolean;
}

export interface Verification {
  deliveries: number;
  /** Deliveries Brevo took more than once, or recipients with more than one reminder: must be 0. */
  duplicates: number;
  /** Deliveries Brevo never took, not marked sent, or with no message in the inbox: must be 0. */
  losses: number;
  /** Deliveries the dispatcher sent more than once (answered as repeats thanks to the key). */
  resent: number;
  byChannel: Record<string, number>;
}

/**
 * Checks every reminder delivery against the fake's call record (keyed by delivery) and its inbox
 * (`reminderMessages`: how many reminder messages each `channel:address` received).
 */
export async function verifyDrain(
  db: pg.ClientBase,
  calls: RecordedCall[],
  reminderMessages: Map<string, number>,
): Promise<Verification> {
  const { rows } = await db.query<{ id: string; channel: string; status: string; address: string }>(
    `select d.id, d.channel::text, d.status::text,
            case when d.channel = 'sms' then p.phone else lower(p.email) end as address
       from public.deliveries d
       join public.outbox o on o.id = d.outbox_id
       join public.profiles p on p.id = d.recipient_id
      where o.topic = 'appointment.reminder' and p.email like 'notify-bench-patient-%'`,
  );
  const accepted = new Map<string, number>();
  const tried = new Map<string, number>();
  for (const c of calls) {
    if (!c.idempotencyKey) continue;
    tried.set(c.idempotencyKey, (tried.get(c.idempotencyKey) ?? 0) + 1);
    if (c.status === 201 && !c.duplicate)
      accepted.set(c.idempotencyKey, (accepted.get(c.idempotencyKey) ?? 0) + 1);
  }
  let duplicates = 0;
  let losses = 0;
  let resent = 0;
  const byChannel: Record<string, number> = {};
  for (const d of rows) {
    const key = `delivery-${d.id}`;
    const taken = accepted.get(key) ?? 0;
    // Each bench patient has one reminder: one message per channel and address.
    const messages = reminderMessages.get(`${d.channel}:${d.address}`) ?? 0;
    if (taken > 1 || messages > 1) duplicates++;
    if (taken === 0 || messages === 0 || d.status !== 'sent') losses++;
    if ((tried.get(key) ?? 0) > 1) resent++;
    byChannel[d.channel] = (byChannel[d.channel] ?? 0) + 1;
  }
  return { deliveries: rows.length, duplicates, losses, resent, byChannel };
}
