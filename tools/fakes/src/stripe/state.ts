// Everything the Stripe fake knows, in memory and in one JSON file (written atomically after each
// change) so that a restart of the stack keeps customers, subscriptions and events.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { noSuch } from './errors.ts';

export type StripeObject = { id: string; object: string; [key: string]: unknown };

export interface StripeEvent extends StripeObject {
  object: 'event';
  type: string;
  created: number;
  data: { object: StripeObject; previous_attributes?: Record<string, unknown> };
  pending_webhooks: number;
}

export interface WebhookEndpoint {
  id: string;
  url: string;
  secret: string;
  /** `*` or event types. */
  enabled_events: string[];
}

export interface Delivery {
  endpoint: string;
  attempts: number;
  /** HTTP status of the last attempt, 0 when the request itself failed. */
  last_status: number | null;
  delivered: boolean;
  /** Seconds since the epoch of the last attempt. */
  last_attempt_at: number | null;
}

export interface Settings {
  /** What a subscription becomes once every retry of a renewal failed (Stripe's billing setting). */
  after_retries: 'cancel' | 'unpaid';
  /** Retries of a failed renewal, in days after the first failure. */
  retry_days: number[];
  /** How long a refund stays `pending` before it succeeds on its own. */
  refund_settle_seconds: number;
  /** What a pending refund becomes when it settles on its own. */
  refund_outcome: 'succeeded' | 'failed';
  /** Delays before the retries of a webhook that did not answer 2xx. */
  webhook_retry_delays_ms: number[];
}

export const DEFAULT_SETTINGS: Settings = {
  after_retries: 'cancel',
  retry_days: [3, 5, 7],
  refund_settle_seconds: 5,
  refund_outcome: 'succeeded',
  webhook_retry_delays_ms: [1000, 5000, 15000],
};

export interface IdempotentAnswer {
  method: string;
  path: string;
  params: string;
  status: number;
  body: unknown;
}

interface Persisted {
  objects: Record<string, StripeObject>;
  events: StripeEvent[];
  deliveries: Record<string, Delivery[]>;
  idempotency: Record<string, IdempotentAnswer>;
  settings: Settings;
  /** Facts Stripe keeps to itself: card numbers behind payment methods, one-off markers. */
  hidden: Record<string, Record<string, unknown>>;
}

const ID_ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

export function newId(prefix: string, length = 24): string {
  const bytes = randomBytes(length);
  let id = '';
  for (const b of bytes) id += ID_ALPHABET[b % ID_ALPHABET.length];
  return `${prefix}_${id}`;
}

export function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}

export class StripeState {
  private data: Persisted;
  private pending: NodeJS.Timeout | null = null;
  readonly file: string | null;
  /**
   * Not persisted: the stack configures its endpoint at each start (so a changed secret takes
   * effect) and tests register theirs; events still pending after a restart go to these.
   */
  readonly endpoints: WebhookEndpoint[] = [];

  constructor(file: string | null) {
    this.file = file;
    this.data = {
      objects: {},
      events: [],
      deliveries: {},
      idempotency: {},
      settings: { ...DEFAULT_SETTINGS },
      hidden: {},
    };
    if (file && existsSync(file)) {
      const loaded = JSON.parse(readFileSync(file, 'utf8')) as Partial<Persisted>;
      this.data = { ...this.data, ...loaded, settings: { ...DEFAULT_SETTINGS, ...loaded.settings } };
    }
  }

  /**
   * Writes soon: changes within 100 ms share one write, so a burst of requests does not rewrite a
   * large file each time. flush() writes now (on stop).
   */
  save(): void {
    if (!this.file || this.pending) return;
    this.pending = setTimeout(() => this.flush(), 100);
    this.pending.unref();
  }

  flush(): void {
    if (this.pending) clearTimeout(this.pending);
    this.pending = null;
    if (!this.file) return;
    mkdirSync(path.dirname(this.file), { recursive: true });
    const tmp = `${this.file}.tmp`;
    writeFileSync(tmp, JSON.stringify(this.data));
    renameSync(tmp, this.file);
  }

  reset(): void {
    this.data = {
      objects: {},
      events: [],
      deliveries: {},
      idempotency: {},
      settings: { ...DEFAULT_SETTINGS },
      hidden: {},
    };
    this.flush();
  }

  get settings(): Settings {
    return this.data.settings;
  }

  set settings(value: Settings) {
    this.data.settings = value;
  }

  put(object: StripeObject): StripeObject {
    this.data.objects[object.id] = object;
    return object;
  }

  find(id: string, object?: string): StripeObject | undefined {
    const found = this.data.objects[id];
    return found && (!object || found.object === object) ? found : undefined;
  }

  /** The object, or Stripe's 404 (`kind` is the id prefix naming the resource in the message). */
  get(id: string, object: string, kind = id.split('_')[0] ?? object): StripeObject {
    const found = this.find(id, object);
    if (!found) throw noSuch(kind, id);
    return found;
  }

  all(object: string): StripeObject[] {
    return Object.values(this.data.objects).filter((o) => o.object === object);
  }

  hidden(id: string): Record<string, unknown> {
    return (this.data.hidden[id] ??= {});
  }

  // --- events and their deliveries

  addEvent(event: StripeEvent): void {
    this.data.events.push(event);
  }

  get events(): StripeEvent[] {
    return this.data.events;
  }

  event(id: string): StripeEvent | undefined {
    return this.data.events.find((e) => e.id === id);
  }

  deliveries(eventId: string): Delivery[] {
    return (this.data.deliveries[eventId] ??= []);
  }

  // --- idempotency

  idempotent(scope: string): IdempotentAnswer | undefined {
    return this.data.idempotency[scope];
  }

  remember(scope: string, answer: IdempotentAnswer): void {
    this.data.idempotency[scope] = answer;
  }
}
