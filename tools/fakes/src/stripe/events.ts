// Events and webhooks: every state change records an Event (what events.list returns) and posts
// it, signed the way Stripe signs (`Stripe-Signature: t=<unix>,v1=<HMAC-SHA256 of "t.body">`), to
// each endpoint, retrying non-2xx answers a few times. Delivery can be paused and any event sent
// again, so tests can replay and reorder them.
import { createHmac } from 'node:crypto';
import Stripe from 'stripe';
import type { Logger } from '../types.ts';
import {
  newId,
  nowSeconds,
  type Delivery,
  type StripeEvent,
  type StripeObject,
  type StripeState,
  type WebhookEndpoint,
} from './state.ts';

export const API_VERSION: string = Stripe.API_VERSION;

export function signPayload(payload: string, secret: string, timestamp = nowSeconds()): string {
  const signature = createHmac('sha256', secret).update(`${timestamp}.${payload}`).digest('hex');
  return `t=${timestamp},v1=${signature}`;
}

function clone<T>(value: T): T {
  return structuredClone(value);
}

/** Top-level fields whose value changed, with their old value (Stripe's previous_attributes). */
export function previousAttributes(before: StripeObject, after: StripeObject): Record<string, unknown> {
  const previous: Record<string, unknown> = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key]))
      previous[key] = clone(before[key] ?? null);
  }
  return previous;
}

export interface DeliverOptions {
  /** Sign with this secret instead of the endpoint's (to test a wrong secret). */
  secret?: string;
  /** Signature timestamp (to test an old one). */
  timestamp?: number;
  /** Post to this URL instead of the endpoints. */
  url?: string;
  /** Change the body after signing (to test a tampered body). */
  tamper?: boolean;
}

export class EventBus {
  private paused = false;
  private queue: StripeEvent[] = [];
  private flushing = false;
  private timers = new Set<NodeJS.Timeout>();
  /** Settles when every delivery started so far is done (tests wait on it). */
  private inFlight = new Set<Promise<unknown>>();

  private readonly state: StripeState;
  private readonly log: Logger;

  constructor(state: StripeState, log: Logger) {
    this.state = state;
    this.log = log;
    // Events recorded before a restart but never delivered go out again.
    for (const event of state.events) if (event.pending_webhooks > 0) this.queue.push(event);
  }

  /** Sends what a previous run left undelivered (call once the endpoints are configured). */
  start(): void {
    for (const event of this.queue) event.pending_webhooks = this.endpointsFor(event.type).length;
    this.queue = this.queue.filter((e) => e.pending_webhooks > 0);
    this.scheduleFlush();
  }

  emit(
    type: string,
    object: StripeObject,
    options: {
      previous?: Record<string, unknown>;
      created?: number;
      request?: { id: string | null; idempotency_key: string | null };
    } = {},
  ): StripeEvent {
    const endpoints = this.endpointsFor(type);
    const event: StripeEvent = {
      id: newId('evt'),
      object: 'event',
      api_version: API_VERSION,
      created: options.created ?? nowSeconds(),
      data: options.previous
        ? { object: clone(object), previous_attributes: options.previous }
        : { object: clone(object) },
      livemode: false,
      pending_webhooks: endpoints.length,
      request: options.request ?? { id: null, idempotency_key: null },
      type,
    };
    this.state.addEvent(event);
    this.log(`stripe: event ${type} ${object.id}`);
    if (endpoints.length > 0) {
      this.queue.push(event);
      this.scheduleFlush();
    }
    return event;
  }

  endpointsFor(type: string): WebhookEndpoint[] {
    return this.state.endpoints.filter(
      (e) => e.enabled_events.includes('*') || e.enabled_events.includes(type),
    );
  }

  isPaused(): boolean {
    return this.paused;
  }

  pause(): void {
    this.paused = true;
  }

  resume(): void {
    this.paused = false;
    this.scheduleFlush();
  }

  /** Resolves once nothing is being delivered or waiting for a retry (paused queues excepted). */
  async idle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  stop(): void {
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    this.inFlight.clear();
    this.paused = true;
  }

