// The plans of supabase/seed.sql as Stripe products and prices, found again by lookup key: run at
// each start against the Stripe fake (in production the prices are made once in Stripe's
// dashboard with the same keys). Repeat-safe: an existing lookup key is left as it is.
import pg from 'pg';
import Stripe from 'stripe';
import type { StackConfig } from './config.ts';

/** Local Stripe settings, the same for the functions and the tools that call the fake. */
export function stripeSettings(config: StackConfig) {
  return {
    secretKey: process.env.STRIPE_SECRET_KEY ?? 'sk_test_carebook_local',
    webhookSecret: process.env.STRIPE_WEBHOOK_SECRET ?? 'whsec_carebook_local',
    host: config.host,
    port: config.ports.fakes,
    protocol: 'http' as const,
    webhookUrl: `${config.apiUrl}/functions/v1/stripe-webhook`,
  };
}

export function localStripe(config: StackConfig): Stripe {
  const s = stripeSettings(config);
  return new Stripe(s.secretKey, { host: s.host, port: s.port, protocol: s.protocol, maxNetworkRetries: 1 });
}

interface PlanRow {
  code: string;
  name_en: string;
  billing_interval: 'month' | 'year';
  amount_cents: number;
  currency: string;
  stripe_lookup_key: string;
}

export async function syncStripeCatalogue(config: StackConfig, log: (line: string) => void): Promise<number> {
  const db = new pg.Client({ connectionString: config.dbUrl('postgres') });
  await db.connect();
  let plans: PlanRow[];
  try {
    plans = (
      await db.query<PlanRow>(
        'select code, name_en, billing_interval, amount_cents, currency, stripe_lookup_key from public.plans where active order by sort_order',
      )
    ).rows;
  } finally {
    await db.end();
  }
  const stripe = localStripe(config);
  let created = 0;
  for (const plan of plans) {
    const found = await stripe.prices.list({ lookup_keys: [plan.stripe_lookup_key], limit: 1 });
    if (found.data.length > 0) continue;
    const product = await stripe.products.create({
      name: `Carebook ${plan.name_en}`,
      metadata: { plan: plan.code },
    });
    await stripe.prices.create({
      product: product.id,
      lookup_key: plan.stripe_lookup_key,
      currency: plan.currency.toLowerCase(),
      unit_amount: plan.amount_cents,
      recurring: { interval: plan.billing_interval },
      metadata: { plan: plan.code },
    });
    created++;
  }
  if (created > 0) log(`stripe: ${created} plan price(s) created in the Stripe fake`);
  return created;
}
