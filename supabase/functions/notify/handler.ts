// notify: the outbox's dispatcher, run every minute by the scheduled jobs (and callable by tests).
// A tick plans deliveries from pending outbox messages, then sends due deliveries in batches (and
// plans more when none is due) until nothing is left or its time budget is spent. Each delivery
// succeeds or fails on its own, e-mail and SMS alike; the database keeps attempts, backoff and the
// last error, one round trip per batch each way. Only the service role may call it.
//   POST /notify [{ "batch_size": 1..500 }] -> 200 { planned, sent, retried, dead, skipped, batch_ms }
// (batch_ms: each batch's time from claim to finish, for the benchmark's p95).
import { apiError, internalError, methodNotAllowed, notAuthenticated } from '../_shared/api-error.ts';
import { preflight } from '../_shared/cors.ts';
import {
  messageAudience,
  renderEmail,
  renderSms,
  type Locale,
  type MessageContext,
} from '../_shared/domain/index.ts';
import { bearerToken, json } from '../_shared/http.ts';

export interface ClaimedDelivery {
  id: string;
  channel: 'in_app' | 'email' | 'sms';
  attempts: number;
  topic: string;
  recipient_id: string;
  email: string | null;
  /** E.164, or null: a person without one gets no SMS (skipped, not dead). */
  phone: string | null;
  full_name: string | null;
  locale: Locale;
  /** The recipient's own zone: instants are written in it. */
  time_zone: string | null;
  context: MessageContext;
}

export interface OutgoingEmail {
  to: { email: string; name?: string };
  subject: string;
  html: string;
  text: string;
  /** Brevo keeps one message per key: a retried send after a crash is not sent twice. */
  idempotencyKey: string;
  tags: string[];
}

export interface OutgoingSms {
  /** E.164. */
  to: string;
  text: string;
  /** UCS-2 when the text is not GSM-7 (Brevo's unicodeEnabled). */
  unicode: boolean;
  /**
   * Brevo's SMS API takes no key and sends twice what it is sent twice: index.ts sends the key as a
   * tag, and a retry first asks Brevo whether an SMS with that tag already went (`findSentSms`).
   */
  idempotencyKey: string;
  tags: string[];
}

/** A send that failed; `retryAfterSeconds` when the provider said when to come back (429). */
export class SendError extends Error {
  constructor(
    message: string,
    readonly retryAfterSeconds?: number,
    readonly permanent = false,
  ) {
    super(message);
  }
}

export type Outcome =
  | { sent: true; providerMessageId: string }
  | { sent: false; error: string; retryAfterSeconds?: number; permanent?: boolean }
  | { sent: false; skipped: true; error: string };

export interface NotifyDeps {
  /** The apps' addresses, for each message's link (none: no button). */
  appUrls?: { booking?: string; practitioner?: string };
  planDeliveries(limit: number): Promise<number>;
  claimDeliveries(limit: number): Promise<ClaimedDelivery[]>;
  /**
   * Records a batch's outcomes in one go; answers each delivery's new status (a delivery another
   * tick finished meanwhile is absent from the answer).
   */
  finishDeliveries(
    outcomes: { id: string; outcome: Outcome }[],
  ): Promise<Map<string, 'pending' | 'sent' | 'dead' | 'skipped'>>;
  sendEmail(email: OutgoingEmail): Promise<{ messageId: string }>;
  sendSms(sms: OutgoingSms): Promise<{ messageId: string }>;
  /**
   * Brevo's id of an SMS already sent under this key (an earlier attempt that crashed or timed out
   * after Brevo took it), or null. Throws when Brevo cannot say.
   */
  findSentSms(idempotencyKey: string): Promise<string | null>;
  /** The `role` claim of a JWT the runtime has already verified. */
  roleOf(jwt: string): string | null;
  now?: () => number;
  /** How long one tick may keep sending before it leaves the rest to the next one. */
  budgetMs?: number;
  batchSize?: number;
  /** Outbox messages planned per plan_deliveries call. */
  planSize?: number;
  log?: (line: string) => void;
}

