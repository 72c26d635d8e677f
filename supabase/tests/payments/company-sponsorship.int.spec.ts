// Company-sponsored consultations: members of a client company book the types it pays for without
// paying (confirmed at once), within its monthly quota; staff see each company's month.
import { describe, expect, it } from 'vitest';
import { service, sql, staff, uniqueEmail, uniqueLetters, user, type Scenario } from '@carebook/testing';
import { paidScenario } from './support.ts';

async function company(quota: number | null, s: Scenario) {
  const domain = `${uniqueLetters(10)}.example.com`;
  const { data, error } = await service()
    .from('companies')
    .insert({ name: `Acme ${domain}`, email_domains: [domain] })
    .select('id')
    .single();
  expect(error).toBeNull();
  await service()
    .from('company_sponsored_types')
    .insert({ company_id: data!.id, consultation_type_id: s.type.id, monthly_quota: quota });
  const member = () => user('patient', { email: uniqueEmail('employee', domain) });
  return { id: data!.id as string, member };
}

const paid = () => paidScenario(7000);

describe('company-sponsored types', () => {
  it('confirm a member’s booking without payment, and leave others to pay', async () => {
    const s = await paid();
    const acme = await company(null, s);
    const [ann, outsider] = await Promise.all([acme.member(), user('patient')]);
    const sponsored = await s.book(ann, s.at(3, '09:00'));
    expect(sponsored.data).toMatchObject({
      status: 'confirmed',
      sponsor_company_id: acme.id,
      hold_expires_at: null,
    });
    const pay = await ann.client.rpc('begin_checkout', { p_appointment_id: sponsored.data!.id });
    expect(pay.error?.details).toBe('payment_closed');
    const [told] = await sql<{ n: number }>(
      `select count(*)::int as n from public.outbox where topic = 'appointment.confirmed' and payload ->> 'appointment_id' = $1`,
      [sponsored.data!.id],
    );
    expect(told!.n).toBe(1);

    const regular = await s.book(outsider, s.at(3, '10:00'));
    expect(regular.data).toMatchObject({ status: 'held', sponsor_company_id: null });

    const mine = await ann.client.from('company_sponsored_types').select('company_id, consultation_type_id');
    expect(mine.data).toEqual([{ company_id: acme.id, consultation_type_id: s.type.id }]);
    const theirs = await outsider.client.from('company_sponsored_types').select('company_id');
    expect(theirs.data).toEqual([]);
  });

  it('stop at the monthly quota (cancelled ones give their place back), and staff see the month', async () => {
    const s = await paid();
    const acme = await company(1, s);
    const [ann, bob] = await Promise.all([acme.member(), acme.member()]);
    const first = await s.book(ann, s.at(4, '09:00'));
    expect(first.data?.status).toBe('confirmed');
    const second = await s.book(bob, s.at(4, '10:00'));
    expect(second.data).toMatchObject({ status: 'held', sponsor_company_id: null });

    await ann.client.rpc('cancel_appointment', { p_appointment_id: first.data!.id });
    const third = await s.book(bob, s.at(4, '11:00'));
    expect(third.data).toMatchObject({ status: 'confirmed', sponsor_company_id: acme.id });

    const desk = await staff();
    const usage = await desk.client.rpc('company_monthly_usage', { p_company_id: acme.id });
    expect(usage.data).toEqual([
      { company_id: acme.id, month: expect.any(String), appointments: 1, amount_cents: 7000, cancelled: 1 },
    ]);
    const hidden = await ann.client.rpc('company_monthly_usage', {});
    expect(hidden.error?.details).toBe('staff_only');
    const forged = await ann.client
      .from('company_sponsored_types')
      .insert({ company_id: acme.id, consultation_type_id: s.type.id, monthly_quota: 999 });
    expect(forged.error).not.toBeNull();
  });
});
