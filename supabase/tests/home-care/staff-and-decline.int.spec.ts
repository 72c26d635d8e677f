// Staff give a request nobody took to a practitioner by hand (same rules as an accept); only
// staff may; declining the last open offer brings the next wave forward; a cancelled request
// withdraws its offers and cancels its future visits.
import { describe, expect, it } from 'vitest';
import { patient, sql, staff } from '@carebook/testing';
import { codeOf, north, nurse, offersOf, requestCare, sendFirstWave, spot } from './support.ts';

describe('staff assignment', () => {
  it('books the visits with the chosen practitioner; nobody but staff may assign', async () => {
    const here = spot();
    const pro = await nurse({ at: north(here, 2) });
    const request = await requestCare({ at: here, days: 2 });
    expect(
      await codeOf(
        request.patient.client.rpc('assign_home_care_request', {
          p_request_id: request.id,
          p_practitioner_id: pro.id,
        }),
      ),
    ).toBe('staff_only');

    const boss = await staff();
    expect(
      await codeOf(
        boss.client.rpc('assign_home_care_request', { p_request_id: request.id, p_practitioner_id: pro.id }),
      ),
    ).toBe('ok');
    const [row] = await sql<{ state: string; accepted_by: string; assigned_by_staff: string }>(
      'select state, accepted_by, assigned_by_staff from public.home_care_requests where id = $1',
      [request.id],
    );
    expect(row).toEqual({ state: 'scheduled', accepted_by: pro.id, assigned_by_staff: boss.id });
    const visits = await sql<{ n: number }>(
      `select count(*)::int as n from public.home_care_visits v join public.appointments a on a.id = v.appointment_id
        where v.request_id = $1 and a.practitioner_id = $2 and a.status = 'confirmed'`,
      [request.id, pro.id],
    );
    expect(visits[0]!.n).toBe(2);
    // A second assignment finds it taken.
    expect(
      await codeOf(
        boss.client.rpc('assign_home_care_request', { p_request_id: request.id, p_practitioner_id: pro.id }),
      ),
    ).toBe('already_taken');
  });
});

describe('declining and cancelling', () => {
  it('brings the next wave forward when the last open offer is declined', async () => {
    const here = spot();
    const pro = await nurse({ at: north(here, 1) });
    const request = await requestCare({ at: here });
    await sendFirstWave(request.id);
    const [offer] = await offersOf(request.id);
    const before = await sql<{ due: boolean }>(
      'select next_wave_at <= now() as due from public.home_care_requests where id = $1',
      [request.id],
    );
    expect(before[0]!.due).toBe(false);
    expect(await codeOf(pro.client.rpc('decline_home_care_offer', { p_offer_id: offer!.id }))).toBe('ok');
    const after = await sql<{ due: boolean }>(
      'select next_wave_at <= now() as due from public.home_care_requests where id = $1',
      [request.id],
    );
    expect(after[0]!.due).toBe(true);
    // Only one's own open offers can be declined.
    expect(await codeOf(pro.client.rpc('decline_home_care_offer', { p_offer_id: offer!.id }))).toBe(
      'not_found',
    );
  });

  it('withdraws open offers and cancels future visits; strangers cannot cancel', async () => {
    const here = spot();
    const [first, second] = await Promise.all([nurse({ at: north(here, 1) }), nurse({ at: north(here, 2) })]);
    const request = await requestCare({ at: here });
    await sendFirstWave(request.id);
    const stranger = await patient();
    expect(await codeOf(stranger.client.rpc('cancel_home_care_request', { p_request_id: request.id }))).toBe(
      'not_found',
    );
    expect(
      await codeOf(request.patient.client.rpc('cancel_home_care_request', { p_request_id: request.id })),
    ).toBe('ok');
    const offers = await offersOf(request.id);
    expect(offers.map((o) => o.state)).toEqual(['withdrawn', 'withdrawn']);
    const late = offers.find((o) => o.practitioner_id === first.id) ?? offers[0]!;
    const who = late.practitioner_id === first.id ? first : second;
    expect(await codeOf(who.client.rpc('accept_home_care_offer', { p_offer_id: late.id }))).toBe(
      'request_closed',
    );
  });
});
