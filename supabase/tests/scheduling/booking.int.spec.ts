// book_appointment through the gateway: [start, end) semantics and buffers, holds and their
// expiry, idempotency keys, the per-patient limit, and refusals of every time the slot list does
// not offer, each with a message a patient can act on and HTTP 409 (never a 500).
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  anon,
  expireHold,
  iso,
  outboxOf,
  patient,
  practitionerOpen,
  scenario,
  service,
  sql,
  user,
  users,
} from '@carebook/testing';

describe('[start, end)', () => {
  it('lets back-to-back appointments both be booked', async () => {
    const s = await practitionerOpen({ minutes: 45, step: 15 });
    const [a, b] = await users(2);
    const first = await s.book(a!, s.at(3, '09:00'));
    const second = await s.book(b!, s.at(3, '09:45'));
    expect(first.error).toBeNull();
    expect(second.error).toBeNull();
    expect(iso(first.data!.ends_at)).toBe(iso(second.data!.starts_at));
  });

  it('refuses the next one when a buffer separates them, and explains why', async () => {
    const s = await practitionerOpen({ minutes: 45, step: 15, bufferAfter: 15 });
    const [a, b, c] = await users(3);
    expect((await s.book(a!, s.at(3, '09:00'))).error).toBeNull();
    const refused = await s.book(b!, s.at(3, '09:45'));
    expect(refused.status).toBe(409);
    expect(refused.error).toMatchObject({ code: 'PT409', message: 'This time is already taken' });
    // Once the buffer has passed the time is free again.
    expect((await s.book(c!, s.at(3, '10:00'))).error).toBeNull();
  });
});

describe('holds', () => {
  it('a paid type holds the slot until payment, and refuses others while the hold lasts', async () => {
    const s = await practitionerOpen({ price: 6000, holdMinutes: 15 });
    const [a, b] = await users(2);
    const at = s.at(3, '09:00');
    const held = await s.book(a!, at);
    expect(held.error).toBeNull();
    expect(held.data).toMatchObject({ status: 'held', price_cents: 6000, currency: 'EUR' });
    const expiresIn = Date.parse(held.data!.hold_expires_at!) - Date.parse(held.data!.created_at);
    expect(expiresIn).toBe(15 * 60_000);
    const other = await s.book(b!, at);
    expect(other.status).toBe(409);
    expect(other.error?.message).toBe('This time is already taken');
    expect((await s.slots(s.at(3, '00:00'), s.at(3, '23:00'))).map((x) => x.starts_at)).not.toContain(at);
    expect((await outboxOf(held.data!.id)).map((o) => o.topic)).toEqual(['appointment.held']);
  });

  it('an expired hold is released by the next booking that needs its time: exactly one of many gets it', async () => {
    const s = await practitionerOpen({ price: 6000 });
    const holder = await patient();
    const at = s.at(3, '10:00');
    const held = await s.book(holder, at);
    expect(held.error).toBeNull();
    await expireHold(held.data!.id);
    // Listed again as soon as the hold has run out, before any job has cleaned it up.
    expect((await s.slots(s.at(3, '00:00'), s.at(3, '23:00'))).map((x) => x.starts_at)).toContain(at);

    const racers = await users(20);
    const results = await Promise.all(racers.map((p) => s.book(p, at)));
    expect(results.filter((r) => r.error === null)).toHaveLength(1);
    for (const r of results.filter((x) => x.error)) {
      expect(r.status).toBe(409);
      expect(r.error?.message).toBe('This time is already taken');
    }
    const [old] = await sql<{ status: string; cancel_reason: string; cancelled_by_role: string }>(
      `select status, cancel_reason, cancelled_by_role from public.appointments where id = $1`,
      [held.data!.id],
    );
    expect(old).toEqual({ status: 'cancelled', cancel_reason: 'hold expired', cancelled_by_role: 'system' });
    // The patient whose hold ran out is told, through the outbox, in the same transaction.
    expect((await outboxOf(held.data!.id)).map((o) => o.topic)).toEqual([
      'appointment.held',
      'appointment.hold_expired',
    ]);
  });

  it('a free type is confirmed at once, with no hold', async () => {
    const s = await practitionerOpen({ price: 0 });
    const res = await s.book(await patient(), s.at(3, '09:00'));
    expect(res.data).toMatchObject({ status: 'confirmed', hold_expires_at: null, price_cents: 0 });
    expect((await outboxOf(res.data!.id)).map((o) => o.topic)).toEqual(['appointment.confirmed']);
  });
});

