// A typed client for the Stripe fake's control API (/stripe/_control), for test suites: read events
// without delivering them, replay them, pause webhooks, settle debits and refunds, decline cards.
import type { DeliverOptions } from './events.ts';
import type { Delivery, Settings, StripeEvent, WebhookEndpoint } from './state.ts';

export type ControlEvent = StripeEvent & { deliveries: Delivery[] };

export interface StripeControl {
  /** Every event, oldest first, with its delivery records; `type` filters. */
  events(type?: string): Promise<ControlEvent[]>;
  /** Sends one event again now; with options, signed wrongly or tampered on purpose. */
  deliver(eventId: string, options?: DeliverOptions): Promise<{ url: string; status: number }[]>;
  addWebhook(url: string, secret: string, enabledEvents?: string[]): Promise<WebhookEndpoint>;
  removeWebhook(id: string): Promise<void>;
  pause(): Promise<void>;
  resume(): Promise<void>;
  /** Resolves once deliveries in flight and their retries are done. */
  idle(): Promise<void>;
  settings(change?: Partial<Settings>): Promise<Settings>;
  /** Makes a test card the customer's default (`4000000000000341` fails every later charge). */
  setCard(customerId: string, number: string): Promise<void>;
  /** What the Checkout page does: a test card number or `bank_debit`. */
  pay(
    sessionId: string,
    payment: string,
    email?: string,
  ): Promise<{ status: 'complete' | 'declined'; redirect?: string; message?: string }>;
  settlePayment(paymentIntentId: string, outcome: 'succeeded' | 'failed'): Promise<void>;
  settleRefund(refundId: string, outcome: 'succeeded' | 'failed'): Promise<void>;
  reset(): Promise<void>;
}

/** `fakesUrl` is the fakes server's base URL (the `fakes` service's url). */
export function stripeControl(fakesUrl: string): StripeControl {
  const call = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const res = await fetch(`${fakesUrl}/stripe/_control${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`Stripe fake control ${method} ${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  };
  return {
    events: async (type) =>
      (
        await call<{ events: ControlEvent[] }>(
          'GET',
          `/events${type ? `?type=${encodeURIComponent(type)}` : ''}`,
        )
      ).events,
    deliver: async (id, options = {}) =>
      (await call<{ results: { url: string; status: number }[] }>('POST', `/events/${id}/deliver`, options))
        .results,
    addWebhook: (url, secret, enabledEvents) =>
      call('POST', '/webhooks', { url, secret, ...(enabledEvents ? { enabled_events: enabledEvents } : {}) }),
    removeWebhook: async (id) => void (await call('DELETE', `/webhooks/${id}`)),
    pause: async () => void (await call('POST', '/webhooks/pause')),
    resume: async () => void (await call('POST', '/webhooks/resume')),
    idle: async () => void (await call('POST', '/webhooks/idle')),
    settings: (change) => (change ? call('POST', '/settings', change) : call('GET', '/settings')),
    setCard: async (customerId, number) =>
      void (await call('POST', `/customers/${customerId}/card`, { number })),
    pay: (sessionId, payment, email) =>
      call('POST', `/checkout/${sessionId}/pay`, { payment, ...(email ? { email } : {}) }),
    settlePayment: async (id, outcome) =>
      void (await call('POST', `/payment_intents/${id}/settle`, { outcome })),
    settleRefund: async (id, outcome) => void (await call('POST', `/refunds/${id}/settle`, { outcome })),
    reset: async () => void (await call('POST', '/reset')),
  };
}
