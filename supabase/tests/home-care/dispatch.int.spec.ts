// Home-care dispatch through the API (issue 16): who is offered a request, waves on a clock the
// test drives, the first accept winning among ten, a dispatcher killed mid-wave, staff alerts.
import { describe, expect, it } from 'vitest';
import pg from 'pg';
import { config, overlappingAppointments, service, sql, staff } from '@carebook/testing';
import { codeOf, dispatch, minutes, north, nurse, offersOf, requestCare, spot } from './support.ts';

describe('home-care candidates', () => {
  it('are verified, published nurses with home visits on, inside their radius and free; nobody else is offered', async () => {
    const here = spot();
    const [fits, far, busy, unverified, noVisits, physio] = await Promise.all([
      nurse({ at: north(here, 2) }),
      nurse({ at: north(here, 30), radiusKm: 10 }),
      nurse({ at: north(here, 1) }),
      nurse({ at: north(here, 1), verified: false }),
      nurse({ at: north(here, 1), enabled: false }),
      nurse({ at: north(here, 1), profession: 'physiotherapist' }),
    ]);
    const request = await requestCare({ at: here, windows: ['09:00-12:00'] });
    const [visit] = await sql<{ lo: Date; hi: Date }>(
      'select lower(time_window) as lo, upper(time_window) as hi from public.home_care_visits where request_id = $1',
      [request.id],
    );
    // Busy the whole window (a Google Calendar event), so no visit fits.
    await sql(
      `insert into public.external_busy_intervals (practitioner_id, source, source_id, during)
       values ($1, 'google', 'home-care-test', tstzrange($2, $3))`,
      [busy.id, new Date(visit!.lo.getTime() - minutes(60)), new Date(visit!.hi.getTime() + minutes(60))],
    );

    const { data, error } = await service().rpc('home_care_candidates', { p_request_id: request.id });
    expect(error).toBeNull();
    expect(data!.map((c) => c.practitioner_id)).toEqual([fits.id]);

    await dispatch(new Date());
    const offered = (await offersOf(request.id)).map((o) => o.practitioner_id);
    expect(offered).toEqual([fits.id]);
    for (const never of [far, busy, unverified, noVisits, physio]) expect(offered).not.toContain(never.id);
  });

  it('rank the nurse whose round the visit extends least first', async () => {
    const here = spot();
    const near = await nurse({ at: north(here, 1) });
    const further = await nurse({ at: north(here, 6) });
    const request = await requestCare({ at: here });
    const { data } = await service().rpc('home_care_candidates', { p_request_id: request.id });
    expect(data!.map((c) => c.practitioner_id)).toEqual([near.id, further.id]);
    expect(data![0]!.added_travel_km).toBeCloseTo(2, 0);
  });

  it('are listed to staff only', async () => {
    const here = spot();
    const request = await requestCare({ at: here });
    expect(
      await codeOf(request.patient.client.rpc('home_care_candidates', { p_request_id: request.id })),
    ).toBe('staff_only');
    const boss = await staff();
    expect(await codeOf(boss.client.rpc('home_care_candidates', { p_request_id: request.id }))).toBe('ok');
  });
});

describe('home-care waves', () => {
  it('send the next wave only after the delay and only while nobody accepted', async () => {
    const here = spot();
    await Promise.all([1, 2, 3, 4, 5].map((km) => nurse({ at: north(here, km) })));
    const request = await requestCare({ at: here, urgency: 'today' });
    const t0 = Date.now();

    await dispatch(new Date(t0));
    expect((await offersOf(request.id)).map((o) => o.wave)).toEqual([1, 1, 1]);
    await dispatch(new Date(t0 + minutes(14)));
    expect(await offersOf(request.id)).toHaveLength(3);
    await dispatch(new Date(t0 + minutes(15) + 1000));
    const both = await offersOf(request.id);
    expect(both.map((o) => o.wave)).toEqual([1, 1, 1, 2, 2]);
    expect(new Set(both.map((o) => o.practitioner_id)).size).toBe(5);

    const accepted = await requestCare({ at: north(here, 0.5), urgency: 'today' });
    const t1 = Date.now();
    await dispatch(new Date(t1));
    const [first] = await offersOf(accepted.id);
    // Taken (as staff assignment or an accept would): no later wave for it.
    await sql('select private.take_home_care_request($1, $2, null)', [accepted.id, first!.practitioner_id]);
    const before = (await offersOf(accepted.id)).length;
    await dispatch(new Date(t1 + minutes(60)));
    expect(await offersOf(accepted.id)).toHaveLength(before);
  });

  it('alert each staff member once when a request waits past its urgency limit', async () => {
    const boss = await staff();
    const request = await requestCare({ at: spot(), urgency: 'urgent' });
    const t0 = Date.now();
    await dispatch(new Date(t0 + minutes(30)));
    const alerts = () =>
      sql<{ n: number }>(
        `select count(*)::int as n from public.outbox
          where topic = 'homecare.escalated' and payload ->> 'request_id' = $1 and payload ->> 'staff_id' = $2`,
        [request.id, boss.id],
      );
    expect((await alerts())[0]!.n).toBe(0);
    await dispatch(new Date(t0 + minutes(61)));
    await dispatch(new Date(t0 + minutes(90)));
    expect((await alerts())[0]!.n).toBe(1);
  });
});