describe('idempotency keys', () => {
  it('give one appointment and the same answer however often, and however concurrently, they are sent', async () => {
    const s = await practitionerOpen({ price: 6000 });
    const patient = await user('patient');
    const key = randomUUID();
    const at = s.at(3, '09:30');
    const answers = await Promise.all(Array.from({ length: 10 }, () => s.book(patient, at, { key })));
    for (const a of answers) expect(a.error).toBeNull();
    const ids = new Set(answers.map((a) => a.data!.id));
    expect(ids.size).toBe(1);
    const again = await s.book(patient, at, { key });
    expect(again.data).toEqual(answers[0]!.data);
    const rows = await sql(
      `select id from public.appointments where patient_id = $1 and idempotency_key = $2`,
      [patient.id, key],
    );
    expect(rows).toHaveLength(1);
  });

  it('refuse the same key with other arguments (HTTP 422)', async () => {
    const s = await practitionerOpen();
    const patient = await user('patient');
    const key = randomUUID();
    expect((await s.book(patient, s.at(3, '09:00'), { key })).error).toBeNull();
    const other = await s.book(patient, s.at(3, '10:00'), { key });
    expect(other.status).toBe(422);
    expect(other.error).toMatchObject({
      code: 'PT422',
      message: 'This idempotency key was already used for another booking',
    });
  });

  it('sent at once for two practitioners give one booking and a clear 422, never a 500', async () => {
    const [s1, s2] = await Promise.all([practitionerOpen(), practitionerOpen()]);
    const patient = await user('patient');
    const key = randomUUID();
    const [r1, r2] = await Promise.all([
      s1!.book(patient, s1!.at(3, '09:00'), { key }),
      s2!.book(patient, s2!.at(3, '09:00'), { key }),
    ]);
    const failed = [r1, r2].filter((r) => r.error);
    expect(failed).toHaveLength(1);
    expect(failed[0]!.status).toBe(422);
    expect(failed[0]!.error?.message).toBe('This idempotency key was already used for another booking');
  });

  it('belong to one patient: another patient may use the same key', async () => {
    const s = await practitionerOpen();
    const [a, b] = await users(2);
    const key = randomUUID();
    const first = await s.book(a!, s.at(3, '09:00'), { key });
    const second = await s.book(b!, s.at(3, '10:00'), { key });
    expect(first.error).toBeNull();
    expect(second.error).toBeNull();
    expect(second.data!.id).not.toBe(first.data!.id);
  });
});

describe('the per-patient limit', () => {
  it('allows 3 upcoming active appointments with one practitioner, not 4, and counts only active ones', async () => {
    const s = await practitionerOpen({ minutes: 30, step: 30 });
    const elsewhere = await practitionerOpen({ minutes: 30, step: 30 });
    const patient = await user('patient');
    const booked = [];
    for (const time of ['09:00', '09:30', '10:00']) {
      const res = await s.book(patient, s.at(3, time));
      expect(res.error).toBeNull();
      booked.push(res.data!);
    }
    const fourth = await s.book(patient, s.at(3, '10:30'));
    expect(fourth.status).toBe(409);
    expect(fourth.error?.message).toBe('You already have 3 upcoming appointments with this practitioner');
    // Other practitioners are not affected.
    expect((await elsewhere.book(patient, elsewhere.at(3, '10:30'))).error).toBeNull();
    // A cancelled one no longer counts.
    expect(
      (await patient.client.rpc('cancel_appointment', { p_appointment_id: booked[0]!.id })).error,
    ).toBeNull();
    expect((await s.book(patient, s.at(3, '10:30'))).error).toBeNull();
  });
});

