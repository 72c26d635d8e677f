// The staff catalogue editor and the patient's list of requests, through @carebook/data as the
// apps call them: staff add, rename, re-time and withdraw a care type; nobody else may; a withdrawn
// care type leaves the request form but keeps its name on past requests; a patient lists their
// own requests only, with who accepted.
import { describe, expect, it } from 'vitest';
import {
  addCareType,
  listAllCareTypes,
  listCareTypes,
  listMyHomeCareRequests,
  updateCareType,
} from '@carebook/data';
import { patient, practitioner, sql, staff } from '@carebook/testing';
import { randomInt } from 'node:crypto';
import { codeOf, north, nurse, requestCare, spot } from './support.ts';

const letters = () => Array.from({ length: 8 }, () => String.fromCharCode(97 + randomInt(0, 26))).join('');

describe('staff edit the home-care catalogue', () => {
  it('adds, renames, re-times and withdraws; a withdrawn care type is named on past requests', async () => {
    const boss = await staff();
    const code = `test_${letters()}`;
    const added = await addCareType(boss.client, 'nurse', code, {
      nameFr: 'Soin essai',
      nameEn: 'Test care',
      durationMinutes: 20,
      active: true,
    });
    expect(added.ok).toBe(true);
    const id = added.ok ? added.data.id : '';
    // The same code twice in one profession is refused in words, not a raw error.
    const twice = await addCareType(boss.client, 'nurse', code, {
      nameFr: 'Autre',
      nameEn: 'Other',
      durationMinutes: 20,
      active: true,
    });
    expect(!twice.ok && twice.error.code).toBe('already_exists');
    const outOfRange = await updateCareType(boss.client, id, {
      nameFr: 'Soin essai',
      nameEn: 'Test care',
      durationMinutes: 500,
      active: true,
    });
    expect(!outOfRange.ok && outOfRange.error.code).toBe('invalid_input');

    const here = spot();
    await nurse({ at: north(here, 1) });
    const request = await requestCare({ at: here, careCode: code });

    const renamed = await updateCareType(boss.client, id, {
      nameFr: 'Soin essai renommé',
      nameEn: 'Renamed test care',
      durationMinutes: 45,
      active: false,
    });
    expect(renamed.ok).toBe(true);
    const all = await listAllCareTypes(boss.client);
    expect(all.ok && all.data.find((c) => c.id === id)).toMatchObject({
      nameFr: 'Soin essai renommé',
      durationMinutes: 45,
      active: false,
    });
    // Withdrawn: gone from the request form, refused for a new request, still named on the old one.
    const offered = await listCareTypes(request.patient.client);
    expect(offered.ok && offered.data.some((c) => c.id === id)).toBe(false);
    expect(
      await codeOf(
        request.patient.client.rpc('request_home_care', {
          p_care_type_id: id,
          p_address: '1 test street',
          p_locality: 'Testville',
          p_latitude: here.lat,
          p_longitude: here.lng,
          p_daily_windows: ['09:00-12:00'],
          p_first_day: new Date(Date.now() + 86_400_000).toISOString().slice(0, 10),
          p_day_count: 1,
          p_urgency: 'planned',
          p_contact_phone: '+33612345678',
          p_for_whom: 'self',
          p_care_recipient_name: 'Test Patient',
        }),
      ),
    ).not.toBe('ok');
    const mine = await listMyHomeCareRequests(request.patient.client);
    expect(mine.ok && mine.data.map((r) => [r.id, r.careFr])).toEqual([[request.id, 'Soin essai renommé']]);
  });

  it('refuses patients and practitioners', async () => {
    const boss = await staff();
    const all = await listAllCareTypes(boss.client);
    const target = all.ok ? all.data[0]! : null;
    expect(target).not.toBeNull();
    for (const someone of [await patient(), await practitioner()]) {
      const add = await addCareType(someone.client, 'nurse', `test_${letters()}`, {
        nameFr: 'Intrus',
        nameEn: 'Intruder',
        durationMinutes: 30,
        active: true,
      });
      expect(add.ok).toBe(false);
      // RLS hides the row from the update: nothing changes, the answer is not_found.
      const edit = await updateCareType(someone.client, target!.id, {
        nameFr: 'Intrus',
        nameEn: 'Intruder',
        durationMinutes: 30,
        active: false,
      });
      expect(!edit.ok && edit.error.code).toBe('not_found');
    }
    const after = await listAllCareTypes(boss.client);
    expect(after.ok && after.data.find((c) => c.id === target!.id)).toEqual(target);
  });
});

describe("a patient's home-care requests", () => {
  it('lists their own, newest first, with who accepted once scheduled', async () => {
    const here = spot();
    const pro = await nurse({ at: north(here, 1) });
    const first = await requestCare({ at: here });
    const second = await requestCare({ at: here, by: first.patient });
    const other = await requestCare({ at: here });
    const boss = await staff();
    expect(
      await codeOf(
        boss.client.rpc('assign_home_care_request', { p_request_id: first.id, p_practitioner_id: pro.id }),
      ),
    ).toBe('ok');

    const mine = await listMyHomeCareRequests(first.patient.client);
    expect(mine.ok).toBe(true);
    const rows = mine.ok ? mine.data : [];
    expect(rows.map((r) => r.id)).toEqual([second.id, first.id]);
    expect(rows.some((r) => r.id === other.id)).toBe(false);
    const [, accepted] = rows;
    expect(accepted).toMatchObject({ state: 'scheduled', careFr: expect.any(String), dayCount: 1 });
    const [who] = await sql<{ display_name: string }>(
      'select display_name from public.practitioners where id = $1',
      [pro.id],
    );
    expect(accepted!.acceptedBy).toBe(who!.display_name);
    expect(rows[0]).toMatchObject({ acceptedBy: null });
    expect(rows[0]!.state === 'searching' || rows[0]!.state === 'offered').toBe(true);
  });
});
