// billing: a practitioner's plan.
//   GET  /billing            -> 200 { subscription, plan, invoices: [{ id, number, status, total, currency, created, hosted_url, pdf_url }], upcoming }
//   POST /billing/subscribe  { plan } -> 200 { url }   Checkout in subscription mode, with the plan's trial
//   POST /billing/portal     -> 200 { url }            Stripe's Billing Portal (plan, card, cancel)
// Who the caller is comes from their JWT; what they may see from RLS (their own subscription).
import {
  apiError,
  fromDbError,
  internalError,
  methodNotAllowed,
  notAuthenticated,
} from '../_shared/api-error.ts';
import { customerOf } from '../_shared/billing-customer.ts';
import { preflight } from '../_shared/cors.ts';
import { bearerToken, json } from '../_shared/http.ts';
import { isMissing, stripeClient } from '../_shared/stripe.ts';
import { requireEnv, serviceClient, userClient } from '../_shared/supabase.ts';

const stripe = stripeClient();
const appUrl = requireEnv('PRACTITIONER_APP_URL').replace(/\/+$/, '');
const log = (line: string) => console.error(line);

async function caller(jwt: string) {
  const me = userClient(jwt);
  const { data: auth, error } = await me.auth.getUser(jwt);
  if (error || !auth.user) return null;
  const profile = await me
    .from('profiles')
    .select('id, email, full_name, role, locale')
    .eq('id', auth.user.id)
    .single();
  if (profile.error) throw new Error(`profiles: ${profile.error.message}`);
  return {
    client: me,
    profile: profile.data as {
      id: string;
      email: string | null;
      full_name: string | null;
      role: string;
      locale: 'fr' | 'en';
    },
  };
}

async function currentSubscription(me: ReturnType<typeof userClient>, id: string) {
  const { data, error } = await me
    .from('subscriptions')
    .select(
      'plan, status, current_period_end, trial_end, cancel_at_period_end, past_due_since, stripe_customer_id, stripe_subscription_id',
    )
    .eq('practitioner_id', id)
    .order('created_at', { ascending: false })
    .limit(1)
    .maybeSingle();
  if (error) throw new Error(`subscriptions: ${error.message}`);
  return data;
}

Deno.serve(async (req) => {
  const early = preflight(req);
  if (early) return early;
  const route = new URL(req.url).pathname.replace(/^.*\/billing/, '') || '/';
  const jwt = bearerToken(req);
  if (!jwt) return notAuthenticated();
  try {
    const who = await caller(jwt);
    if (!who) return notAuthenticated();
    if (who.profile.role !== 'practitioner') {
      return apiError(403, { code: 'forbidden', message: 'Plans are for practitioners.' });
    }
    const subscription = await currentSubscription(who.client, who.profile.id);

    if (route === '/') {
      if (req.method !== 'GET') return methodNotAllowed(['GET']);
      const plan = subscription
        ? (
            await who.client
              .from('plans')
              .select('code, name_fr, name_en, billing_interval, amount_cents, currency')
              .eq('code', subscription.plan)
              .maybeSingle()
          ).data
        : null;
      const customer = (
        await who.client
          .from('billing_customers')
          .select('stripe_customer_id')
          .eq('profile_id', who.profile.id)
          .maybeSingle()
      ).data;
      let invoices: unknown[] = [];
      let upcoming: unknown = null;
      if (customer) {
        const list = await stripe.invoices.list({ customer: customer.stripe_customer_id, limit: 24 });
        invoices = list.data.map((i) => ({
          id: i.id,
          number: i.number,
          status: i.status,
          total: i.total,
          currency: i.currency.toUpperCase(),
          created: new Date(i.created * 1000).toISOString(),
          hosted_url: i.hosted_invoice_url ?? null,
          pdf_url: i.invoice_pdf ?? null,
        }));
      }
      if (
        subscription &&
        ['trialing', 'active', 'past_due'].includes(subscription.status) &&
        !subscription.cancel_at_period_end
      ) {
        upcoming = {
          at:
            subscription.trial_end && subscription.status === 'trialing'
              ? subscription.trial_end
              : subscription.current_period_end,
          amount_cents: plan?.amount_cents ?? null,
          currency: plan?.currency ?? null,
        };
      }
      return json({ subscription, plan, invoices, upcoming });
    }

    if (route === '/subscribe') {
      if (req.method !== 'POST') return methodNotAllowed(['POST']);
      let code: unknown;
      try {
        code = ((await req.json()) as { plan?: unknown })?.plan;
      } catch {
        return apiError(400, { code: 'invalid_json', message: 'Send { "plan": "<code>" }.' });
      }
      if (typeof code !== 'string') {
        return apiError(400, {
          code: 'invalid_input',
          message: 'plan is required.',
          fields: { plan: 'required' },
        });
      }
      if (
        subscription &&
        ['trialing', 'active', 'past_due', 'unpaid', 'incomplete'].includes(subscription.status)
      ) {
        return apiError(409, {
          code: 'already_subscribed',
          message: 'You already have a subscription: use the billing portal.',
        });
      }
      const plan = await who.client
        .from('plans')
        .select('code, trial_days, stripe_lookup_key')
        .eq('code', code)
        .maybeSingle();
      if (plan.error) return fromDbError(plan.error, { fn: 'billing', log });
      if (!plan.data) return apiError(404, { code: 'not_found', message: `No plan ${code}.` });
      const prices = await stripe.prices.list({
        lookup_keys: [plan.data.stripe_lookup_key],
        active: true,
        limit: 1,
      });
      const price = prices.data[0];
      if (!price) throw new Error(`no active Stripe price with lookup key ${plan.data.stripe_lookup_key}`);
      const customer = await customerOf(serviceClient(), stripe, {
        id: who.profile.id,
        email: who.profile.email,
        fullName: who.profile.full_name,
      });
      // A practitioner who had a trial already pays from the first day.
      const trialDays = subscription ? 0 : plan.data.trial_days;
      const session = await stripe.checkout.sessions.create({
        mode: 'subscription',
        customer,
        locale: who.profile.locale,
        line_items: [{ price: price.id, quantity: 1 }],
        client_reference_id: who.profile.id,
        subscription_data: {
          ...(trialDays > 0 && { trial_period_days: trialDays }),
          metadata: { practitioner_id: who.profile.id, plan: plan.data.code },
        },
        success_url: `${appUrl}/billing?checkout=done`,
        cancel_url: `${appUrl}/billing?checkout=cancelled`,
      });
      return json({ url: session.url });
    }

    if (route === '/portal') {
      if (req.method !== 'POST') return methodNotAllowed(['POST']);
      const customer = (
        await who.client
          .from('billing_customers')
          .select('stripe_customer_id')
          .eq('profile_id', who.profile.id)
          .maybeSingle()
      ).data;
      if (!customer) return apiError(404, { code: 'not_found', message: 'Subscribe to a plan first.' });
      try {
        const portal = await stripe.billingPortal.sessions.create({
          customer: customer.stripe_customer_id,
          return_url: `${appUrl}/billing`,
          locale: who.profile.locale,
        });
        return json({ url: portal.url });
      } catch (error) {
        if (isMissing(error))
          return apiError(404, { code: 'not_found', message: 'Subscribe to a plan first.' });
        throw error;
      }
    }
    return apiError(404, { code: 'not_found', message: `No route ${route}.` });
  } catch (error) {
    return internalError(log, 'billing', error);
  }
});
