// Each channel on its own: what a rolled-back change sends (nothing), an SMS channel failing every
// time while the e-mail goes once, Brevo's 429 reset honoured to the second, and reminders of a
// moved appointment by SMS too. The Brevo fake is driven by rules scoped to this file's
// recipients, so other files running beside it are not disturbed. Where a retry would wait
// minutes, the test moves the delivery's next_attempt_at back with SQL (time passing, simulated).
import { afterEach, describe, expect, it } from 'vitest';
import pg from 'pg';
import { brevoControl, type AddedRule, type InboxMessage } from '@carebook/fakes';
import { config, notifyTick, practitionerOpen, service, sql, user, type TestUser } from '@carebook/testing';

const control = brevoControl(config.fakesUrl);
const rules: AddedRule[] = [];
afterEach(async () => {
  await Promise.all(rules.splice(0).map((r) => r.remove()));
});
const rule = async (input: Parameters<typeof control.addRule>[0]) => {
  const added = await control.addRule(input);
  rules.push(added);
  return added;
};

async function inbox(to: string): Promise<InboxMessage[]> {
  const res = await fetch(`${config.inboxUrl}/api/messages?to=${encodeURIComponent(to)}`);
  return ((await res.json()) as { messages: InboxMessage[] }).messages;
}

// One tick at a time across test files (see libs/testing/src/notify.ts).
const tick = notifyTick;

