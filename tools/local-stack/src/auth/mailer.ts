// Sends auth e-mails through Brevo's transactional API. Locally the Brevo fake receives them and
// shows them in the inbox, like the Supabase CLI's mail catcher.
import type { AuthSettings } from './settings.ts';

export interface OutgoingMail {
  to: string;
  subject: string;
  html: string;
  text: string;
  /** What the mail is for (signup, recovery...), kept as a Brevo tag. */
  tag: string;
}

export interface Mailer {
  /** Resolves once the provider accepted the message; rejects otherwise. */
  send(mail: OutgoingMail): Promise<void>;
}

export function createBrevoMailer(config: AuthSettings['mail'], fetchImpl: typeof fetch = fetch): Mailer {
  return {
    async send(mail) {
      const response = await fetchImpl(config.endpoint, {
        method: 'POST',
        headers: { 'api-key': config.apiKey, 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({
          sender: { name: config.senderName, email: config.senderEmail },
          to: [{ email: mail.to }],
          subject: mail.subject,
          htmlContent: mail.html,
          textContent: mail.text,
          tags: ['auth', mail.tag],
        }),
        signal: AbortSignal.timeout(5000),
      });
      if (!response.ok) {
        const detail = await response.text().catch(() => '');
        throw new Error(`Brevo answered ${response.status}: ${detail.slice(0, 200)}`);
      }
    },
  };
}
