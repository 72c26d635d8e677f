// A practitioner's plan: the plans on offer (public.plans), the billing summary the `billing`
// function reads from the database and Stripe, and the two ways to Stripe's pages (Checkout to
// subscribe, the Billing Portal to change plan, card or cancel). Stripe's webhooks, not these
// calls, write the subscription.
import type { Enums } from '@carebook/domain';
import type { CarebookClient } from './client.ts';
import { callFunction } from './functions.ts';
import { currentUserId, runMapped } from './query.ts';
import type { Result } from './result.ts';

export type SubscriptionStatus = Enums<'subscription_status'>;
export type BillingInterval = Enums<'billing_interval'>;

export interface Plan {
  code: string;
  name: { fr: string; en: string };
  interval: BillingInterval;
  amountCents: number;
  currency: string;
  trialDays: number;
}

export interface Subscription {
  plan: string;
  status: SubscriptionStatus;
  currentPeriodEnd: string | null;
  trialEnd: string | null;
  cancelAtPeriodEnd: boolean;
  /** Since when a renewal is unpaid; the profile stays published 7 days after. */
  pastDueSince: string | null;
}

export interface Invoice {
  id: string;
  number: string | null;
  status: string | null;
  totalCents: number;
  currency: string;
  created: string;
  hostedUrl: string | null;
  pdfUrl: string | null;
}

export interface BillingSummary {
  subscription: Subscription | null;
  plan: Omit<Plan, 'trialDays'> | null;
  invoices: Invoice[];
  /** The next charge: when and how much (null once the plan ends at its period's end). */
  upcoming: { at: string; amountCents: number | null; currency: string | null } | null;
}

/** Active plans, cheapest interval first (the order staff gave them). */
export function listPlans(client: CarebookClient): Promise<Result<Plan[]>> {
  return runMapped(
    client
      .from('plans')
      .select('code, name_fr, name_en, billing_interval, amount_cents, currency, trial_days')
      .order('sort_order')
      .order('code'),
    'plans',
    (rows) =>
      rows.map((r) => ({
        code: r.code,
        name: { fr: r.name_fr, en: r.name_en },
        interval: r.billing_interval,
        amountCents: r.amount_cents,
        currency: r.currency,
        trialDays: r.trial_days,
      })),
  );
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const iso = (v: unknown): string | null => (typeof v === 'string' ? new Date(v).toISOString() : null);
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** The `billing` function's JSON in the app's shape; null when it is not what the function sends. */
export function toBillingSummary(data: unknown): BillingSummary | null {
  if (!isObject(data) || !Array.isArray(data.invoices)) return null;
  const s = data.subscription;
  const p = data.plan;
  const u = data.upcoming;
  const subscription: Subscription | null = isObject(s)
    ? {
        plan: str(s.plan) ?? '',
        status: str(s.status) as SubscriptionStatus,
        currentPeriodEnd: iso(s.current_period_end),
        trialEnd: iso(s.trial_end),
        cancelAtPeriodEnd: s.cancel_at_period_end === true,
        pastDueSince: iso(s.past_due_since),
      }
    : null;
  if (subscription && !subscription.status) return null;
  const plan = isObject(p)
    ? {
        code: str(p.code) ?? '',
        name: { fr: str(p.name_fr) ?? '', en: str(p.name_en) ?? '' },
        interval: str(p.billing_interval) as BillingInterval,
        amountCents: num(p.amount_cents) ?? 0,
        currency: str(p.currency) ?? 'EUR',
      }
    : null;
  const invoices = data.invoices.filter(isObject).map((i) => ({
    id: str(i.id) ?? '',
    number: str(i.number),
    status: str(i.status),
    totalCents: num(i.total) ?? 0,
    currency: (str(i.currency) ?? 'EUR').toUpperCase(),
    created: iso(i.created) ?? '',
    hostedUrl: str(i.hosted_url),
    pdfUrl: str(i.pdf_url),
  }));
  const upcoming =
    isObject(u) && iso(u.at)
      ? { at: iso(u.at)!, amountCents: num(u.amount_cents), currency: str(u.currency) }
      : null;
  return { subscription, plan, invoices, upcoming };
}

const toUrl = (data: unknown): string | null =>
  isObject(data) && typeof data.url === 'string' && /^https?:\/\//.test(data.url) ? data.url : null;

/** The signed-in practitioner's plan, status, invoices and next charge. */
export function getBilling(client: CarebookClient): Promise<Result<BillingSummary>> {
  return callFunction(client, 'billing', { method: 'GET' }, toBillingSummary);
}

/** A Checkout page (subscription mode, with the plan's trial) to go to; `already_subscribed` if one runs. */
export function startSubscription(client: CarebookClient, plan: string): Promise<Result<string>> {
  return callFunction(client, 'billing/subscribe', { method: 'POST', body: { plan } }, toUrl);
}

/** Stripe's Billing Portal for the signed-in practitioner (`not_found` before any subscription). */
export function openBillingPortal(client: CarebookClient): Promise<Result<string>> {
  return callFunction(client, 'billing/portal', { method: 'POST', body: {} }, toUrl);
}

/**
 * The signed-in practitioner's latest subscription straight from public.subscriptions (RLS: their
 * own), without asking Stripe: cheap enough for the failed-payment banner on every page. null
 * when there is none (patients and staff have none).
 */
export async function getMySubscription(client: CarebookClient): Promise<Result<Subscription | null>> {
  const me = await currentUserId(client);
  if (!me.ok) return me;
  const query = client
    .from('subscriptions')
    .select('plan, status, current_period_end, trial_end, cancel_at_period_end, past_due_since')
    .eq('practitioner_id', me.data)
    .order('created_at', { ascending: false })
    .limit(1);
  return runMapped(query, 'my subscription', (rows) => {
    const r = rows[0];
    return r
      ? {
          plan: r.plan,
          status: r.status,
          currentPeriodEnd: r.current_period_end ? new Date(r.current_period_end).toISOString() : null,
          trialEnd: r.trial_end ? new Date(r.trial_end).toISOString() : null,
          cancelAtPeriodEnd: r.cancel_at_period_end,
          pastDueSince: r.past_due_since ? new Date(r.past_due_since).toISOString() : null,
        }
      : null;
  });
}
