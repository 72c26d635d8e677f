// A practitioner's patient list: the people who booked with them and nobody else, and the
// profile reads it opens (a practitioner reads their patients' profiles; patients still read
// only their own).
import { beforeAll, describe, expect, it } from 'vitest';
import { anon, iso, patient, practitionerOpen, type Scenario, type TestUser } from '@carebook/testing';

let first: Scenario;
let second: Scenario;
let emilie: TestUser;
let bruno: TestUser;
let chloe: TestUser;

beforeAll(async () => {
  [first, second, emilie, bruno, chloe] = await Promise.all([
    practitionerOpen({ minutes: 30, step: 30 }),
    practitionerOpen({ minutes: 30, step: 30 }),
    patient({ fullName: 'Émilie Rousseau' }),
    patient({ fullName: 'Bruno Martin' }),
    patient({ fullName: 'Chloé Bernard' }),
  ]);
  // Émilie twice with the first practitioner (one cancelled), Bruno once; Chloé with the second.
  for (const [s, patient, day, time] of [
    [first, emilie, 3, '09:00'],
    [first, emilie, 4, '09:00'],
    [first, bruno, 3, '10:00'],
    [second, chloe, 3, '09:00'],
  ] as const) {
    const res = await s.book(patient, s.at(day, time));
    if (res.error) throw new Error(res.error.message);
  }
  const emilies = await emilie.client
    .from('appointments')
    .select('id, starts_at')
    .eq('practitioner_id', first.practitioner.id);
  const later = emilies.data!.sort((a, b) => Date.parse(b.starts_at) - Date.parse(a.starts_at))[0]!;
  const cancelled = await emilie.client.rpc('cancel_appointment', { p_appointment_id: later.id });
  if (cancelled.error) throw new Error(cancelled.error.message);
});

describe('practitioner_patients', () => {
  it('lists the practitioner’s own patients, with counts and the next appointment', async () => {
    const { data, error } = await first.practitioner.client.rpc('practitioner_patients');
    expect(error).toBeNull();
    const byName = new Map(data!.map((r) => [r.full_name, r]));
    expect([...byName.keys()].sort()).toEqual(['Bruno Martin', 'Émilie Rousseau']);
    expect(byName.get('Émilie Rousseau')).toMatchObject({
      patient_id: emilie.id,
      email: emilie.email,
      appointments_count: 2,
    });
    // The cancelled appointment is not her next one.
    expect(iso(byName.get('Émilie Rousseau')!.next_appointment_at)).toBe(first.at(3, '09:00'));
    expect(iso(byName.get('Bruno Martin')!.next_appointment_at)).toBe(first.at(3, '10:00'));
  });

  it('never shows another practitioner’s patients', async () => {
    const { data } = await second.practitioner.client.rpc('practitioner_patients');
    expect(data!.map((r) => r.patient_id)).toEqual([chloe.id]);
  });

  it('searches names without accents', async () => {
    const { data } = await first.practitioner.client.rpc('practitioner_patients', { p_search: 'emilie' });
    expect(data!.map((r) => r.patient_id)).toEqual([emilie.id]);
  });

  it('is empty for a patient, and closed to anonymous callers', async () => {
    const { data } = await emilie.client.rpc('practitioner_patients');
    expect(data).toEqual([]);
    const res = await anon().rpc('practitioner_patients');
    expect(res.status).toBe(401);
  });
});

describe('patient profiles', () => {
  it('are readable by the practitioners they booked with, not by others', async () => {
    const mine = await first.practitioner.client
      .from('profiles')
      .select('id, full_name')
      .in('id', [emilie.id, bruno.id, chloe.id]);
    expect(mine.data!.map((p) => p.full_name).sort()).toEqual(['Bruno Martin', 'Émilie Rousseau']);
    const theirs = await second.practitioner.client.from('profiles').select('id').eq('id', emilie.id);
    expect(theirs.data).toEqual([]);
  });

  it('stay private between patients, even patients of the same practitioner', async () => {
    const res = await emilie.client.from('profiles').select('id').in('id', [bruno.id, chloe.id]);
    expect(res.error).toBeNull();
    expect(res.data).toEqual([]);
    const appointments = await emilie.client.from('appointments').select('patient_id');
    expect(new Set(appointments.data!.map((a) => a.patient_id))).toEqual(new Set([emilie.id]));
  });
});