const uniquePhone = () => `+336${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;

/** A signed-in patient with a mobile number, answered with their address and number. */
async function patientWithPhone(locale: 'fr' | 'en' = 'fr') {
  const person = await user('patient', { meta: { locale } });
  const phone = uniquePhone();
  const { data, error } = await service()
    .from('profiles')
    .update({ phone })
    .eq('id', person.id)
    .select('email')
    .single();
  expect(error).toBeNull();
  return { ...person, phone, email: data!.email! } as TestUser & { phone: string; email: string };
}

interface DeliveryRow {
  id: string;
  channel: string;
  topic: string;
  status: string;
  attempts: number;
  last_error: string | null;
  wait_s: number;
}
const deliveriesOf = (recipientId: string, topic?: string) =>
  sql<DeliveryRow>(
    `select d.id, d.channel::text, o.topic, d.status::text, d.attempts, d.last_error,
            extract(epoch from d.next_attempt_at - now())::float8 as wait_s
       from public.deliveries d join public.outbox o on o.id = d.outbox_id
      where d.recipient_id = $1 and ($2::text is null or o.topic = $2)
      order by o.id, d.channel`,
    [recipientId, topic ?? null],
  );
/**
 * The calls for one delivery (its idempotency key): other files' reminder ticks may plan reminders
 * for this file's appointments too, so calls are told apart by delivery, not only by recipient.
 */
const callsOf = async (deliveryId: string, recipient: string) =>
  (await control.calls({ recipient })).filter((c) => c.idempotencyKey === `delivery-${deliveryId}`);
/** Time passing: the delivery is due now, as when its retry time arrives. */
const dueNow = (id: string) =>
  sql('update public.deliveries set next_attempt_at = now() where id = $1', [id]);

describe('notify, channel by channel', () => {
  it('sends nothing for a change whose transaction rolled back', async () => {
    const s = await practitionerOpen();
    const ann = await patientWithPhone();
    const booked = await s.book(ann, s.at(3, '09:00'));
    expect(booked.error).toBeNull();
    await tick();
    // Other files' reminder ticks may remind this appointment too: count by topic.
    const count = async (to: string, topic: string) =>
      (await inbox(to)).filter((m) => m.tags.includes(topic)).length;
    expect([
      await count(ann.email, 'appointment.confirmed'),
      await count(ann.phone, 'appointment.confirmed'),
    ]).toEqual([1, 1]);

    // The patient cancels in a transaction that then rolls back: its outbox message goes with it.
    const client = new pg.Client({ connectionString: config.dbUrl('postgres') });
    await client.connect();
    try {
      await client.query('begin');
      await client.query(`select set_config('request.jwt.claims', $1, true)`, [
        JSON.stringify({ sub: ann.id, role: 'authenticated' }),
      ]);
      await client.query('set local role authenticated');
      await client.query('select public.cancel_appointment($1, $2)', [booked.data!.id, 'changed my mind']);
      await client.query('reset role'); // patients cannot read the outbox
      const { rows } = await client.query(
        `select count(*)::int as n from public.outbox where topic = 'appointment.cancelled' and payload ->> 'appointment_id' = $1`,
        [booked.data!.id],
      );
      expect(rows[0].n).toBe(1);
      await client.query('rollback');
    } finally {
      await client.end();
    }

    await tick();
    expect([
      await count(ann.email, 'appointment.cancelled'),
      await count(ann.phone, 'appointment.cancelled'),
    ]).toEqual([0, 0]);
    expect((await deliveriesOf(ann.id, 'appointment.cancelled')).length).toBe(0);
    const [row] = await sql<{ status: string }>(
      'select status::text from public.appointments where id = $1',
      [booked.data!.id],
    );
    expect(row?.status).toBe('confirmed');
  });

  it('retries an SMS that always fails with growing delays until it is dead, while the e-mail goes once', async () => {
    const s = await practitionerOpen({}, { displayName: 'Dr Sms' });
    const ann = await patientWithPhone();
    await rule({ channel: 'sms', recipients: [ann.phone], status: 500 });
    expect((await s.book(ann, s.at(3, '10:00'))).error).toBeNull();
    await tick();

    const [email, sms] = await deliveriesOf(ann.id, 'appointment.confirmed');
    expect([email?.channel, email?.status, email?.attempts]).toEqual(['email', 'sent', 1]);
    expect([sms?.channel, sms?.status, sms?.attempts]).toEqual(['sms', 'pending', 1]);
    const waits = [sms!.wait_s];
    for (let attempt = 2; attempt <= 8; attempt++) {
      // Made due and ticked under the test kit's lock: no other tick takes it in between.
      await tick({ before: () => dueNow(sms!.id) });
      const [, now] = await deliveriesOf(ann.id, 'appointment.confirmed');
      expect(now?.attempts).toBe(attempt);
      if (attempt < 8) waits.push(now!.wait_s);
      else {
        expect(now?.status).toBe('dead');
        expect(now?.last_error).toMatch(/^Brevo 500: /);
      }
    }
    // 30 s, 1 min, 2 min... each with up to 25 % jitter: every wait is longer than the one before.
    for (let i = 1; i < waits.length; i++) expect(waits[i]).toBeGreaterThan(waits[i - 1]!);
    expect(waits[0]).toBeGreaterThan(25);
    expect(waits[0]).toBeLessThan(40);

    expect((await callsOf(sms!.id, ann.phone)).map((c) => c.status)).toEqual(Array(8).fill(500));
    expect((await callsOf(email!.id, ann.email)).map((c) => c.status)).toEqual([201]);
    const confirmations = (m: InboxMessage) => m.tags.includes('appointment.confirmed');
    expect((await inbox(ann.email)).filter(confirmations)).toHaveLength(1);
    expect((await inbox(ann.phone)).filter(confirmations)).toEqual([]);
  });

  it("makes no call before Brevo's 429 reset time, then sends", async () => {
    const s = await practitionerOpen();
    const ann = await patientWithPhone();
    await rule({ channel: 'email', recipients: [ann.email], status: 429, resetSeconds: 3, times: 1 });
    expect((await s.book(ann, s.at(3, '11:00'))).error).toBeNull();
    await tick();
    const [email] = await deliveriesOf(ann.id, 'appointment.confirmed');
    expect(email?.status).toBe('pending');
    expect(email!.wait_s).toBeGreaterThan(2);
    expect(email!.wait_s).toBeLessThanOrEqual(3);

    // Ticks inside the window do not touch it.
    await tick();
    await tick();
    expect(await callsOf(email!.id, ann.email)).toHaveLength(1);
    await new Promise((resolve) => setTimeout(resolve, email!.wait_s * 1000 + 100));
    await tick();

    const calls = await callsOf(email!.id, ann.email);
    expect(calls.map((c) => c.status)).toEqual([429, 201]);
    expect(Date.parse(calls[1]!.at) - Date.parse(calls[0]!.at)).toBeGreaterThanOrEqual(3000);
    expect((await inbox(ann.email)).filter((m) => m.tags.includes('appointment.confirmed'))).toHaveLength(1);
    expect((await deliveriesOf(ann.id, 'appointment.confirmed'))[0]).toMatchObject({
      status: 'sent',
      attempts: 2,
    });
  });

  it('reminds by e-mail and SMS of the new time only, after a reschedule between planning and sending', async () => {
    const s = await practitionerOpen({}, { displayName: 'Dr Rappel Sms' });
    const ann = await patientWithPhone();
    // Day 12: no other file books then, so the simulated planning instants below (which plan
    // reminders for every appointment due then) remind nobody else's appointments.
    const booked = await s.book(ann, s.at(12, '09:00'));
    await service()
      .from('consultation_types')
      .update({ reminder_minutes: [1440] })
      .eq('id', s.type.id);
    const plan = async (at: string) => (await service().rpc('plan_reminders_tick', { p_now: at })).data;
    const dayBefore = (iso: string) => new Date(Date.parse(iso) - 23 * 3_600_000).toISOString();

    expect(await plan(dayBefore(booked.data!.starts_at))).toBeGreaterThanOrEqual(1);
    const moved = await ann.client.rpc('reschedule_appointment', {
      p_appointment_id: booked.data!.id,
      p_starts_at: s.at(12, '11:00'),
    });
    expect(moved.error).toBeNull();
    await tick();
    await plan(dayBefore(s.at(12, '11:00')));
    await tick();

    const reminders = (await deliveriesOf(ann.id, 'appointment.reminder')).map((d) => [d.channel, d.status]);
    expect(reminders.sort()).toEqual([
      ['email', 'sent'],
      ['email', 'skipped'],
      ['sms', 'sent'],
      ['sms', 'skipped'],
    ]);
    const texts = (await inbox(ann.phone)).filter((m) => m.tags.includes('appointment.reminder'));
    expect(texts).toHaveLength(1);
    expect(texts[0]!.text).toMatch(/^Carebook: .*11:00/);
    expect(texts[0]!.text).not.toMatch(/09:00/);
    expect(texts[0]!.from).toBe('Carebook');
    const mails = (await inbox(ann.email)).filter((m) => m.tags.includes('appointment.reminder'));
    expect(mails.map((m) => /à 11:00/.test(m.text))).toEqual([true]);
  });
});
