// cancel_appointment and reschedule_appointment through the gateway: the patient's cut-off, the
// practitioner's reason, the legal status moves (enforced in the database whoever writes), the
// same id and an atomic move when rescheduling, and the outbox row of every change.
import { describe, expect, it } from 'vitest';
import {
  expireHold,
  iso,
  outboxOf,
  practitionerOpen,
  service,
  sql,
  type TestUser,
  user,
  users,
} from '@carebook/testing';

const cancel = (client: TestUser['client'], id: string, reason?: string) =>
  client.rpc('cancel_appointment', {
    p_appointment_id: id,
    ...(reason === undefined ? {} : { p_reason: reason }),
  });
const reschedule = (client: TestUser['client'], id: string, at: string) =>
  client.rpc('reschedule_appointment', { p_appointment_id: id, p_starts_at: at });

describe('cancelling', () => {
  it('is free for the patient until the cut-off, and enqueues the message', async () => {
    const s = await practitionerOpen({ cutoffHours: 24 });
    const patient = await user('patient');
    const booked = await s.book(patient, s.at(3, '09:00'));
    const res = await cancel(patient.client, booked.data!.id);
    expect(res.error).toBeNull();
    expect(res.data).toMatchObject({
      status: 'cancelled',
      cancelled_by: patient.id,
      cancelled_by_role: 'patient',
      cancel_reason: null,
    });
    expect(res.data!.cancelled_at).not.toBeNull();
    const outbox = await outboxOf(booked.data!.id);
    expect(outbox.map((o) => o.topic)).toEqual(['appointment.confirmed', 'appointment.cancelled']);
    expect(outbox[1]!.payload).toMatchObject({
      appointment_id: booked.data!.id,
      by: 'patient',
      reason: null,
    });
    // The time is free again.
    expect((await s.book(await user('patient'), s.at(3, '09:00'))).error).toBeNull();
  });

  it('is refused to the patient after the cut-off (409), but not to the practitioner, who must give a reason', async () => {
    // A 30-day cut-off puts an appointment three days away past it.
    const s = await practitionerOpen({ cutoffHours: 720 });
    const patient = await user('patient');
    const booked = await s.book(patient, s.at(3, '09:00'));
    const late = await cancel(patient.client, booked.data!.id, 'cannot come');
    expect(late.status).toBe(409);
    expect(late.error).toMatchObject({
      message: 'Appointments can be cancelled online until 720 hours before they start',
      hint: 'Contact the practitioner.',
    });

    const noReason = await cancel(s.practitioner.client, booked.data!.id);
    expect(noReason.status).toBe(400);
    expect(noReason.error?.message).toBe('A reason is required');
    const blank = await cancel(s.practitioner.client, booked.data!.id, '   ');
    expect(blank.status).toBe(400);

    const res = await cancel(s.practitioner.client, booked.data!.id, '  Ill today  ');
    expect(res.error).toBeNull();
    expect(res.data).toMatchObject({
      status: 'cancelled',
      cancelled_by: s.practitioner.id,
      cancelled_by_role: 'practitioner',
      cancel_reason: 'Ill today',
    });
    const last = (await outboxOf(booked.data!.id)).at(-1);
    expect(last).toMatchObject({
      topic: 'appointment.cancelled',
      payload: { by: 'practitioner', reason: 'Ill today' },
    });
  });

  it('is not possible for anyone else', async () => {
    const s = await practitionerOpen();
    const other = await practitionerOpen();
    const [patient, stranger] = await users(2);
    const booked = await s.book(patient!, s.at(3, '09:00'));
    for (const client of [stranger!.client, other.practitioner.client]) {
      const res = await cancel(client, booked.data!.id, 'not mine');
      expect(res.status).toBe(404);
      expect(res.error?.message).toBe('No such appointment');
    }
    const { data } = await service().from('appointments').select('status').eq('id', booked.data!.id).single();
    expect(data?.status).toBe('confirmed');
  });
});

describe('status moves', () => {
  it('are enforced in the database, whoever writes', async () => {
    const s = await practitionerOpen({ price: 5000 });
    const patient = await user('patient');
    const admin = service();
    const held = await s.book(patient, s.at(3, '09:00'));
    // held -> completed skips payment.
    const skip = await admin.from('appointments').update({ status: 'completed' }).eq('id', held.data!.id);
    expect(skip.status).toBe(409);
    expect(skip.error?.message).toBe('An appointment that is held cannot become completed');

    expect((await cancel(patient.client, held.data!.id)).error).toBeNull();
    const again = await cancel(patient.client, held.data!.id);
    expect(again.status).toBe(409);
    expect(again.error?.message).toBe('This appointment is already cancelled');
    const revive = await admin
      .from('appointments')
      .update({ status: 'confirmed', cancelled_at: null })
      .eq('id', held.data!.id);
    expect(revive.status).toBe(409);
    expect(revive.error?.message).toBe('An appointment that is cancelled cannot become confirmed');
    const moved = await reschedule(patient.client, held.data!.id, s.at(3, '10:00'));
    expect(moved.status).toBe(409);
    expect(moved.error?.message).toBe('A cancelled appointment cannot be rescheduled');
  });

  it('allow held -> confirmed -> completed, and nothing after', async () => {
    const s = await practitionerOpen({ price: 5000 });
    const patient = await user('patient');
    const admin = service();
    const held = await s.book(patient, s.at(3, '09:00'));
    const paid = await admin
      .from('appointments')
      .update({ status: 'confirmed' })
      .eq('id', held.data!.id)
      .select('status, hold_expires_at')
      .single();
    expect(paid.data).toEqual({ status: 'confirmed', hold_expires_at: null });
    const done = await admin.from('appointments').update({ status: 'completed' }).eq('id', held.data!.id);
    expect(done.error).toBeNull();
    const back = await admin.from('appointments').update({ status: 'confirmed' }).eq('id', held.data!.id);
    expect(back.status).toBe(409);
    const late = await cancel(s.practitioner.client, held.data!.id, 'too late');
    expect(late.status).toBe(409);
    expect(late.error?.message).toBe('This appointment is already completed');
  });
});

