// notify: the outbox's dispatcher, run every minute by the scheduled jobs (and callable by tests).
// A tick plans deliveries from pending outbox messages, then sends due deliveries in batches until
// none is due or its time budget is spent. Each delivery succeeds or fails on its own; the
// database keeps attempts, backoff and the last error. Only the service role may call it.
//   POST /notify -> 200 { planned, sent, retried, dead, skipped }
import { apiError, internalError, methodNotAllowed, notAuthenticated } from '../_shared/api-error.ts';
import { preflight } from '../_shared/cors.ts';
import { renderEmail, type Audience, type Locale, type MessageContext } from '../_shared/domain/index.ts';
import { bearerToken, json } from '../_shared/http.ts';

export interface ClaimedDelivery {
  id: string;
  channel: 'in_app' | 'email' | 'sms';
  attempts: number;
  topic: string;
  recipient_id: string;
  email: string | null;
  full_name: string | null;
  locale: Locale;
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
  planDeliveries(limit: number): Promise<number>;
  claimDeliveries(limit: number): Promise<ClaimedDelivery[]>;
  /** Records the outcome; answers the delivery's new status. */
  finishDelivery(id: string, outcome: Outcome): Promise<'pending' | 'sent' | 'dead' | 'skipped'>;
  sendEmail(email: OutgoingEmail): Promise<{ messageId: string }>;
  /** The `role` claim of a JWT the runtime has already verified. */
  roleOf(jwt: string): string | null;
  now?: () => number;
  /** How long one tick may keep sending before it leaves the rest to the next one. */
  budgetMs?: number;
  batchSize?: number;
  log?: (line: string) => void;
}

function audienceOf(d: ClaimedDelivery): Audience | null {
  if (d.recipient_id === d.context.patient_id) return 'patient';
  if (d.recipient_id === d.context.practitioner_id) return 'practitioner';
  return null;
}

/** A reminder planned for a start time the appointment no longer has (moved, or cancelled). */
function staleReminder(d: ClaimedDelivery): boolean {
  if (d.topic !== 'appointment.reminder') return false;
  const planned = Date.parse(d.context.reminded_starts_at ?? '');
  return d.context.status !== 'confirmed' || planned !== Date.parse(d.context.starts_at ?? '');
}

async function deliver(deps: NotifyDeps, d: ClaimedDelivery): Promise<Outcome> {
  if (staleReminder(d))
    return { sent: false, skipped: true, error: 'reminder of a time the appointment no longer has' };
  if (d.channel !== 'email')
    return { sent: false, error: `channel ${d.channel} has no sender yet`, permanent: true };
  const audience = audienceOf(d);
  let email;
  try {
    email = audience ? renderEmail(d.topic, audience, d.locale, d.context) : null;
  } catch (error) {
    // A message that cannot be written now never will be: dead, with why, for staff to see.
    return { sent: false, error: `cannot render ${d.topic}: ${String(error)}`, permanent: true };
  }
  if (!email) return { sent: false, error: `no e-mail for ${d.topic} to this recipient`, permanent: true };
  if (!d.email) return { sent: false, error: 'recipient has no e-mail address', permanent: true };
  try {
    const { messageId } = await deps.sendEmail({
      to: { email: d.email, ...(d.full_name && { name: d.full_name }) },
      ...email,
      idempotencyKey: `delivery-${d.id}`,
      tags: [d.topic],
    });
    return { sent: true, providerMessageId: messageId };
  } catch (error) {
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
}

export function handler(deps: NotifyDeps): (req: Request) => Promise<Response> {
  const log = deps.log ?? console.error;
  const now = deps.now ?? Date.now;
  const budgetMs = deps.budgetMs ?? 40_000;
  const batchSize = deps.batchSize ?? 50;

  return async (req) => {
    const early = preflight(req);
    if (early) return early;
    if (req.method !== 'POST') return methodNotAllowed(['POST']);
    const jwt = bearerToken(req);
    if (!jwt) return notAuthenticated();
    if (deps.roleOf(jwt) !== 'service_role') {
      return apiError(403, { code: 'forbidden', message: 'Only the scheduler may run notify.' });
    }
    try {
      const started = now();
      const planned = await deps.planDeliveries(500);
      const counts = { planned, sent: 0, retried: 0, dead: 0, skipped: 0 };
      while (now() - started < budgetMs) {
        const batch = await deps.claimDeliveries(batchSize);
        if (batch.length === 0) break;
        // Sent side by side within a batch: one slow recipient does not hold the others.
        const outcomes = await Promise.all(batch.map((d) => deliver(deps, d)));
        for (const [i, outcome] of outcomes.entries()) {
          const delivery = batch[i]!;
          const status = await deps.finishDelivery(delivery.id, outcome);
          if (status === 'sent') counts.sent++;
          else if (status === 'dead') counts.dead++;
          else if (status === 'skipped') counts.skipped++;
          else counts.retried++;
          if (!outcome.sent)
            log(`notify: delivery ${delivery.id} (${delivery.topic}) ${status}: ${outcome.error}`);
        }
      }
      return json(counts);
    } catch (error) {
      return internalError(log, 'notify', error);
    }
  };
}