/** A reminder planned for a start time the appointment no longer has (moved, or cancelled). */
function staleReminder(d: ClaimedDelivery): boolean {
  if (d.topic !== 'appointment.reminder') return false;
  const planned = Date.parse(d.context.reminded_starts_at ?? '');
  return d.context.status !== 'confirmed' || planned !== Date.parse(d.context.starts_at ?? '');
}

function failed(error: unknown): Outcome {
  if (error instanceof SendError) {
    return {
      sent: false,
      error: error.message,
      retryAfterSeconds: error.retryAfterSeconds,
      permanent: error.permanent,
    };
  }
  return { sent: false, error: error instanceof Error ? error.message : String(error) };
}

/** Renders with a renderer that may throw: a message that cannot be written now never will be. */
function render<T>(d: ClaimedDelivery, fn: () => T | null): T | null | Outcome {
  try {
    return fn();
  } catch (error) {
    return { sent: false, error: `cannot render ${d.topic}: ${String(error)}`, permanent: true };
  }
}

/** Where a message's button leads: the booking app for patients, the workspace for practitioners. */
export function linkFor(
  urls: NotifyDeps['appUrls'],
  audience: string,
  topic: string,
  context: MessageContext,
): string | undefined {
  const base = audience === 'patient' ? urls?.booking : urls?.practitioner;
  if (!base) return undefined;
  const root = base.replace(/\/+$/, '');
  // Home care: the offer's signed link (readable without sign-in), the patient's request page.
  if (topic === 'homecare.offer' && context.offer_token)
    return `${root}/home-care/offers/${context.offer_token}`;
  if (audience === 'patient' && topic.startsWith('homecare.') && context.request_id)
    return `${root}/home-care/${context.request_id}`;
  if (audience === 'patient' && context.appointment_id)
    return `${root}/appointments/${context.appointment_id}`;
  if (audience === 'patient' && topic.startsWith('payment.')) return `${root}/account/payments`;
  if (topic.startsWith('subscription.')) return `${root}/billing`;
  return `${root}/`;
}

const isOutcome = (x: unknown): x is Outcome => typeof x === 'object' && x !== null && 'sent' in x;

async function deliver(deps: NotifyDeps, d: ClaimedDelivery): Promise<Outcome> {
  if (staleReminder(d))
    return { sent: false, skipped: true, error: 'reminder of a time the appointment no longer has' };
  const audience = messageAudience(d.topic, d.recipient_id, d.context);
  const link = audience ? linkFor(deps.appUrls, audience, d.topic, d.context) : undefined;
  const context: MessageContext = {
    ...d.context,
    ...(d.time_zone && { recipient_time_zone: d.time_zone }),
    ...(link && { app_url: link }),
  };
  const idempotencyKey = `delivery-${d.id}`;

  if (d.channel === 'email') {
    const email = render(d, () => (audience ? renderEmail(d.topic, audience, d.locale, context) : null));
    if (isOutcome(email)) return email;
    if (!email) return { sent: false, error: `no e-mail for ${d.topic} to this recipient`, permanent: true };
    if (!d.email) return { sent: false, error: 'recipient has no e-mail address', permanent: true };
    try {
      const { messageId } = await deps.sendEmail({
        to: { email: d.email, ...(d.full_name && { name: d.full_name }) },
        ...email,
        idempotencyKey,
        tags: [d.topic],
      });
      return { sent: true, providerMessageId: messageId };
    } catch (error) {
      return failed(error);
    }
  }

  if (d.channel === 'sms') {
    // Nothing failed: the person has no number (or removed it since planning).
    if (!d.phone) return { sent: false, skipped: true, error: 'recipient has no phone number' };
    const sms = render(d, () => (audience ? renderSms(d.topic, audience, d.locale, context) : null));
    if (isOutcome(sms)) return sms;
    if (!sms) return { sent: false, error: `no SMS for ${d.topic} to this recipient`, permanent: true };
    try {
      // A retry: the last attempt may have reached Brevo before it failed or its tick died.
      if (d.attempts > 1) {
        const earlier = await deps.findSentSms(idempotencyKey);
        if (earlier !== null) return { sent: true, providerMessageId: earlier };
      }
      const { messageId } = await deps.sendSms({
        to: d.phone,
        text: sms.text,
        unicode: sms.encoding === 'ucs2',
        idempotencyKey,
        tags: [d.topic],
      });
      return { sent: true, providerMessageId: messageId };
    } catch (error) {
      return failed(error);
    }
  }

  // In-app notifications are written when the message is planned; none should reach here.
  return { sent: false, error: `channel ${d.channel} is not sent by notify`, permanent: true };
}

