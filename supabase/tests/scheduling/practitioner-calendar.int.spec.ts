// practitioner_calendar (what the calendar screen reads for a visible range, in one request) and
// set_appointment_outcome: the practitioner sees their own appointments with patient contact,
// time off, extra openings and external busy times; another practitioner, a patient and anon
// see nothing of it.
import { beforeAll, describe, expect, it } from 'vitest';
import { getPractitionerCalendar, setAppointmentOutcome } from '@carebook/data';
import {
  anon,
  patient,
  practitioner,
  practitionerOpen,
  scenario,
  sql,
  type Scenario,
  type TestUser,
} from '@carebook/testing';

describe('practitioner_calendar', () => {
  let s: Scenario;
  let ana: TestUser;
  let from: string;
  let to: string;

  beforeAll(async () => {
    ana = await patient({ fullName: 'Ana Calendrier' });
    s = await scenario()
      .practitioner({ timeZone: 'Europe/Paris' })
      .weeklyHours({ from: '09:00', to: '12:00' })
      .type({ minutes: 30, price: 0, name: 'Séance calendrier' })
      .type({ minutes: 60, price: 0, name: 'Bilan calendrier' })
      .booked({ patient: ana, day: 1, at: '10:00' })
      .build();
    from = s.at(3, '00:00');
    to = s.at(10, '00:00');
  });

  it('returns the week in one answer: appointment with patient and type, exceptions, busy times', async () => {
    const booked = await s.book(ana, s.at(4, '10:00'), { type: 1 });
    expect(booked.error).toBeNull();
    await s.practitioner.client.from('availability_exceptions').insert([
      {
        practitioner_id: s.practitioner.id,
        kind: 'time_off',
        during: `[${s.at(5, '09:00')},${s.at(5, '10:00')})`,
      },
      {
        practitioner_id: s.practitioner.id,
        kind: 'extra',
        during: `[${s.at(6, '14:00')},${s.at(6, '16:00')})`,
      },
    ]);
    await sql(
      `insert into public.external_busy_intervals (practitioner_id, source, source_id, during)
       values ($1, 'google', 'evt-cal-1', tstzrange($2, $3))`,
      [s.practitioner.id, s.at(7, '09:00'), s.at(7, '10:30')],
    );

    const result = await getPractitionerCalendar(s.practitioner.client, { from, to });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const cal = result.data;
    expect(cal.timeZone).toBe('Europe/Paris');
    expect(cal.types.map((t) => [t.ordinal, t.name.fr])).toEqual([
      [0, 'Séance calendrier'],
      [1, 'Bilan calendrier'],
    ]);
    expect(cal.appointments).toHaveLength(1);
    expect(cal.appointments[0]).toMatchObject({
      id: booked.data!.id,
      startsAt: s.at(4, '10:00'),
      status: 'confirmed',
      consultationTypeId: s.types[1]!.id,
      patient: { id: ana.id, fullName: 'Ana Calendrier', email: ana.email },
    });
    expect(cal.exceptions.map((e) => [e.kind, e.from])).toEqual([
      ['time_off', s.at(5, '09:00')],
      ['extra', s.at(6, '14:00')],
    ]);
    expect(cal.busy).toEqual([
      expect.objectContaining({ source: 'google', from: s.at(7, '09:00'), to: s.at(7, '10:30') }),
    ]);
  });

  it('leaves out cancelled appointments and what lies outside the range', async () => {
    const booked = await s.book(ana, s.at(8, '09:00'));
    await ana.client.rpc('cancel_appointment', { p_appointment_id: booked.data!.id });
    const result = await getPractitionerCalendar(s.practitioner.client, { from, to });
    expect(result.ok && result.data.appointments.map((a) => a.id)).not.toContain(booked.data!.id);
    // The .booked() appointment is tomorrow, before the range.
    expect(result.ok && result.data.appointments.map((a) => a.id)).not.toContain(s.appointments[0]!.id);
  });

  it('another practitioner, a patient and anon see nothing of it', async () => {
    const other = (await practitionerOpen()).practitioner;
    const theirs = await getPractitionerCalendar(other.client, { from, to });
    expect(theirs.ok && [theirs.data.appointments, theirs.data.exceptions, theirs.data.busy]).toEqual([
      [],
      [],
      [],
    ]);
    // A practitioner account without a profile has no calendar.
    const bare = await getPractitionerCalendar((await practitioner()).client, { from, to });
    expect(bare).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const asPatient = await getPractitionerCalendar(ana.client, { from, to });
    expect(asPatient).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const asAnon = await anon().rpc('practitioner_calendar', { p_from: from, p_to: to });
    expect(asAnon.status).toBe(401);
  });

  it('refuses a window that is backwards or wider than six weeks', async () => {
    const backwards = await s.practitioner.client.rpc('practitioner_calendar', { p_from: to, p_to: from });
    expect(backwards).toMatchObject({ status: 400, error: { details: 'invalid_window' } });
    const wide = await s.practitioner.client.rpc('practitioner_calendar', {
      p_from: from,
      p_to: new Date(Date.parse(from) + 63 * 86_400_000).toISOString(),
    });
    expect(wide).toMatchObject({ status: 400, error: { details: 'window_too_wide' } });
  });
});

