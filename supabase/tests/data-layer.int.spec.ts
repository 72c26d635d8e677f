// libs/data's product functions against the real stack: each returns typed data on success and
// a catalogue code on refusal, never a throw. The rules themselves are tested in scheduling/ and
// the other files here; this proves the functions ask the right thing and map the answer.
import { describe, expect, it } from 'vitest';
import {
  addAvailabilityException,
  addAvailabilityRule,
  bookAppointment,
  cancelAppointment,
  createConsultationType,
  deleteAvailabilityException,
  deleteAvailabilityRule,
  getAvailableSlots,
  getMyPractitionerProfile,
  getPractitionerBySlug,
  listAvailabilityExceptions,
  listAvailabilityRules,
  listConsultationTypes,
  listMyAppointments,
  listMyPatients,
  listPractitionerAppointments,
  rescheduleAppointment,
  saveMyPractitionerProfile,
  searchPractitioners,
  submitForVerification,
  updateConsultationType,
} from '@carebook/data';
import { anon, practitioner, scenario, uniqueSlug, user, validAdeli } from '@carebook/testing';

const DAY = 86_400_000;

async function openPractitioner(name: string) {
  return scenario()
    .practitioner({
      displayName: name,
      location: { lat: 45.764, lng: 4.8357 },
      modes: ['video', 'in_person'],
    })
    .weeklyHours({ from: '09:00', to: '12:00' })
    .type({ minutes: 30, step: 30, price: 0, cutoffHours: 1, name: 'Première consultation' })
    .type({ minutes: 60, step: 30, price: 7000, name: 'Suivi long' })
    .build();
}

