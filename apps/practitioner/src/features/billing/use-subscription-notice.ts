// The signed-in practitioner's subscription as one shared state, for the failed-payment banner on
// every page and the Billing page (which refreshes it after Checkout). Read from the database, not
// Stripe, so checking on each page change stays cheap; a check younger than `maxAgeMs` is reused.
import { ref, shallowRef } from 'vue';
import { getMySubscription, openBillingPortal, type CarebookClient, type Subscription } from '@carebook/data';

const subscription = shallowRef<Subscription | null>(null);
const checkedAt = ref(0);
let inFlight: Promise<void> | null = null;

export function useSubscriptionNotice(client: CarebookClient, maxAgeMs = 30_000) {
  async function refresh(force = false): Promise<void> {
    if (!force && Date.now() - checkedAt.value < maxAgeMs) return;
    if (inFlight) return inFlight;
    inFlight = (async () => {
      const result = await getMySubscription(client);
      // A failed check keeps what was known: the banner neither flashes nor hides on a network blip.
      if (result.ok) {
        subscription.value = result.data;
        checkedAt.value = Date.now();
      }
    })().finally(() => {
      inFlight = null;
    });
    return inFlight;
  }

  function forget(): void {
    subscription.value = null;
    checkedAt.value = 0;
  }

  /** Stripe's portal (update the card, change plan, cancel); the answer's code on failure. */
  async function goToPortal(): Promise<{ code: string } | null> {
    const result = await openBillingPortal(client);
    if (!result.ok) return { code: result.error.code };
    window.location.assign(result.data);
    return null;
  }

  return { subscription, refresh, forget, goToPortal };
}