describe('refusals of what the slot list does not offer', () => {
  it('outside the weekly hours, inside the notice, beyond the horizon, on a buffer, off the grid, on busy time', async () => {
    const s = await scenario()
      .practitioner()
      .weeklyHours({ from: '00:00', to: '23:45' })
      .type({ minutes: 45, step: 15, bufferBefore: 30, notice: 36 * 60, horizonDays: 20 })
      .booked({ day: 5, at: '10:00' })
      .build();
    const busyDay = s.day(6);
    await service()
      .from('external_busy_intervals')
      .insert({
        practitioner_id: s.practitioner.id,
        source: 'google',
        source_id: randomUUID(),
        during: `[${s.at(busyDay, '14:00')},${s.at(busyDay, '15:00')})`,
      });
    const patient = await user('patient');
    const nextHour = new Date(Math.ceil(Date.now() / 3_600_000) * 3_600_000 + 3_600_000).toISOString();
    const cases: [string, string, string][] = [
      ['outside the weekly hours', s.at(5, '23:30'), "This time is outside the practitioner's opening hours"],
      ['inside the minimum notice', nextHour, "This practitioner needs at least 2160 minutes' notice"],
      ['beyond the horizon', s.at(25, '10:00'), 'Bookings open at most 20 days ahead'],
      ['on the buffer before another appointment', s.at(5, '09:00'), 'This time is already taken'],
      ['so that its own buffer overlaps another appointment', s.at(5, '11:00'), 'This time is already taken'],
      [
        'off the 15-minute grid',
        s.at(5, '15:05'),
        'This time is not offered (slots start every 15 minutes from the opening time)',
      ],
      ['on busy time from an external calendar', s.at(busyDay, '13:30'), 'This time is already taken'],
    ];
    for (const [what, at, message] of cases) {
      const day = at.slice(0, 10);
      const listed = await s.slots(`${day}T00:00:00Z`, `${day}T23:59:59Z`);
      expect(
        listed.map((x) => x.starts_at),
        `${what} is not listed`,
      ).not.toContain(at);
      const res = await s.book(patient, at);
      expect(res.status, what).toBe(409);
      expect(res.error?.message, what).toBe(message);
      expect(res.error?.hint, what).toBe('Pick a time from get_available_slots.');
    }
    // The same patient can book what is listed, right after the refusals.
    const fine = await s.book(patient, s.at(5, '11:15'));
    expect(fine.error).toBeNull();
  });

  it('answers 404 for a practitioner who is not published, or a type that is not theirs', async () => {
    const draft = await scenario()
      .practitioner()
      .draft()
      .weeklyHours({ from: '09:00', to: '12:00' })
      .type()
      .build();
    const other = await practitionerOpen();
    const patient = await user('patient');
    const res = await draft.book(patient, draft.at(3, '09:00'));
    expect(res.status).toBe(404);
    expect(res.error?.message).toBe('This practitioner or consultation type cannot be booked');
    const mixed = await patient.client.rpc('book_appointment', {
      p_practitioner_id: other.practitioner.id,
      p_consultation_type_id: draft.type.id,
      p_starts_at: other.at(3, '09:00'),
    });
    expect(mixed.status).toBe(404);
  });

  it('does not let anonymous callers book, nor practitioners book themselves', async () => {
    const s = await practitionerOpen();
    const res = await anon().rpc('book_appointment', {
      p_practitioner_id: s.practitioner.id,
      p_consultation_type_id: s.type.id,
      p_starts_at: s.at(3, '09:00'),
    });
    expect(res.status).toBe(401);
    expect(res.error?.code).toBe('42501');
    const self = await s.book(s.practitioner, s.at(3, '09:00'));
    expect(self.status).toBe(409);
    expect(self.error?.message).toBe('Practitioners cannot book themselves');
    const { count } = await service()
      .from('appointments')
      .select('id', { count: 'exact', head: true })
      .eq('practitioner_id', s.practitioner.id);
    expect(count).toBe(0);
  });
});
