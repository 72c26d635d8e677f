// A request's prescription is read through the Storage API by the patient, staff and the
// practitioner who accepted, by nobody else; an offer's SMS link opens its summary without
// sign-in, a forged one opens nothing.
import { describe, expect, it } from 'vitest';
import { anon, patient, staff, type TestUser } from '@carebook/testing';
import { codeOf, north, sendFirstWave, nurse, offersOf, requestCare, spot } from './support.ts';

const readable = async (who: TestUser, path: string) => {
  const { data, error } = await who.client.storage.from('prescriptions').download(path);
  return !error && !!data && data.size > 0;
};

describe('a home-care prescription', () => {
  it('is readable by the patient, staff and the accepting practitioner only', async () => {
    const here = spot();
    const [winner, loser] = await Promise.all([nurse({ at: north(here, 1) }), nurse({ at: north(here, 2) })]);
    const owner = await patient();
    const path = `${owner.id}/prescription.pdf`;
    const upload = await owner.client.storage
      .from('prescriptions')
      .upload(path, new Blob(['%PDF-1.4 test prescription'], { type: 'application/pdf' }), {
        contentType: 'application/pdf',
      });
    expect(upload.error).toBeNull();
    const request = await requestCare({ at: here, by: owner, prescriptionPath: path });
    await sendFirstWave(request.id);
    const offers = await offersOf(request.id);
    expect(offers.map((o) => o.practitioner_id).sort()).toEqual([winner.id, loser.id].sort());

    const stranger = await patient();
    const boss = await staff();
    expect(await readable(owner, path)).toBe(true);
    expect(await readable(boss, path)).toBe(true);
    expect(await readable(stranger, path)).toBe(false);
    // Offered is not enough: only acceptance opens it.
    expect(await readable(winner, path)).toBe(false);

    const offer = offers.find((o) => o.practitioner_id === winner.id)!;
    expect(await codeOf(winner.client.rpc('accept_home_care_offer', { p_offer_id: offer.id }))).toBe('ok');
    expect(await readable(winner, path)).toBe(true);
    expect(await readable(loser, path)).toBe(false);
    expect(await readable(stranger, path)).toBe(false);
  });

  it("cannot be named from someone else's folder", async () => {
    const other = await patient();
    await expect(
      requestCare({ at: spot(), prescriptionPath: `${other.id}/prescription.pdf` }),
    ).rejects.toThrow(/own uploads/);
  });
});

describe('an offer link', () => {
  it('opens the summary without sign-in (town, not the street), and a forged one opens nothing', async () => {
    const here = spot();
    const pro = await nurse({ at: north(here, 1) });
    const request = await requestCare({ at: here, windows: ['09:00-11:00', '18:00-20:00'], days: 2 });
    await sendFirstWave(request.id);
    const { data: mine, error } = await pro.client.rpc('my_home_care_offers');
    expect(error).toBeNull();
    const token = mine!.find((o) => o.request_state === 'offered')!.token;

    const { data: summary } = await anon().rpc('home_care_offer_summary', { p_token: token });
    expect(summary).toHaveLength(1);
    expect(summary![0]).toMatchObject({
      offer_state: 'open',
      request_state: 'offered',
      care_en: 'Injection',
      locality: 'Testville',
      visit_count: 4,
      practitioner_id: pro.id,
    });
    expect(JSON.stringify(summary)).not.toContain('1 test street');
    expect(JSON.stringify(summary)).not.toContain('+33612345678');

    const forged = token.slice(0, -1) + (token.endsWith('0') ? '1' : '0');
    expect(await codeOf(anon().rpc('home_care_offer_summary', { p_token: forged }))).toBe('not_found');
    // Reading needs no account; accepting does.
    expect(await codeOf(anon().rpc('accept_home_care_offer', { p_offer_id: token.split('.')[0]! }))).toBe(
      'not_authenticated',
    );
    // Once accepted, the link shows it taken (by this practitioner).
    const offerId = token.split('.')[0]!;
    expect(await codeOf(pro.client.rpc('accept_home_care_offer', { p_offer_id: offerId }))).toBe('ok');
    const { data: after } = await anon().rpc('home_care_offer_summary', { p_token: token });
    expect(after![0]).toMatchObject({
      offer_state: 'accepted',
      request_state: 'scheduled',
      taken_by_you: true,
    });
    const { data: seen } = await pro.client
      .from('home_care_requests')
      .select('address, contact_phone')
      .eq('id', request.id)
      .single();
    expect(seen).toEqual({ address: '1 test street', contact_phone: '+33612345678' });
  });
});
