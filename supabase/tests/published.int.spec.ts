// published = verified AND a subscription that is active or trialing, or past due for at most 7
// days (decision 0018). Anybody who is not the
// practitioner or staff sees a practitioner (and their consultation types and specialties) only
// while both hold; subscriptions are written by the service role, as the Stripe webhook does.
import { describe, expect, it } from 'vitest';
import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database } from '@carebook/data';
import {
  advance,
  anon,
  createPractitionerProfile,
  practitioner,
  service,
  subscribe,
  type SubscriptionStatus,
  type TestUser,
  user,
} from '@carebook/testing';

type Client = SupabaseClient<Database>;

async function practitionerWithCatalog(): Promise<TestUser> {
  const user = await practitioner();
  await createPractitionerProfile(user);
  const specialty = await service()
    .from('specialties')
    .select('id')
    .eq('profession_code', 'psychologist')
    .eq('code', 'burnout')
    .single();
  if (specialty.error) throw specialty.error;
  const linked = await user.client
    .from('practitioner_specialties')
    .insert({ practitioner_id: user.id, specialty_id: specialty.data.id });
  if (linked.error) throw linked.error;
  const types = await user.client.from('consultation_types').insert([
    {
      practitioner_id: user.id,
      name_fr: 'Consultation vidéo',
      duration_minutes: 50,
      price_cents: 6500,
      mode: 'video',
      active: true,
    },
    {
      practitioner_id: user.id,
      name_fr: 'Ancien tarif',
      duration_minutes: 50,
      price_cents: 5500,
      mode: 'video',
      active: false,
    },
  ]);
  if (types.error) throw types.error;
  return user;
}

/** How many rows of this practitioner a caller gets from each public read. */
async function visible(client: Client, id: string) {
  const [p, t, s] = await Promise.all([
    client.from('practitioners').select('id').eq('id', id),
    client.from('consultation_types').select('id').eq('practitioner_id', id),
    client.from('practitioner_specialties').select('specialty_id').eq('practitioner_id', id),
  ]);
  for (const r of [p, t, s]) if (r.error) throw r.error;
  return {
    practitioners: p.data?.length,
    consultation_types: t.data?.length,
    practitioner_specialties: s.data?.length,
  };
}

const HIDDEN = { practitioners: 0, consultation_types: 0, practitioner_specialties: 0 };
// One profile, its one active type (the inactive one stays hidden), its one specialty.
const SHOWN = { practitioners: 1, consultation_types: 1, practitioner_specialties: 1 };

async function publicReaders(): Promise<Array<[string, Client]>> {
  const patient = await user('patient');
  const otherPractitioner = await practitioner();
  return [
    ['anon', anon()],
    ['a patient', patient.client],
    ['another practitioner', otherPractitioner.client],
  ];
}

async function setSubscription(id: string, status: SubscriptionStatus): Promise<void> {
  const { error } = await service().from('subscriptions').update({ status }).eq('id', id);
  if (error) throw error;
}