describe('libs/data', () => {
  it('searches, opens a profile by slug, lists its types and slots', async () => {
    const name = `Zoé Datalayer ${uniqueSlug('x').slice(-6)}`;
    const s = await openPractitioner(name);
    const hits = await searchPractitioners(anon(), {
      text: name,
      near: { lat: 45.76, lng: 4.83, radiusKm: 20 },
    });
    expect(hits.ok && hits.data.map((h) => h.displayName)).toEqual([name]);
    const hit = hits.ok ? hits.data[0]! : null;
    expect(hit).toMatchObject({ modes: ['video', 'in_person'], professionCode: 'psychologist' });
    expect(hit?.distanceKm).toBeLessThan(5);
    expect(hit?.nextAvailableAt).not.toBeNull();

    const page = await getPractitionerBySlug(anon(), hit!.slug);
    expect(page.ok && page.data).toMatchObject({
      id: s.practitioner.id,
      displayName: name,
      timeZone: 'Europe/Paris',
    });
    expect(
      page.ok && page.data.consultationTypes.map((t) => [t.name.fr, t.durationMinutes, t.priceCents]),
    ).toEqual([
      ['Première consultation', 30, 0],
      ['Suivi long', 60, 7000],
    ]);

    const types = await listConsultationTypes(anon(), s.practitioner.id);
    expect(types.ok && types.data.length).toBe(2);

    const from = new Date(Date.now() + DAY).toISOString();
    const to = new Date(Date.now() + 8 * DAY).toISOString();
    const slots = await getAvailableSlots(anon(), {
      practitionerId: s.practitioner.id,
      consultationTypeId: s.type.id,
      from,
      to,
    });
    expect(slots.ok && slots.data.length).toBeGreaterThan(0);
    expect(slots.ok && slots.data[0]).toEqual({ startsAt: expect.any(String), endsAt: expect.any(String) });
    // Asked one row per day and flattened: the same slots as one row per slot.
    const rows = await anon().rpc('get_available_slots', {
      p_practitioner_id: s.practitioner.id,
      p_consultation_type_id: s.type.id,
      p_from: from,
      p_to: to,
    });
    expect(slots.ok && slots.data).toEqual(
      rows.data!.map((r) => ({
        startsAt: new Date(r.starts_at).toISOString(),
        endsAt: new Date(r.ends_at).toISOString(),
      })),
    );
  });

  it('refuses before sending what the server would refuse, with the same codes', async () => {
    expect(await searchPractitioners(anon(), { text: 'x'.repeat(201) })).toMatchObject({
      ok: false,
      error: { code: 'text_too_long' },
    });
    const wide = await getAvailableSlots(anon(), {
      practitionerId: 'a',
      consultationTypeId: 'b',
      from: '2027-01-01T00:00:00Z',
      to: '2027-04-01T00:00:00Z',
    });
    expect(wide).toMatchObject({ ok: false, error: { code: 'out_of_range' } });
    expect(await getPractitionerBySlug(anon(), 'nobody-has-this-slug')).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
  });

  it('books, moves and cancels, and both sides list the appointment', async () => {
    const s = await openPractitioner('Dr Lists');
    const patient = await user('patient', { fullName: 'Paula Patient' });
    const at = s.at(2, '09:00');
    const booked = await bookAppointment(patient.client, {
      practitionerId: s.practitioner.id,
      consultationTypeId: s.type.id,
      startsAt: at,
      idempotencyKey: 'k1',
    });
    expect(booked.ok && booked.data).toMatchObject({
      status: 'confirmed',
      startsAt: new Date(at).toISOString(),
      mode: 'video',
    });
    const again = await bookAppointment(patient.client, {
      practitionerId: s.practitioner.id,
      consultationTypeId: s.type.id,
      startsAt: at,
      idempotencyKey: 'k1',
    });
    expect(again.ok && booked.ok && again.data.id).toBe(booked.ok && booked.data.id);

    const other = await user('patient');
    const taken = await bookAppointment(other.client, {
      practitionerId: s.practitioner.id,
      consultationTypeId: s.type.id,
      startsAt: at,
    });
    expect(taken).toMatchObject({ ok: false, error: { code: 'slot_taken', status: 409 } });

    const id = booked.ok ? booked.data.id : '';
    const moved = await rescheduleAppointment(patient.client, id, s.at(2, '10:00'));
    expect(moved.ok && moved.data.startsAt).toBe(new Date(s.at(2, '10:00')).toISOString());

    const mine = await listMyAppointments(patient.client, { when: 'upcoming' });
    expect(
      mine.ok && mine.data.map((a) => [a.id, a.practitioner.displayName, a.consultationName.fr]),
    ).toEqual([[id, 'Dr Lists', 'Première consultation']]);

    const week = await listPractitionerAppointments(s.practitioner.client, {
      from: s.at(0, '00:00'),
      to: s.at(7, '00:00'),
    });
    expect(week.ok && week.data.map((a) => [a.id, a.patient.fullName])).toEqual([[id, 'Paula Patient']]);
    const patients = await listMyPatients(s.practitioner.client, { search: 'paula' });
    expect(patients.ok && patients.data.map((p) => [p.fullName, p.appointmentsCount])).toEqual([
      ['Paula Patient', 1],
    ]);

    expect(await cancelAppointment(s.practitioner.client, id)).toMatchObject({
      ok: false,
      error: { code: 'reason_required' },
    });
    const cancelled = await cancelAppointment(patient.client, id, 'Empêchement');
    expect(cancelled.ok && cancelled.data).toMatchObject({
      status: 'cancelled',
      cancelledBy: 'patient',
      cancelReason: 'Empêchement',
    });
    expect(await cancelAppointment(patient.client, id)).toMatchObject({
      ok: false,
      error: { code: 'appointment_closed' },
    });
  });

  it('lets a practitioner build a profile, types and availability, and submit it', async () => {
    const me = await practitioner();
    expect(await getMyPractitionerProfile(me.client)).toEqual({ ok: true, data: null });
    const created = await saveMyPractitionerProfile(me.client, {
      slug: uniqueSlug('dr'),
      displayName: 'Dr Onboarding',
      professionCode: 'psychologist',
    });
    expect(created.ok && created.data).toMatchObject({
      verificationStatus: 'draft',
      registry: 'adeli',
      registrationNumber: null,
    });

    expect(await submitForVerification(me.client)).toMatchObject({
      ok: false,
      error: { code: 'registration_required' },
    });
    expect(await saveMyPractitionerProfile(me.client, { timeZone: 'Mars/Base' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_time_zone' },
    });
    const saved = await saveMyPractitionerProfile(me.client, {
      registrationNumber: validAdeli(),
      bio: { fr: 'Bonjour', en: 'Hello' },
    });
    expect(saved.ok && saved.data.bio).toEqual({ fr: 'Bonjour', en: 'Hello' });

    const type = await createConsultationType(me.client, {
      name: { fr: 'Séance', en: 'Session' },
      durationMinutes: 50,
      priceCents: 6000,
      mode: 'video',
    });
    expect(type.ok && type.data).toMatchObject({ durationMinutes: 50, slotStepMinutes: 15, active: true });
    const renamed = await updateConsultationType(me.client, type.ok ? type.data.id : '', {
      priceCents: 6500,
    });
    expect(renamed.ok && renamed.data.priceCents).toBe(6500);
    const other = await practitioner();
    expect(
      await updateConsultationType(other.client, type.ok ? type.data.id : '', { priceCents: 1 }),
    ).toMatchObject({ ok: false, error: { code: 'not_found' } });

    const rule = await addAvailabilityRule(me.client, { weekday: 1, start: '09:00', end: '12:30' });
    expect(rule.ok && rule.data).toMatchObject({ weekday: 1, start: '09:00', end: '12:30', modes: null });
    const rules = await listAvailabilityRules(me.client);
    expect(rules.ok && rules.data.length).toBe(1);

    const off = { from: '2027-03-01T08:00:00.000Z', to: '2027-03-01T12:00:00.000Z' };
    const exception = await addAvailabilityException(me.client, {
      kind: 'time_off',
      ...off,
      note: 'Congrès',
    });
    expect(exception.ok && exception.data).toMatchObject({ kind: 'time_off', ...off, note: 'Congrès' });
    const listed = await listAvailabilityExceptions(me.client, {
      from: '2027-03-01T00:00:00.000Z',
      to: '2027-03-02T00:00:00.000Z',
    });
    expect(listed.ok && listed.data.map((e) => e.id)).toEqual([exception.ok ? exception.data.id : '']);
    expect((await deleteAvailabilityException(me.client, exception.ok ? exception.data.id : '')).ok).toBe(
      true,
    );
    expect((await deleteAvailabilityRule(me.client, rule.ok ? rule.data.id : '')).ok).toBe(true);

    const submitted = await submitForVerification(me.client);
    expect(submitted.ok && submitted.data.verificationStatus).toBe('submitted');
  });
});