export function handler(deps: NotifyDeps): (req: Request) => Promise<Response> {
  const log = deps.log ?? console.error;
  const now = deps.now ?? Date.now;
  const budgetMs = deps.budgetMs ?? 40_000;
  const batchSize = deps.batchSize ?? 100;
  const planSize = deps.planSize ?? 500;

  return async (req) => {
    const early = preflight(req);
    if (early) return early;
    if (req.method !== 'POST') return methodNotAllowed(['POST']);
    const jwt = bearerToken(req);
    if (!jwt) return notAuthenticated();
    if (deps.roleOf(jwt) !== 'service_role') {
      return apiError(403, { code: 'forbidden', message: 'Only the scheduler may run notify.' });
    }
    let size = batchSize;
    const body = (await req.json().catch(() => null)) as { batch_size?: unknown } | null;
    const asked = body?.batch_size;
    if (asked !== undefined) {
      if (!Number.isInteger(asked) || (asked as number) < 1 || (asked as number) > 500) {
        return apiError(400, {
          code: 'invalid_input',
          message: 'batch_size is a whole number from 1 to 500.',
        });
      }
      size = asked as number;
    }
    try {
      const started = now();
      const batchMs: number[] = [];
      const counts = {
        planned: await deps.planDeliveries(planSize),
        sent: 0,
        retried: 0,
        dead: 0,
        skipped: 0,
      };
      while (now() - started < budgetMs) {
        const batchStarted = now();
        const batch = await deps.claimDeliveries(size);
        if (batch.length === 0) {
          // Nothing due: plan more (a backlog of outbox messages drains in one tick), else done.
          const more = await deps.planDeliveries(planSize);
          counts.planned += more;
          if (more === 0) break;
          continue;
        }
        // Sent side by side within a batch: one slow recipient does not hold the others.
        const outcomes = await Promise.all(batch.map((d) => deliver(deps, d)));
        const statuses = await deps.finishDeliveries(
          batch.map((d, i) => ({ id: d.id, outcome: outcomes[i]! })),
        );
        batchMs.push(Math.round(now() - batchStarted));
        // Brevo's rate limit is the account's: after a 429, the next tick goes on, not this one.
        const limited = outcomes.some(
          (o) => !o.sent && 'retryAfterSeconds' in o && o.retryAfterSeconds !== undefined,
        );
        for (const [i, outcome] of outcomes.entries()) {
          const delivery = batch[i]!;
          const status = statuses.get(delivery.id);
          if (status === 'sent') counts.sent++;
          else if (status === 'dead') counts.dead++;
          else if (status === 'skipped') counts.skipped++;
          else if (status === 'pending') counts.retried++;
          if (!outcome.sent)
            log(
              `notify: ${delivery.channel} delivery ${delivery.id} (${delivery.topic}) ${status ?? 'finished elsewhere'}: ${outcome.error}`,
            );
        }
        if (limited) break;
      }
      return json({ ...counts, batch_ms: batchMs });
    } catch (error) {
      return internalError(log, 'notify', error);
    }
  };
}