describe('set_appointment_outcome', () => {
  it('marks a started appointment completed or no-show, its practitioner only', async () => {
    const ana = await patient();
    const s = await scenario()
      .weeklyHours({ from: '00:00', to: '23:59' })
      .type({ minutes: 30, price: 0, notice: 0 })
      .practitioner()
      .build();
    const [first, second] = [
      (await s.book(ana, s.at(1, '09:00'))).data!,
      (await s.book(ana, s.at(1, '11:00'))).data!,
    ];
    // Not yet started: nothing to record.
    expect(await setAppointmentOutcome(s.practitioner.client, first.id, 'completed')).toMatchObject({
      ok: false,
      error: { code: 'not_started' },
    });
    // Both appointments "started" a day ago.
    await sql(
      `update public.appointments set starts_at = starts_at - interval '2 days', ends_at = ends_at - interval '2 days',
              blocked = tstzrange(lower(blocked) - interval '2 days', upper(blocked) - interval '2 days')
        where id = any($1)`,
      [[first.id, second.id]],
    );
    expect(await setAppointmentOutcome(ana.client, first.id, 'completed')).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    expect(await setAppointmentOutcome(s.practitioner.client, first.id, 'completed')).toMatchObject({
      ok: true,
      data: { status: 'completed' },
    });
    expect(await setAppointmentOutcome(s.practitioner.client, second.id, 'no_show')).toMatchObject({
      ok: true,
      data: { status: 'no_show' },
    });
    expect(await setAppointmentOutcome(s.practitioner.client, first.id, 'no_show')).toMatchObject({
      ok: false,
      error: { code: 'appointment_closed' },
    });
  });
});

describe('practitioner_calendar and the Google sync', () => {
  it('gives each appointment its video link and the "changed in Google" flag', async () => {
    const zoe = await patient({ fullName: 'Zoé Visio' });
    const s = await scenario()
      .practitioner({ timeZone: 'Europe/Paris' })
      .weeklyHours('daily', '09:00-12:00')
      .type({ minutes: 30, price: 0, mode: 'video', name: 'Visio calendrier' })
      .booked({ patient: zoe, day: 2, at: '10:00' })
      .build();
    const id = s.appointments[0]!.id;
    await sql(
      `update public.appointments set needs_attention = 'moved_in_google', needs_attention_at = now() where id = $1`,
      [id],
    );
    const result = await getPractitionerCalendar(s.practitioner.client, {
      from: s.at(1, '00:00'),
      to: s.at(4, '00:00'),
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const [booking] = result.data.appointments;
    // No Google connection: a confirmed video appointment gets its own Jitsi room.
    expect(booking?.videoUrl).toMatch(/^https:\/\/meet\.jit\.si\/carebook-[0-9a-f]{64}$/);
    expect(booking?.needsAttention).toBe('moved_in_google');
  });
});
