// The official Stripe SDK, configured from the environment. Locally STRIPE_API_HOST/PORT/PROTOCOL
// point it at the Stripe fake (tools/fakes); in production they are unset and it talks to Stripe.
// Its own network retries stay on (2): every call that creates something carries an idempotency key.
import Stripe from 'npm:stripe@23.2.0';
import { requireEnv } from './supabase.ts';

export { Stripe };

export function stripeClient(): Stripe {
  const host = Deno.env.get('STRIPE_API_HOST');
  return new Stripe(requireEnv('STRIPE_SECRET_KEY'), {
    httpClient: Stripe.createFetchHttpClient(),
    maxNetworkRetries: 2,
    timeout: 15_000,
    ...(host && {
      host,
      port: Number(Deno.env.get('STRIPE_API_PORT') ?? '443'),
      protocol: Deno.env.get('STRIPE_API_PROTOCOL') === 'http' ? 'http' : 'https',
    }),
  });
}

/** Stripe's "no such object" (the object was deleted, or never was). */
export function isMissing(error: unknown): boolean {
  return (
    (error as { code?: string; statusCode?: number })?.code === 'resource_missing' ||
    (error as { statusCode?: number })?.statusCode === 404
  );
}
