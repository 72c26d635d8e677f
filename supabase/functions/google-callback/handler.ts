// google-callback: where Google's consent screen sends the practitioner back (a browser
// redirect: no project JWT, verify_jwt = false). The one-time `state` names the practitioner and
// holds the PKCE verifier; without a valid one nothing happens. The code becomes tokens, the
// refresh token is stored encrypted with the account's calendars, the first pull runs, and the
// practitioner lands on the Integrations page with `?google=connected|denied|expired|failed`.
//   GET /google-callback?code=&state=  (or ?error=access_denied&state=) -> 303 to the app
export interface CallbackDeps {
  /** The practitioner and PKCE verifier of a state, consumed; null when unknown or expired. */
  takeState(state: string): Promise<{ practitionerId: string; verifier: string } | null>;
  /** Exchanges the code; answers the refresh token (null when Google sent none) and an access token. */
  exchange(code: string, verifier: string): Promise<{ refreshToken: string | null; accessToken: string }>;
  /** Stores the connection with the account's calendars. */
  connect(practitionerId: string, tokens: { refreshToken: string; accessToken: string }): Promise<void>;
  /** First push channels and pull; a failure here is retried by the job, not shown as one. */
  firstSync(practitionerId: string): Promise<void>;
  appUrl: string;
  log?: (line: string) => void;
}

export function handler(deps: CallbackDeps): (req: Request) => Promise<Response> {
  const log = deps.log ?? console.error;
  const back = (outcome: string) =>
    new Response(null, {
      status: 303,
      headers: { Location: `${deps.appUrl.replace(/\/+$/, '')}/integrations?google=${outcome}` },
    });
  return async (req) => {
    if (req.method !== 'GET') return new Response('Use GET', { status: 405, headers: { Allow: 'GET' } });
    const q = new URL(req.url).searchParams;
    const state = q.get('state');
    if (!state || state.length < 32 || state.length > 200) return back('expired');
    try {
      const taken = await deps.takeState(state);
      if (!taken) return back('expired');
      if (q.get('error')) return back('denied');
      const code = q.get('code');
      if (!code) return back('failed');
      const tokens = await deps.exchange(code, taken.verifier);
      if (!tokens.refreshToken) {
        log('google-callback: Google sent no refresh token');
        return back('failed');
      }
      await deps.connect(taken.practitionerId, {
        refreshToken: tokens.refreshToken,
        accessToken: tokens.accessToken,
      });
      await deps
        .firstSync(taken.practitionerId)
        .catch((e) => log(`google-callback: first sync: ${String(e)}`));
      return back('connected');
    } catch (error) {
      log(`google-callback: ${error instanceof Error ? error.message : String(error)}`);
      return back('failed');
    }
  };
}
