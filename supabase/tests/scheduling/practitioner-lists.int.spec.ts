// The Patients and Appointments pages' server pages (practitioner_patient_page,
// practitioner_appointment_list) through @carebook/data: contact, counts, totals for the pager,
// filters, search, and never another practitioner's appointments or patients.
import { beforeAll, describe, expect, it } from 'vitest';
import { listAppointmentPage, listPatientPage } from '@carebook/data';
import { anon, patient, practitionerOpen, sql, type Scenario, type TestUser } from '@carebook/testing';

let s: Scenario;
let other: Scenario;
let lea: TestUser;
let marc: TestUser;
let zoe: TestUser;
const ids: Record<string, string> = {};

async function pastAppointment(
  who: TestUser,
  daysAgo: number,
  status: 'completed' | 'no_show' | 'cancelled',
) {
  // History cannot be booked through the API (the past is not bookable): written as postgres.
  const [row] = await sql<{ id: string }>(
    `insert into public.appointments (practitioner_id, patient_id, consultation_type_id, starts_at, ends_at, blocked,
                                      status, mode, price_cents, currency, cancelled_at, cancelled_by_role)
     select $1, $2, $3, t, t + interval '30 minutes', tstzrange(t, t + interval '30 minutes'), $4::public.appointment_status,
            'video', 0, 'EUR', case when $4 = 'cancelled' then t - interval '2 days' end,
            case when $4 = 'cancelled' then 'patient'::public.appointment_actor end
       from (select date_trunc('hour', now()) - make_interval(days => $5) as t) x
     returning id`,
    [s.practitioner.id, who.id, s.type.id, status, daysAgo],
  );
  return row!.id;
}

beforeAll(async () => {
  [s, other, lea, marc, zoe] = await Promise.all([
    practitionerOpen({ minutes: 30, step: 30 }),
    practitionerOpen({ minutes: 30, step: 30 }),
    patient({ fullName: 'Léa Fontaine' }),
    patient({ fullName: 'Marc Dubois' }),
    patient({ fullName: 'Zoé Garnier' }),
  ]);
  await sql(`update public.profiles set phone = '+33612345678' where id = $1`, [lea.id]);
  for (const [who, day, time] of [
    [lea, 3, '09:00'],
    [marc, 2, '10:00'],
  ] as const) {
    const res = await s.book(who, s.at(day, time));
    if (res.error) throw new Error(res.error.message);
    ids[`${who.id}-upcoming`] = res.data!.id;
  }
  ids.leaPast = await pastAppointment(lea, 10, 'completed');
  ids.leaNoShow = await pastAppointment(lea, 20, 'no_show');
  ids.marcCancelled = await pastAppointment(marc, 5, 'cancelled');
  // Zoé sees only the other practitioner; Léa too, once.
  for (const [who, time] of [
    [zoe, '09:00'],
    [lea, '10:00'],
  ] as const) {
    const res = await other.book(who, other.at(3, time));
    if (res.error) throw new Error(res.error.message);
  }
});

describe('practitioner_patient_page', () => {
  it('lists own patients with contact, visits, last and next appointment, and the total', async () => {
    const res = await listPatientPage(s.practitioner.client, { limit: 1 });
    expect(res.ok && res.data.total).toBe(2);
    expect(res.ok && res.data.rows).toHaveLength(1);
    const all = await listPatientPage(s.practitioner.client);
    if (!all.ok) throw new Error(all.error.message);
    const leaRow = all.data.rows.find((r) => r.patientId === lea.id)!;
    expect(leaRow).toMatchObject({
      fullName: 'Léa Fontaine',
      email: lea.email,
      phone: '+33612345678',
      appointmentsCount: 3,
      visitsCount: 1,
      nextAppointmentAt: s.at(3, '09:00'),
    });
    expect(Date.parse(leaRow.lastAppointmentAt!)).toBeLessThan(Date.now() - 9 * 86_400_000);
    expect(all.data.rows.map((r) => r.patientId)).not.toContain(zoe.id);
  });

  it('pages on the server and searches without accents', async () => {
    const second = await listPatientPage(s.practitioner.client, { limit: 1, offset: 1 });
    const first = await listPatientPage(s.practitioner.client, { limit: 1, offset: 0 });
    expect(second.ok && first.ok && second.data.rows[0]!.patientId).not.toBe(
      first.ok && first.data.rows[0]!.patientId,
    );
    const found = await listPatientPage(s.practitioner.client, { search: 'LEA font' });
    expect(found.ok && found.data.rows.map((r) => r.patientId)).toEqual([lea.id]);
    expect(found.ok && found.data.total).toBe(1);
    const none = await listPatientPage(s.practitioner.client, { search: 'zoe' });
    expect(none).toEqual({ ok: true, data: { total: 0, rows: [] } });
  });

  it('refuses bad pages with codes, and anonymous callers', async () => {
    const res = await s.practitioner.client.rpc('practitioner_patient_page', { p_limit: 500 });
    expect(res.error).toMatchObject({ details: 'out_of_range' });
    expect((await anon().rpc('practitioner_patient_page')).status).toBe(401);
  });
});

