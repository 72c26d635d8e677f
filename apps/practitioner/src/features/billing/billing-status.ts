// What a subscription's state means for the practitioner, as a text key and the dates it needs.
// The 7 days of grace mirror the database's rule (private.has_active_subscription): a past-due
// profile stays published for 7 days after the failed renewal.
import type { Subscription } from '@carebook/data';

export const GRACE_DAYS = 7;
const DAY_MS = 86_400_000;

export type StatusText =
  | { key: 'trialing'; until: string | null }
  | { key: 'active' }
  | { key: 'cancelsAt'; at: string }
  | { key: 'pastDue'; since: string; graceUntil: string }
  | { key: 'unpaid' }
  | { key: 'canceled' }
  | { key: 'incomplete' }
  | { key: 'paused' };

/** When a past-due subscription stops keeping the profile published. */
export function graceUntil(pastDueSince: string): string {
  return new Date(new Date(pastDueSince).getTime() + GRACE_DAYS * DAY_MS).toISOString();
}

export function describeStatus(s: Subscription): StatusText {
  switch (s.status) {
    case 'trialing':
    case 'active': {
      const end = s.status === 'trialing' ? (s.trialEnd ?? s.currentPeriodEnd) : s.currentPeriodEnd;
      if (s.cancelAtPeriodEnd && end) return { key: 'cancelsAt', at: end };
      return s.status === 'trialing' ? { key: 'trialing', until: end } : { key: 'active' };
    }
    case 'past_due':
      // past_due_since is set by a trigger whenever the status is past_due; the period end is a fallback.
      if (s.pastDueSince)
        return { key: 'pastDue', since: s.pastDueSince, graceUntil: graceUntil(s.pastDueSince) };
      return { key: 'unpaid' };
    case 'unpaid':
      return { key: 'unpaid' };
    case 'canceled':
    case 'incomplete_expired':
      return { key: 'canceled' };
    case 'incomplete':
      return { key: 'incomplete' };
    case 'paused':
      return { key: 'paused' };
  }
}

/** A subscription that still runs: no new plan can be chosen, the portal changes it. */
export function isCurrent(s: Subscription | null): boolean {
  return !!s && !['canceled', 'incomplete_expired'].includes(s.status);
}

/** A failed payment the practitioner must act on (the banner on every page). */
export function needsPaymentUpdate(s: Subscription | null): boolean {
  return !!s && (s.status === 'past_due' || s.status === 'unpaid');
}
