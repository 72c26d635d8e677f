// google-connect: a practitioner starts or ends their Google Calendar connection.
//   POST /google-connect            -> 200 { url }  the Google consent page (offline access, PKCE,
//                                      a one-time `state` kept 15 minutes: the CSRF check)
//   POST /google-connect/disconnect -> 200 { disconnected: true }  revokes the token at Google, stops
//                                      the push channels, deletes the connection and its busy times
// Signed-in practitioners only (verify_jwt = true; the database says who is a practitioner).
import { apiError, internalError, methodNotAllowed, notAuthenticated } from '../_shared/api-error.ts';
import { preflight } from '../_shared/cors.ts';
import { bearerToken, json } from '../_shared/http.ts';

export interface ConnectDeps {
  /** The caller's practitioner id, or null when the JWT is not a practitioner's. */
  practitionerOf(jwt: string): Promise<string | null>;
  saveState(practitionerId: string, state: string, verifier: string): Promise<void>;
  authUrl(state: string, challenge: string): string;
  /** Deletes the connection; answers the refresh token and channels to close (null when none). */
  forget(
    practitionerId: string,
  ): Promise<{ refreshToken: string | null; channels: { id: string; resource_id: string }[] } | null>;
  revoke(refreshToken: string): Promise<void>;
  stopChannel(refreshToken: string, channel: { id: string; resource_id: string }): Promise<void>;
  log?: (line: string) => void;
}

const base64url = (bytes: Uint8Array) =>
  btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');

/** PKCE (RFC 7636): a 43-character verifier and its S256 challenge. */
export async function pkcePair(): Promise<{ verifier: string; challenge: string }> {
  const verifier = base64url(crypto.getRandomValues(new Uint8Array(32)));
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
  return { verifier, challenge: base64url(digest) };
}

export function handler(deps: ConnectDeps): (req: Request) => Promise<Response> {
  const log = deps.log ?? console.error;
  return async (req) => {
    const early = preflight(req);
    if (early) return early;
    if (req.method !== 'POST') return methodNotAllowed(['POST']);
    const jwt = bearerToken(req);
    if (!jwt) return notAuthenticated();
    const route = new URL(req.url).pathname.replace(/\/+$/, '').split('/').pop();
    try {
      const me = await deps.practitionerOf(jwt);
      if (!me) return apiError(403, { code: 'forbidden', message: 'Only practitioners connect a calendar.' });
      if (route === 'disconnect') {
        const gone = await deps.forget(me);
        if (!gone) return apiError(404, { code: 'not_found', message: 'No Google Calendar is connected.' });
        if (gone.refreshToken) {
          const token = gone.refreshToken;
          for (const channel of gone.channels)
            await deps
              .stopChannel(token, channel)
              .catch((e) => log(`google-connect: stop channel: ${String(e)}`));
          // Already revoked by the person in Google is fine: the link is gone either way.
          await deps.revoke(token).catch((e) => log(`google-connect: revoke: ${String(e)}`));
        }
        return json({ disconnected: true });
      }
      const state = base64url(crypto.getRandomValues(new Uint8Array(32)));
      const { verifier, challenge } = await pkcePair();
      await deps.saveState(me, state, verifier);
      return json({ url: deps.authUrl(state, challenge) });
    } catch (error) {
      return internalError(log, 'google-connect', error);
    }
  };
}