describe('accepting a home-care request', () => {
  it('among ten at the same moment: one wins, nine are told already_taken, one set of appointments', async () => {
    const here = spot();
    const nurses = await Promise.all(
      Array.from({ length: 10 }, (_, i) => nurse({ at: north(here, 0.5 + i * 0.3) })),
    );
    const request = await requestCare({
      at: here,
      urgency: 'urgent',
      windows: ['08:00-11:00', '17:00-20:00'],
      days: 3,
    });
    const t0 = Date.now();
    for (let wave = 0; wave < 4; wave++) await dispatch(new Date(t0 + wave * (minutes(5) + 1000)));
    const offers = await offersOf(request.id);
    expect(offers).toHaveLength(10);

    const byPractitioner = new Map(nurses.map((n) => [n.id, n]));
    const answers = await Promise.all(
      offers.map((o) =>
        codeOf(
          byPractitioner.get(o.practitioner_id)!.client.rpc('accept_home_care_offer', { p_offer_id: o.id }),
        ),
      ),
    );
    expect([...answers].sort()).toEqual(['already_taken', ...Array(8).fill('already_taken'), 'ok']);

    const winner = offers[answers.indexOf('ok')]!.practitioner_id;
    const visits = await sql<{ practitioner_id: string; status: string; mode: string }>(
      `select a.practitioner_id, a.status, a.mode from public.home_care_visits v
         join public.appointments a on a.id = v.appointment_id where v.request_id = $1`,
      [request.id],
    );
    expect(visits).toHaveLength(6);
    expect(
      visits.every((v) => v.practitioner_id === winner && v.status === 'confirmed' && v.mode === 'at_home'),
    ).toBe(true);
    const [{ n }] = (await sql<{ n: number }>(
      `select count(*)::int as n from public.appointments a
        where a.patient_id = $1 and a.status = 'confirmed'`,
      [request.patient.id],
    )) as [{ n: number }];
    expect(n).toBe(6);
    expect((await overlappingAppointments()).filter((o) => o.practitioner_id === winner)).toEqual([]);
    const states = (await offersOf(request.id)).map((o) => o.state).sort();
    expect(states).toEqual(['accepted', ...Array(9).fill('taken')]);

    // The patient sees who is coming.
    const { data: mine } = await request.patient.client
      .from('home_care_requests')
      .select('state, accepted_by')
      .eq('id', request.id)
      .single();
    expect(mine).toEqual({ state: 'scheduled', accepted_by: winner });
  });
});

describe('the dispatcher killed mid-wave', () => {
  it('leaves nothing behind; after restart nobody gets the same offer twice and nobody is skipped', async () => {
    const here = spot();
    const nurses = await Promise.all(Array.from({ length: 6 }, (_, i) => nurse({ at: north(here, 1 + i) })));
    const request = await requestCare({ at: here, urgency: 'planned' });
    const { data: ranked } = await service().rpc('home_care_candidates', { p_request_id: request.id });
    expect(ranked!.map((c) => c.practitioner_id).sort()).toEqual(nurses.map((n) => n.id).sort());
    const t0 = Date.now();

    // A tick that has written its wave but not committed when its process dies.
    const doomed = new pg.Client({ connectionString: config.dbUrl('postgres') });
    await doomed.connect();
    doomed.on('error', () => undefined);
    await doomed.query('begin');
    await doomed.query('select public.dispatch_home_care_tick($1)', [new Date(t0).toISOString()]);
    const [{ pid }] = (await doomed.query<{ pid: number }>('select pg_backend_pid() as pid')).rows as [
      { pid: number },
    ];
    // Meanwhile a second tick skips the request the first one holds: no duplicate wave.
    await dispatch(new Date(t0));
    expect(await offersOf(request.id)).toEqual([]);
    await sql('select pg_terminate_backend($1)', [pid]);
    await doomed.end().catch(() => undefined);
    expect(await offersOf(request.id)).toEqual([]);

    // Restarted: the wave goes out once, to the best three, and a replay changes nothing.
    await dispatch(new Date(t0));
    await dispatch(new Date(t0));
    const first = await offersOf(request.id);
    expect(first.map((o) => o.practitioner_id)).toEqual(ranked!.slice(0, 3).map((c) => c.practitioner_id));
    await dispatch(new Date(t0 + minutes(30) + 1000));
    await dispatch(new Date(t0 + minutes(30) + 1000));
    const all = await offersOf(request.id);
    expect(all.map((o) => o.practitioner_id).sort()).toEqual(nurses.map((n) => n.id).sort());
    const messages = await sql<{ offer_id: string; n: number }>(
      `select payload ->> 'offer_id' as offer_id, count(*)::int as n from public.outbox
        where topic = 'homecare.offer' and payload ->> 'request_id' = $1 group by 1`,
      [request.id],
    );
    expect(messages).toHaveLength(6);
    expect(messages.every((m) => m.n === 1)).toBe(true);
  });
});

describe('the home-care watchdog', () => {
  it('finds a request whose next wave is overdue and tells staff once', async () => {
    const boss = await staff();
    const request = await requestCare({ at: spot() });
    const at = new Date(Date.now() + minutes(11)).toISOString();
    await sql('select public.home_care_watchdog_tick($1)', [at]);
    await sql('select public.home_care_watchdog_tick($1)', [at]);
    const rows = await sql<{ n: number }>(
      `select count(*)::int as n from public.outbox
        where topic = 'homecare.stuck' and payload ->> 'request_id' = $1 and payload ->> 'staff_id' = $2`,
      [request.id, boss.id],
    );
    expect(rows[0]!.n).toBe(1);
  });
});
