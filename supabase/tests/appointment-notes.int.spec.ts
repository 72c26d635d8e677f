// Private notes on appointments (appointment_notes, decision 0025), through the gateway with real
// JWTs: the appointment's practitioner reads and writes; the patient, another practitioner, staff
// and anonymous callers get nothing and change nothing, whichever way they ask.
import { beforeAll, describe, expect, it } from 'vitest';
import { getAppointmentNote, saveAppointmentNote } from '@carebook/data';
import { anon, patient, practitionerOpen, sql, staff, type Scenario, type TestUser } from '@carebook/testing';

let s: Scenario;
let other: Scenario;
let ana: TestUser;
let staffer: TestUser;
let appointmentId: string;
let otherAppointmentId: string;
const SECRET = 'Anxiété au travail, suivi à 3 semaines.';

const bodyInDb = async (id: string) =>
  (
    await sql<{ body: string }>('select body from public.appointment_notes where appointment_id = $1', [id])
  )[0]?.body;

beforeAll(async () => {
  [s, other, ana, staffer] = await Promise.all([
    practitionerOpen({ minutes: 30, step: 30 }),
    practitionerOpen({ minutes: 30, step: 30 }),
    patient({ fullName: 'Ana Lopes' }),
    staff(),
  ]);
  const booked = await s.book(ana, s.at(3, '09:00'));
  if (booked.error) throw new Error(booked.error.message);
  appointmentId = booked.data!.id;
  const theirs = await other.book(ana, other.at(3, '10:00'));
  if (theirs.error) throw new Error(theirs.error.message);
  otherAppointmentId = theirs.data!.id;
});

describe('appointment notes', () => {
  it('the practitioner writes a note, replaces it, and reads it back', async () => {
    const client = s.practitioner.client;
    expect(await getAppointmentNote(client, appointmentId)).toEqual({ ok: true, data: null });
    const first = await saveAppointmentNote(client, appointmentId, 'Premier jet');
    expect(first).toMatchObject({ ok: true, data: { appointmentId, body: 'Premier jet' } });
    const second = await saveAppointmentNote(client, appointmentId, SECRET);
    expect(second).toMatchObject({ ok: true, data: { body: SECRET } });
    expect(await getAppointmentNote(client, appointmentId)).toMatchObject({
      ok: true,
      data: { body: SECRET },
    });
    expect(await bodyInDb(appointmentId)).toBe(SECRET);
  });

  it('reads nothing for the patient, another practitioner, staff and anon', async () => {
    await saveAppointmentNote(s.practitioner.client, appointmentId, SECRET);
    for (const [who, client] of [
      ['patient', ana.client],
      ['other practitioner', other.practitioner.client],
      ['staff', staffer.client],
    ] as const) {
      const res = await client.from('appointment_notes').select('*').eq('appointment_id', appointmentId);
      expect(res.error, who).toBeNull();
      expect(res.data, who).toEqual([]);
      expect(await getAppointmentNote(client, appointmentId), who).toEqual({ ok: true, data: null });
    }
    const res = await anon().from('appointment_notes').select('*');
    expect(res.data).toBeNull();
    expect(res.error).toMatchObject({ code: '42501' });
  });

  it('refuses writes by anybody but the practitioner, and changes nothing', async () => {
    await saveAppointmentNote(s.practitioner.client, appointmentId, SECRET);
    for (const [who, client] of [
      ['patient', ana.client],
      ['other practitioner', other.practitioner.client],
      ['staff', staffer.client],
    ] as const) {
      expect(await saveAppointmentNote(client, appointmentId, 'forged'), who).toMatchObject({
        ok: false,
        error: { code: 'not_found' },
      });
      const inserted = await client
        .from('appointment_notes')
        .insert({ appointment_id: appointmentId, body: 'x' });
      expect(inserted.error, who).not.toBeNull();
      const updated = await client
        .from('appointment_notes')
        .update({ body: 'forged' })
        .eq('appointment_id', appointmentId)
        .select();
      expect(updated.data ?? [], who).toEqual([]);
      const deleted = await client
        .from('appointment_notes')
        .delete()
        .eq('appointment_id', appointmentId)
        .select();
      expect(deleted.data ?? [], who).toEqual([]);
    }
    const rpc = await anon().rpc('save_appointment_note', { p_appointment_id: appointmentId, p_body: 'x' });
    expect(rpc.status).toBe(401);
    const write = await anon().from('appointment_notes').insert({ appointment_id: appointmentId, body: 'x' });
    expect(write.error).not.toBeNull();
    expect(await bodyInDb(appointmentId)).toBe(SECRET);
  });

  it('a practitioner cannot file a note under another practitioner’s appointment, even naming themself', async () => {
    const res = await s.practitioner.client
      .from('appointment_notes')
      .insert({ appointment_id: otherAppointmentId, body: 'mine now' });
    expect(res.error).toMatchObject({ code: '42501' });
    // practitioner_id is not theirs to set.
    const forged = await s.practitioner.client.from('appointment_notes').insert({
      appointment_id: otherAppointmentId,
      body: 'x',
      practitioner_id: other.practitioner.id,
    } as never);
    expect(forged.error).not.toBeNull();
    expect(await bodyInDb(otherAppointmentId)).toBeUndefined();
  });

  it('refuses a note over the limit with text_too_long, before and at the server', async () => {
    const long = 'a'.repeat(20_001);
    expect(await saveAppointmentNote(s.practitioner.client, appointmentId, long)).toMatchObject({
      ok: false,
      error: { code: 'text_too_long' },
    });
    const res = await s.practitioner.client.rpc('save_appointment_note', {
      p_appointment_id: appointmentId,
      p_body: long,
    });
    expect(res.error).toMatchObject({ details: 'text_too_long' });
  });
});