  private track<T>(promise: Promise<T>): Promise<T> {
    this.inFlight.add(promise);
    void promise.finally(() => this.inFlight.delete(promise));
    return promise;
  }

  private scheduleFlush(): void {
    if (this.flushing || this.paused) return;
    this.flushing = true;
    // After the current request answered, so the caller sees its response before the webhook.
    this.track(new Promise<void>((resolve) => setImmediate(resolve)).then(() => this.flush()));
  }

  /** First attempts go out one at a time in event order; retries run on their own timers. */
  private async flush(): Promise<void> {
    try {
      while (!this.paused && this.queue.length > 0) {
        const event = this.queue.shift() as StripeEvent;
        for (const endpoint of this.endpointsFor(event.type)) {
          const done = this.state.deliveries(event.id).find((d) => d.endpoint === endpoint.id);
          if (done?.delivered) continue;
          await this.attempt(event, endpoint, 0);
        }
      }
    } finally {
      this.flushing = false;
    }
  }

  private async attempt(event: StripeEvent, endpoint: WebhookEndpoint, retry: number): Promise<void> {
    const status = await this.post(event, endpoint.url, endpoint.secret);
    const deliveries = this.state.deliveries(event.id);
    let delivery = deliveries.find((d) => d.endpoint === endpoint.id);
    if (!delivery) {
      delivery = {
        endpoint: endpoint.id,
        attempts: 0,
        last_status: null,
        delivered: false,
        last_attempt_at: null,
      };
      deliveries.push(delivery);
    }
    delivery.attempts += 1;
    delivery.last_status = status;
    delivery.last_attempt_at = nowSeconds();
    if (status >= 200 && status < 300) {
      delivery.delivered = true;
      event.pending_webhooks = Math.max(0, event.pending_webhooks - 1);
    } else {
      const delay = this.state.settings.webhook_retry_delays_ms[retry];
      this.log(
        `stripe: webhook ${event.type} ${event.id} to ${endpoint.url} answered ${status || 'nothing'}${delay === undefined ? ', giving up' : `, retrying in ${delay} ms`}`,
      );
      if (delay !== undefined) {
        // Tracked, so that idle() also waits for the retries still to come.
        void this.track(
          new Promise<void>((resolve) => {
            const timer = setTimeout(() => {
              this.timers.delete(timer);
              if (this.paused) {
                this.queue.push(event);
                resolve();
              } else void this.attempt(event, endpoint, retry + 1).finally(resolve);
            }, delay);
            timer.unref();
            this.timers.add(timer);
          }),
        );
      }
    }
    this.state.save();
  }

  private async post(
    event: StripeEvent,
    url: string,
    secret: string,
    options: DeliverOptions = {},
  ): Promise<number> {
    const payload = JSON.stringify(event, null, 2);
    const signature = signPayload(payload, options.secret ?? secret, options.timestamp);
    const body = options.tamper ? payload.replace('"livemode": false', '"livemode": true') : payload;
    try {
      const res = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json; charset=utf-8',
          'user-agent': 'Stripe/1.0 (+https://stripe.com/docs/webhooks)',
          'stripe-signature': signature,
        },
        body,
        signal: AbortSignal.timeout(10_000),
      });
      await res.arrayBuffer();
      return res.status;
    } catch {
      return 0;
    }
  }

  /**
   * Sends one event again now (whether or not it was delivered), to every endpoint or to
   * `options.url`; answers the HTTP status per URL. Does not touch the delivery records.
   */
  async redeliver(
    event: StripeEvent,
    options: DeliverOptions = {},
  ): Promise<{ url: string; status: number }[]> {
    const targets = options.url
      ? [{ url: options.url, secret: options.secret ?? this.state.endpoints[0]?.secret ?? '' }]
      : this.state.endpoints.map((e) => ({ url: e.url, secret: e.secret }));
    return this.track(
      Promise.all(
        targets.map(async (t) => ({ url: t.url, status: await this.post(event, t.url, t.secret, options) })),
      ),
    );
  }

  deliveriesOf(event: StripeEvent): Delivery[] {
    return this.state.deliveries(event.id);
  }
}
