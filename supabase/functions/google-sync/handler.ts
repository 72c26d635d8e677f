// google-sync: the Google Calendar job (every minute, and every 15 minutes with `periodic`, from
// pg_cron or the local scheduler) and the practitioner's "sync now". In order: queued pushes
// (confirmed, moved, cancelled appointments), push channels to open or renew, calendars to pull
// (due ones; every chosen one when periodic: the fallback when push notifications get lost).
//   POST /google-sync { periodic?: boolean }  service role -> 200 counts
//   POST /google-sync                          a practitioner -> 200 counts (their calendars, now)
import { apiError, internalError, methodNotAllowed, notAuthenticated } from '../_shared/api-error.ts';
import { preflight } from '../_shared/cors.ts';
import { bearerToken, json } from '../_shared/http.ts';
import type { SyncCounts } from '../_shared/google-calendar-sync.ts';

export interface SyncDeps {
  roleOf(jwt: string): string | null;
  practitionerOf(jwt: string): Promise<string | null>;
  /** Marks every calendar of the practitioner due now. */
  markDue(practitionerId: string): Promise<void>;
  run(options: { all?: boolean; practitionerId?: string }): Promise<SyncCounts>;
  log?: (line: string) => void;
}

export function handler(deps: SyncDeps): (req: Request) => Promise<Response> {
  const log = deps.log ?? console.error;
  return async (req) => {
    const early = preflight(req);
    if (early) return early;
    if (req.method !== 'POST') return methodNotAllowed(['POST']);
    const jwt = bearerToken(req);
    if (!jwt) return notAuthenticated();
    let body: { periodic?: unknown } = {};
    try {
      const raw = await req.text();
      body = raw.trim() ? (JSON.parse(raw) as typeof body) : {};
    } catch {
      return apiError(400, { code: 'invalid_json', message: 'Send {} or { "periodic": true }.' });
    }
    try {
      if (deps.roleOf(jwt) === 'service_role') {
        return json(await deps.run({ all: body.periodic === true }));
      }
      const me = await deps.practitionerOf(jwt);
      if (!me) return apiError(403, { code: 'forbidden', message: 'Only practitioners sync a calendar.' });
      await deps.markDue(me);
      return json(await deps.run({ practitionerId: me }));
    } catch (error) {
      return internalError(log, 'google-sync', error);
    }
  };
}