describe('practitioner_appointment_list', () => {
  const idsOf = async (query: Parameters<typeof listAppointmentPage>[1]) => {
    const res = await listAppointmentPage(s.practitioner.client, query);
    if (!res.ok) throw new Error(res.error.message);
    return res.data;
  };

  it('filters upcoming (soonest first), past, cancelled and no-show', async () => {
    const upcoming = await idsOf({ filter: 'upcoming' });
    expect(upcoming.rows.map((r) => r.patientName)).toEqual(['Marc Dubois', 'Léa Fontaine']);
    expect(upcoming.total).toBe(2);
    expect(upcoming.rows[1]).toMatchObject({
      typeName: { fr: s.type.name_fr },
      status: 'confirmed',
      hasNote: false,
    });
    expect((await idsOf({ filter: 'past' })).rows.map((r) => r.id)).toEqual([ids.leaPast]);
    expect((await idsOf({ filter: 'cancelled' })).rows.map((r) => r.id)).toEqual([ids.marcCancelled]);
    expect((await idsOf({ filter: 'no_show' })).rows.map((r) => r.id)).toEqual([ids.leaNoShow]);
    const all = await idsOf({ filter: 'all' });
    expect(all.total).toBe(5);
  });

  it('searches by patient, pages, and gives one patient’s history with this practitioner only', async () => {
    const lea_ = await idsOf({ filter: 'all', search: 'léa' });
    expect(lea_.total).toBe(3);
    const page2 = await idsOf({ filter: 'all', limit: 2, offset: 2 });
    expect(page2.rows).toHaveLength(2);
    expect(page2.total).toBe(5);
    const history = await idsOf({ filter: 'all', patientId: lea.id });
    expect(history.rows.map((r) => r.patientId)).toEqual([lea.id, lea.id, lea.id]);
    // Léa's appointment with the other practitioner never shows here.
    const theirs = await other.practitioner.client.from('appointments').select('id').eq('patient_id', lea.id);
    expect(history.rows.map((r) => r.id)).not.toContain(theirs.data![0]!.id);
  });

  it('shows a patient nothing of the practitioner’s list, and refuses unknown filters', async () => {
    const res = await listAppointmentPage(lea.client, { filter: 'all' });
    expect(res).toEqual({ ok: true, data: { total: 0, rows: [] } });
    const bad = await s.practitioner.client.rpc('practitioner_appointment_list', {
      p_filter: 'soon' as never,
    });
    expect(bad.error).not.toBeNull();
    expect((await anon().rpc('practitioner_appointment_list')).status).toBe(401);
  });
});

// Last: it moves and removes appointments the cases above count.
describe('the patient index behind the first pages', () => {
  const drift = (practitionerId: string) =>
    sql<{ patient_id: string }>(
      `select coalesce(x.patient_id, a.patient_id) as patient_id
         from (select * from private.practitioner_patient_index where practitioner_id = $1) x
         full join (select patient_id, max(starts_at) as latest from public.appointments
                     where practitioner_id = $1 group by patient_id) a on a.patient_id = x.patient_id
        where x.latest_at is distinct from a.latest`,
      [practitionerId],
    );

  it('follows bookings, moves and removals, and orders the list by the latest appointment', async () => {
    expect(await drift(s.practitioner.id)).toEqual([]);
    // Marc moves his appointment after Léa's: he comes first now (latest appointment first).
    const moved = await marc.client.rpc('reschedule_appointment', {
      p_appointment_id: ids[`${marc.id}-upcoming`]!,
      p_starts_at: s.at(6, '11:00'),
    });
    expect(moved.error).toBeNull();
    expect(await drift(s.practitioner.id)).toEqual([]);
    const page = await listPatientPage(s.practitioner.client);
    expect(page.ok && page.data.rows.map((r) => r.patientId)).toEqual([marc.id, lea.id]);
    // A removed appointment (service role only) leaves the index exact too.
    await sql('delete from public.appointments where id = $1', [ids.leaNoShow]);
    expect(await drift(s.practitioner.id)).toEqual([]);
    ids.leaNoShow = await pastAppointment(lea, 20, 'no_show');
    expect(await drift(s.practitioner.id)).toEqual([]);
  });
});
