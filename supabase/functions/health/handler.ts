// health: whether this deployment's functions and database answer, for uptime monitors and the
// smoke test after a deploy. It reads nothing about anyone: the database check is one anonymous
// read of reference data through the API, bounded by a timeout so a hung database still gets an
// answer. verify_jwt stays on (supabase/config.toml): callers send the anon key.
//   GET|HEAD /health -> 200 { ok: true, time, database: 'ok' }
//                    -> 503 { ok: false, time, database: 'unreachable', error: { code, message } }
import { apiError, methodNotAllowed } from '../_shared/api-error.ts';
import { preflight } from '../_shared/cors.ts';
import { json } from '../_shared/http.ts';

/** Long enough for a busy database, short enough for a monitor's own timeout (often 10 s). */
export const DATABASE_TIMEOUT_MS = 3000;

export interface HealthDeps {
  /** Resolves when the database answered a query through the API; `signal` aborts it. */
  pingDatabase(signal: AbortSignal): Promise<void>;
  now?: () => Date;
  timeoutMs?: number;
  log?: (line: string) => void;
}

// A status must never come from a cache: it would report a database that has since gone down.
const noStore = { 'Cache-Control': 'no-store' };

export function handler(deps: HealthDeps): (req: Request) => Promise<Response> {
  const log = deps.log ?? console.error;
  const timeoutMs = deps.timeoutMs ?? DATABASE_TIMEOUT_MS;

  /** Whether the database answered within the timeout; why not goes to the log only. */
  async function databaseAnswers(): Promise<boolean> {
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timedOut = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), timeoutMs);
    });
    try {
      const outcome = await Promise.race([
        deps.pingDatabase(controller.signal).then(() => 'ok' as const),
        timedOut,
      ]);
      if (outcome === 'ok') return true;
      controller.abort();
      log(`health: the database did not answer within ${timeoutMs} ms`);
      return false;
    } catch (error) {
      log(`health: the database did not answer: ${error instanceof Error ? error.message : String(error)}`);
      return false;
    } finally {
      clearTimeout(timer);
    }
  }

  return async (req) => {
    const early = preflight(req);
    if (early) return early;
    if (req.method !== 'GET' && req.method !== 'HEAD') return methodNotAllowed(['GET', 'HEAD']);
    const up = await databaseAnswers();
    const time = (deps.now?.() ?? new Date()).toISOString();
    if (up) return json({ ok: true, time, database: 'ok' }, 200, noStore);
    return apiError(
      503,
      { code: 'database_unreachable', message: 'The database did not answer; try again shortly.' },
      { headers: noStore, extra: { ok: false, time, database: 'unreachable' } },
    );
  };
}
