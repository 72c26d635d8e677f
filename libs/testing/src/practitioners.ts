// A practitioner's profile through its life: written by the practitioner through the API (a
// draft), moved through verification, subscribed. Only what no user may write goes through the
// service role: the verification decision and the subscription (the Stripe webhook's job).
import { service } from './connection.ts';
import { validAdeli } from './registration-numbers.ts';
import type { PractitionerInsert, PractitionerRow, SubscriptionStatus, VerificationStatus } from './types.ts';
import { uniqueSlug } from './unique.ts';
import { practitioner, type TestUser } from './users.ts';

/** The practitioner creates their own profile through the API (a draft), as the app does. Throws the API's error as is. */
export async function createPractitionerProfile(
  user: TestUser,
  fields: Partial<PractitionerInsert> = {},
): Promise<PractitionerRow> {
  const { data, error } = await user.client
    .from('practitioners')
    .insert({
      id: user.id,
      slug: uniqueSlug('dr'),
      display_name: 'Dr Test Practitioner',
      profession_code: 'psychologist',
      registration_number: validAdeli(),
      modes: ['video'],
      ...fields,
    })
    .select()
    .single();
  if (error) throw error;
  return data;
}

export type VerificationStep =
  | Extract<VerificationStatus, 'submitted' | 'verified'>
  | { status: Extract<VerificationStatus, 'rejected' | 'suspended'>; reason: string };

/**
 * Moves a practitioner through legal verification states with the service role (as a system
 * process would), e.g. `advance(id, 'submitted', 'verified')`.
 */
export async function advance(
  practitionerId: string,
  ...steps: VerificationStep[]
): Promise<PractitionerRow> {
  let row: PractitionerRow | null = null;
  for (const step of steps) {
    const patch =
      typeof step === 'string'
        ? { verification_status: step }
        : { verification_status: step.status, status_reason: step.reason };
    const { data, error } = await service()
      .from('practitioners')
      .update(patch)
      .eq('id', practitionerId)
      .select()
      .single();
    if (error) throw error;
    row = data;
  }
  if (!row) throw new Error('advance needs at least one step');
  return row;
}

/** Records a subscription as the Stripe webhook would (service role only); returns its id. */
export async function subscribe(
  practitionerId: string,
  status: SubscriptionStatus = 'active',
): Promise<string> {
  const { data, error } = await service()
    .from('subscriptions')
    .insert({
      practitioner_id: practitionerId,
      plan: 'standard',
      status,
      current_period_end: new Date(Date.now() + 30 * 86_400_000).toISOString(),
    })
    .select('id')
    .single();
  if (error) throw error;
  return data.id;
}

/** A practitioner who is verified and subscribed, so published: what anybody may see. */
export async function publishedPractitioner(
  fields: Partial<PractitionerInsert> = {},
): Promise<TestUser & { profile: PractitionerRow }> {
  const user = await practitioner();
  await createPractitionerProfile(user, fields);
  await advance(user.id, 'submitted', 'verified');
  await subscribe(user.id, 'active');
  const { data, error } = await service().from('practitioners').select().eq('id', user.id).single();
  if (error) throw error;
  return { ...user, profile: data };
}

/** The practitioner submits their own draft for verification, as the app's button does. */
export async function submit(user: TestUser): Promise<void> {
  const { error } = await user.client
    .from('practitioners')
    .update({ verification_status: 'submitted' })
    .eq('id', user.id);
  if (error) throw new Error(`submit: ${error.message}`);
}

/** Submitted by the practitioner, approved and subscribed by the service role: published. */
export async function publish(user: TestUser): Promise<void> {
  await submit(user);
  const admin = service();
  const verified = await admin
    .from('practitioners')
    .update({ verification_status: 'verified' })
    .eq('id', user.id);
  if (verified.error) throw new Error(`verify: ${verified.error.message}`);
  const sub = await admin
    .from('subscriptions')
    .insert({ practitioner_id: user.id, plan: 'pro', status: 'active' });
  if (sub.error) throw new Error(`subscribe: ${sub.error.message}`);
  const { data } = await admin.from('practitioners').select('published').eq('id', user.id).single();
  if (!data?.published) throw new Error('practitioner is not published after verification and subscription');
}
