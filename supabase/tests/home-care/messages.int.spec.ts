// Home-care messages through the real notify function and the Brevo fake: the offer SMS carries
// a signed link that opens the offer without sign-in, the in-app notice goes beside it, and the
// patient is told by SMS who is coming once someone accepts.
import { describe, expect, it } from 'vitest';
import type { InboxMessage } from '@carebook/fakes';
import { anon, config, notifyTick, patient, service, sql, type TestUser } from '@carebook/testing';
import { north, nurse, offersOf, requestCare, sendFirstWave, spot } from './support.ts';

async function inbox(to: string): Promise<InboxMessage[]> {
  const res = await fetch(`${config.inboxUrl}/api/messages?to=${encodeURIComponent(to)}`);
  return ((await res.json()) as { messages: InboxMessage[] }).messages;
}

const uniquePhone = () => `+336${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;

async function withPhone(person: TestUser): Promise<string> {
  const phone = uniquePhone();
  const { error } = await service().from('profiles').update({ phone }).eq('id', person.id);
  if (error) throw error;
  return phone;
}

describe('home-care messages', () => {
  it('text the practitioner a link that opens the offer, and tell the patient who is coming', async () => {
    const here = spot();
    const pro = await nurse({ at: north(here, 1) });
    const proPhone = await withPhone(pro);
    const asker = await patient();
    const askerPhone = await withPhone(asker);
    const request = await requestCare({ at: here, by: asker });
    await sendFirstWave(request.id);
    await notifyTick();

    const [sms] = (await inbox(proPhone)).filter((m) => m.tags.includes('homecare.offer'));
    expect(sms?.type).toBe('sms');
    expect(sms!.text).toMatch(
      /^Carebook: soins à domicile, Injection à Testville, dès le .+ \(Europe\/Paris\)\. Voir: /,
    );
    const token = /\/home-care\/offers\/([0-9a-f-]{36}\.[0-9a-f]{32})$/.exec(sms!.text)?.[1];
    expect(token).toBeDefined();
    const { data: summary } = await anon().rpc('home_care_offer_summary', { p_token: token! });
    expect(summary?.[0]).toMatchObject({ offer_state: 'open', care_fr: 'Injection' });

    const notices = await sql<{ topic: string }>(
      `select topic from public.notifications where recipient_id = $1 and data ->> 'request_id' = $2`,
      [pro.id, request.id],
    );
    expect(notices.map((n) => n.topic)).toEqual(['homecare.offer']);

    const [offer] = await offersOf(request.id);
    const accepted = await pro.client.rpc('accept_home_care_offer', { p_offer_id: offer!.id });
    expect(accepted.error).toBeNull();
    await notifyTick();
    const told = (await inbox(askerPhone)).filter((m) => m.tags.includes('homecare.accepted'));
    expect(told).toHaveLength(1);
    expect(told[0]!.text).toMatch(/^Carebook: Nurse \d+ viendra pour Injection, 1re visite le /);
  });
});
