// Wiring only: the logic and its tests are in handler.ts. The database side runs as the service
// role (deliveries are nobody's to read but staff's); e-mails go out through the official Brevo
// SDK with its own retries off, since the deliveries table owns retries.
import { BrevoClient } from 'npm:@getbrevo/brevo@6.0.3';
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

/** Brevo's 429 says when its window resets (seconds); other 4xx are the message's own fault. */
function sendErrorOf(error: unknown): SendError {
  const e = error as { statusCode?: number; message?: string; rawResponse?: { headers?: Headers } };
  const status = e.statusCode ?? 0;
  const reset = Number(e.rawResponse?.headers?.get?.('x-sib-ratelimit-reset'));
  const message = `Brevo ${status || 'unreachable'}: ${String(e.message ?? error).slice(0, 300)}`;
  if (status === 429)
    return new SendError(message, Number.isFinite(reset) && reset > 0 ? Math.ceil(reset) : 60);
  return new SendError(message, undefined, status >= 400 && status < 500 && status !== 408);
}

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
    async finishDelivery(id, outcome) {
      if ('skipped' in outcome) {
        const skipped = await db.rpc('skip_delivery', { p_id: id, p_reason: outcome.error });
        if (skipped.error) throw new Error(`skip_delivery: ${skipped.error.message}`);
        return 'skipped';
      }
      const { data, error } = await db.rpc('finish_delivery', {
        p_id: id,
        p_sent: outcome.sent,
        ...(outcome.sent
          ? { p_provider_message_id: outcome.providerMessageId }
          : {
              p_error: outcome.error,
              ...(outcome.retryAfterSeconds !== undefined && {
                p_retry_after_seconds: outcome.retryAfterSeconds,
              }),
              // A message that can never go (no address, refused content) is dead at once.
              ...(outcome.permanent && { p_max_attempts: 0 }),
            }),
      });
      if (error) throw new Error(`finish_delivery: ${error.message}`);
      return data as 'pending' | 'sent' | 'dead';
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
    roleOf(jwt) {
      try {
        const payload = JSON.parse(atob(jwt.split('.')[1]!.replace(/-/g, '+').replace(/_/g, '/')));
        return typeof payload.role === 'string' ? payload.role : null;
      } catch {
        return null;
      }
    },
  }),
);
