// Wiring only: the logic and its tests are in handler.ts. The database side runs as the service
// role (deliveries are nobody's to read but staff's); e-mails and SMS go out through the official
// Brevo SDK with its own retries off, since the deliveries table owns retries.
import { BrevoClient } from 'npm:@getbrevo/brevo@6.0.3';
import { roleOf } from '../_shared/service-caller.ts';
import { requireEnv, serviceClient } from '../_shared/supabase.ts';
import { handler, SendError, type ClaimedDelivery } from './handler.ts';

const db = serviceClient();
const brevo = new BrevoClient({
  apiKey: requireEnv('BREVO_API_KEY'),
  ...(Deno.env.get('BREVO_API_URL') && { baseUrl: Deno.env.get('BREVO_API_URL') }),
  maxRetries: 0,
  timeoutInSeconds: 15,
});
const sender = {
  email: requireEnv('BREVO_SENDER_EMAIL'),
  name: Deno.env.get('BREVO_SENDER_NAME') ?? 'Carebook',
};
// An alphanumeric SMS sender: at most 11 letters and digits (Brevo's rule).
const smsSender = Deno.env.get('BREVO_SMS_SENDER') ?? 'Carebook';

/**
 * Brevo's 429 says when its window resets (x-sib-ratelimit-reset, seconds): the retry waits exactly
 * that (at least a second). 5xx, 408 and timeouts (no status) are retried with backoff; other 4xx
 * are the message's own fault and never improve: dead at once.
 */
function sendErrorOf(error: unknown): SendError {
  const e = error as { statusCode?: number; message?: string; rawResponse?: { headers?: Headers } };
  const status = e.statusCode ?? 0;
  const reset = Number(e.rawResponse?.headers?.get?.('x-sib-ratelimit-reset') ?? Number.NaN);
  const message = `Brevo ${status || 'unreachable'}: ${String(e.message ?? error).slice(0, 300)}`;
  if (status === 429)
    return new SendError(message, Number.isFinite(reset) && reset >= 0 ? Math.max(1, Math.ceil(reset)) : 60);
  return new SendError(message, undefined, status >= 400 && status < 500 && status !== 408);
}

type Status = 'pending' | 'sent' | 'dead' | 'skipped';

/** The tag an SMS carries its delivery's key in (Brevo's SMS API has no idempotency key). */
const smsKeyTag = (key: string) => `Idempotency-Key:${key}`;

Deno.serve(
  handler({
    async planDeliveries(limit) {
      const { data, error } = await db.rpc('plan_deliveries', { p_limit: limit });
      if (error) throw new Error(`plan_deliveries: ${error.message}`);
      return data as number;
    },
    async claimDeliveries(limit) {
      const { data, error } = await db.rpc('claim_deliveries', { p_limit: limit });
      if (error) throw new Error(`claim_deliveries: ${error.message}`);
      return data as ClaimedDelivery[];
    },
    async finishDeliveries(outcomes) {
      const { data, error } = await db.rpc('finish_deliveries', {
        p_outcomes: outcomes.map(({ id, outcome }) =>
          outcome.sent
            ? { id, sent: true, provider_message_id: outcome.providerMessageId }
            : 'skipped' in outcome
              ? { id, sent: false, skipped: true, error: outcome.error }
              : {
                  id,
                  sent: false,
                  error: outcome.error,
                  retry_after_seconds: outcome.retryAfterSeconds ?? null,
                  // A message that can never go (no address, refused content) is dead at once.
                  permanent: outcome.permanent ?? false,
                },
        ),
      });
      if (error) throw new Error(`finish_deliveries: ${error.message}`);
      return new Map((data as { id: string; status: Status }[]).map((r) => [r.id, r.status]));
    },
    async sendEmail(email) {
      try {
        const sent = await brevo.transactionalEmails.sendTransacEmail({
          sender,
          to: [email.to],
          subject: email.subject,
          htmlContent: email.html,
          textContent: email.text,
          tags: email.tags,
          headers: { 'Idempotency-Key': email.idempotencyKey },
        });
        return { messageId: sent.messageId ?? '' };
      } catch (error) {
        throw sendErrorOf(error);
      }
    },
    async sendSms(sms) {
      try {
        const sent = await brevo.transactionalSms.sendAsyncTransactionalSms({
          sender: smsSender,
          recipient: sms.to,
          content: sms.text,
          type: 'transactional',
          unicodeEnabled: sms.unicode,
          tag: [...sms.tags, smsKeyTag(sms.idempotencyKey)],
        });
        return { messageId: String(sent.messageId ?? '') };
      } catch (error) {
        throw sendErrorOf(error);
      }
    },
    async findSentSms(idempotencyKey) {
      try {
        // Tags filter as a JSON array; retries come within days, the last week covers them all.
        const found = await brevo.transactionalSms.getSmsEvents({
          tags: JSON.stringify([smsKeyTag(idempotencyKey)]),
          days: 7,
          limit: 10,
        });
        const taken = (found.events ?? []).find((e) => e.messageId && e.event !== 'rejected' && e.event !== 'blocked');
        return taken?.messageId ? String(taken.messageId) : null;
      } catch (error) {
        // Not knowing is never the message's fault: retry later, never dead.
        const unknown = sendErrorOf(error);
        throw new SendError(`SMS lookup: ${unknown.message}`, unknown.retryAfterSeconds);
      }
    },
    roleOf,
    appUrls: {
      booking: Deno.env.get('BOOKING_APP_URL'),
      practitioner: Deno.env.get('PRACTITIONER_APP_URL'),
    },
  }),
);
