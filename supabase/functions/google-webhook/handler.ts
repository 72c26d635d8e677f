// google-webhook: Google Calendar's push notifications (no project JWT: verify_jwt = false). A
// notification says only "this calendar changed"; we check it comes from a channel we opened
// (its id is known and its token matches, compared in constant time), then pull that calendar.
// Google retries a notification we fail, so failures answer 500 and unknown channels 404.
//   POST /google-webhook  (X-Goog-Channel-ID, X-Goog-Channel-Token, X-Goog-Resource-State)
import { apiError, internalError, methodNotAllowed } from '../_shared/api-error.ts';
import { json } from '../_shared/http.ts';

export interface WebhookDeps {
  channel(id: string): Promise<{ practitionerId: string; calendarId: string; token: string | null } | null>;
  /** Marks the calendar due and pulls it. */
  pull(practitionerId: string, calendarId: string): Promise<void>;
  log?: (line: string) => void;
}

export function sameSecret(a: string, b: string): boolean {
  const x = new TextEncoder().encode(a);
  const y = new TextEncoder().encode(b);
  let diff = x.length ^ y.length;
  for (let i = 0; i < Math.max(x.length, y.length); i++) diff |= (x[i] ?? 0) ^ (y[i] ?? 0);
  return diff === 0;
}

export function handler(deps: WebhookDeps): (req: Request) => Promise<Response> {
  const log = deps.log ?? console.error;
  return async (req) => {
    if (req.method !== 'POST') return methodNotAllowed(['POST']);
    await req.body?.cancel();
    const id = req.headers.get('x-goog-channel-id') ?? '';
    const token = req.headers.get('x-goog-channel-token') ?? '';
    const state = req.headers.get('x-goog-resource-state') ?? '';
    if (!id || id.length > 200)
      return apiError(400, { code: 'invalid_input', message: 'X-Goog-Channel-ID missing.' });
    try {
      const channel = await deps.channel(id);
      if (!channel) return apiError(404, { code: 'not_found', message: 'Unknown channel.' });
      if (!channel.token || !sameSecret(channel.token, token)) {
        return apiError(403, { code: 'forbidden', message: 'The channel token does not match.' });
      }
      if (state === 'sync') return json({ received: true, pulled: false });
      await deps.pull(channel.practitionerId, channel.calendarId);
      return json({ received: true, pulled: true });
    } catch (error) {
      return internalError(log, 'google-webhook', error);
    }
  };
}
