// One Stripe customer per person, made on first need. The idempotency key names the person, so
// two first payments at once make one customer; the row is written only if none exists.
import type { SupabaseClient } from 'npm:@supabase/supabase-js@2.119.1';
import type { Stripe } from './stripe.ts';

export async function customerOf(
  db: SupabaseClient,
  stripe: Stripe,
  person: { id: string; email: string | null; fullName: string | null },
): Promise<string> {
  const known = await db
    .from('billing_customers')
    .select('stripe_customer_id')
    .eq('profile_id', person.id)
    .maybeSingle();
  if (known.error) throw new Error(`billing_customers: ${known.error.message}`);
  if (known.data) return known.data.stripe_customer_id as string;
  const customer = await stripe.customers.create(
    {
      ...(person.email && { email: person.email }),
      ...(person.fullName && { name: person.fullName }),
      metadata: { profile_id: person.id },
    },
    { idempotencyKey: `customer-${person.id}` },
  );
  const saved = await db
    .from('billing_customers')
    .upsert(
      { profile_id: person.id, stripe_customer_id: customer.id },
      { onConflict: 'profile_id', ignoreDuplicates: true },
    );
  if (saved.error) throw new Error(`billing_customers: ${saved.error.message}`);
  return customer.id;
}