describe('rescheduling', () => {
  it('keeps the id, takes the new time and frees the old one, and enqueues the move', async () => {
    const s = await practitionerOpen({ minutes: 45, step: 15 });
    const [patient, other] = await users(2);
    const booked = await s.book(patient!, s.at(3, '09:00'));
    const moved = await reschedule(patient!.client, booked.data!.id, s.at(3, '10:30'));
    expect(moved.error).toBeNull();
    expect(moved.data!.id).toBe(booked.data!.id);
    expect(iso(moved.data!.starts_at)).toBe(s.at(3, '10:30'));
    expect(iso(moved.data!.ends_at)).toBe(s.at(3, '11:15'));
    expect(moved.data!.status).toBe('confirmed');
    expect((await s.book(other!, s.at(3, '09:00'))).error).toBeNull();
    const last = (await outboxOf(booked.data!.id)).at(-1);
    expect(last?.topic).toBe('appointment.rescheduled');
    expect(iso(last!.payload.from as string)).toBe(s.at(3, '09:00'));
    expect(iso(last!.payload.to as string)).toBe(s.at(3, '10:30'));
  });

  it("may move within the appointment's own time", async () => {
    const s = await practitionerOpen({ minutes: 45, step: 15 });
    const patient = await user('patient');
    const booked = await s.book(patient, s.at(3, '09:00'));
    const moved = await reschedule(patient.client, booked.data!.id, s.at(3, '09:15'));
    expect(moved.error).toBeNull();
    expect(iso(moved.data!.starts_at)).toBe(s.at(3, '09:15'));
  });

  it('that fails leaves the old time booked and the appointment unchanged', async () => {
    const s = await practitionerOpen({ minutes: 45, step: 15 });
    const [patient, blocker, other] = await users(3);
    const booked = await s.book(patient!, s.at(3, '09:00'));
    expect((await s.book(blocker!, s.at(3, '10:30'))).error).toBeNull();
    const outboxBefore = await outboxOf(booked.data!.id);
    const moved = await reschedule(patient!.client, booked.data!.id, s.at(3, '10:45'));
    expect(moved.status).toBe(409);
    expect(moved.error?.message).toBe('This time is already taken');
    const offGrid = await reschedule(patient!.client, booked.data!.id, s.at(3, '09:20'));
    expect(offGrid.status).toBe(409);
    expect(offGrid.error?.message).toMatch(/^This time is not offered/);
    const { data } = await service()
      .from('appointments')
      .select('starts_at, status')
      .eq('id', booked.data!.id)
      .single();
    expect(iso(data!.starts_at)).toBe(s.at(3, '09:00'));
    expect(data!.status).toBe('confirmed');
    expect((await s.book(other!, s.at(3, '09:00'))).error?.message).toBe('This time is already taken');
    expect(await outboxOf(booked.data!.id)).toEqual(outboxBefore);
  });

  it('is refused to the patient after the cut-off, allowed to the practitioner', async () => {
    const s = await practitionerOpen({ cutoffHours: 720 });
    const patient = await user('patient');
    const booked = await s.book(patient, s.at(3, '09:00'));
    const late = await reschedule(patient.client, booked.data!.id, s.at(4, '09:00'));
    expect(late.status).toBe(409);
    expect(late.error?.message).toBe('Appointments can be moved online until 720 hours before they start');
    const byPractitioner = await reschedule(s.practitioner.client, booked.data!.id, s.at(4, '09:00'));
    expect(byPractitioner.error).toBeNull();
    expect(iso(byPractitioner.data!.starts_at)).toBe(s.at(4, '09:00'));
  });

  it("is refused for a hold that has expired: its time is no longer the patient's to move", async () => {
    const s = await practitionerOpen({ price: 5000 });
    const patient = await user('patient');
    const held = await s.book(patient, s.at(3, '09:00'));
    await expireHold(held.data!.id);
    const moved = await reschedule(patient.client, held.data!.id, s.at(3, '10:00'));
    expect(moved.status).toBe(409);
    expect(moved.error?.message).toBe('This hold has expired: book the time again');
    const [row] = await sql<{ starts_at: Date }>(`select starts_at from public.appointments where id = $1`, [
      held.data!.id,
    ]);
    expect(row!.starts_at.toISOString()).toBe(s.at(3, '09:00'));
  });

  it('is not possible for anyone else', async () => {
    const s = await practitionerOpen();
    const [patient, stranger] = await users(2);
    const booked = await s.book(patient!, s.at(3, '09:00'));
    const res = await reschedule(stranger!.client, booked.data!.id, s.at(3, '10:00'));
    expect(res.status).toBe(404);
  });
});