describe('published practitioners', () => {
  const hiddenCases: Array<[string, (id: string) => Promise<unknown>]> = [
    ['a draft with an active subscription', (id) => subscribe(id, 'active')],
    [
      'a submitted profile with an active subscription',
      async (id) => {
        await advance(id, 'submitted');
        await subscribe(id, 'active');
      },
    ],
    ['verified without a subscription', (id) => advance(id, 'submitted', 'verified')],
    [
      'verified with a canceled subscription',
      async (id) => {
        await advance(id, 'submitted', 'verified');
        await subscribe(id, 'canceled');
      },
    ],
    [
      'verified with a subscription past due for more than 7 days',
      async (id) => {
        await advance(id, 'submitted', 'verified');
        const sub = await subscribe(id, 'past_due');
        const aged = await service()
          .from('subscriptions')
          .update({ past_due_since: new Date(Date.now() - 8 * 86_400_000).toISOString() })
          .eq('id', sub);
        if (aged.error) throw aged.error;
        const tick = await service().rpc('refresh_publication_tick');
        if (tick.error) throw tick.error;
      },
    ],
    [
      'verified with an incomplete subscription',
      async (id) => {
        await advance(id, 'submitted', 'verified');
        await subscribe(id, 'incomplete');
      },
    ],
    [
      'rejected with an active subscription',
      async (id) => {
        await advance(id, 'submitted', { status: 'rejected', reason: 'Incomplet' });
        await subscribe(id, 'active');
      },
    ],
    [
      'suspended with an active subscription',
      async (id) => {
        await subscribe(id, 'active');
        await advance(id, 'submitted', 'verified', { status: 'suspended', reason: 'Contrôle' });
      },
    ],
  ];

  for (const [what, setup] of hiddenCases) {
    it.concurrent(`${what}: in no public read`, async ({ expect }) => {
      const owner = await practitionerWithCatalog();
      await setup(owner.id);
      for (const [who, client] of await publicReaders()) {
        expect(await visible(client, owner.id), who).toEqual(HIDDEN);
      }
      // Still theirs to see (both types), and staff see it for review.
      expect(await visible(owner.client, owner.id)).toEqual({
        practitioners: 1,
        consultation_types: 2,
        practitioner_specialties: 1,
      });
      const staff = await user('staff');
      expect(await visible(staff.client, owner.id)).toEqual({
        practitioners: 1,
        consultation_types: 2,
        practitioner_specialties: 1,
      });
      expect(
        (await service().from('practitioners').select('published').eq('id', owner.id).single()).data,
      ).toEqual({ published: false });
    });
  }

  it('appears once verified and subscribed, whichever comes first, and disappears when the subscription ends', async () => {
    const readers = await publicReaders();
    const expectEverywhere = async (expected: typeof SHOWN, id: string, step: string) => {
      for (const [who, client] of readers)
        expect(await visible(client, id), `${step}, as ${who}`).toEqual(expected);
    };

    // Subscribed first, verified later.
    const early = await practitionerWithCatalog();
    const earlySub = await subscribe(early.id, 'trialing');
    await expectEverywhere(HIDDEN, early.id, 'trialing draft');
    await advance(early.id, 'submitted', 'verified');
    await expectEverywhere(SHOWN, early.id, 'trialing and verified');
    await setSubscription(earlySub, 'active');
    await expectEverywhere(SHOWN, early.id, 'trial converted');

    // Verified first, subscribed later; then the subscription is canceled.
    const late = await practitionerWithCatalog();
    await advance(late.id, 'submitted', 'verified');
    await expectEverywhere(HIDDEN, late.id, 'verified without subscription');
    const sub = await subscribe(late.id, 'active');
    await expectEverywhere(SHOWN, late.id, 'verified and active');
    await setSubscription(sub, 'past_due');
    await expectEverywhere(SHOWN, late.id, 'a renewal failed: 7 days of grace');
    await setSubscription(sub, 'canceled');
    await expectEverywhere(HIDDEN, late.id, 'subscription canceled');
    await setSubscription(sub, 'active');
    await expectEverywhere(SHOWN, late.id, 'subscription back');
    const removed = await service().from('subscriptions').delete().eq('id', sub);
    expect(removed.error).toBeNull();
    await expectEverywhere(HIDDEN, late.id, 'subscription deleted');
  });

  it('disappears while suspended and comes back when reinstated', async () => {
    const readers = await publicReaders();
    const owner = await practitionerWithCatalog();
    await advance(owner.id, 'submitted', 'verified');
    await subscribe(owner.id, 'active');
    const staff = await user('staff');
    for (const [action, reason, expected] of [
      ['suspend', 'Contrôle', HIDDEN],
      ['reinstate', undefined, SHOWN],
    ] as const) {
      const res = await staff.client.rpc('review_practitioner', {
        p_practitioner_id: owner.id,
        p_action: action,
        ...(reason ? { p_reason: reason } : {}),
      });
      expect(res.error).toBeNull();
      for (const [who, client] of readers)
        expect(await visible(client, owner.id), `${action}, as ${who}`).toEqual(expected);
    }
  });

  it('cannot be forced by the owner or staff', async () => {
    const owner = await practitionerWithCatalog();
    const staff = await user('staff');
    for (const client of [owner.client, staff.client]) {
      const res = await client.from('practitioners').update({ published: true }).eq('id', owner.id);
      expect(res.error?.code).toBe('42501');
    }
    const sub = await owner.client
      .from('subscriptions')
      .insert({ practitioner_id: owner.id, plan: 'standard', status: 'active' });
    expect(sub.error?.code).toBe('42501');
    expect(
      (await service().from('practitioners').select('published').eq('id', owner.id).single()).data,
    ).toEqual({ published: false });
  });
});
