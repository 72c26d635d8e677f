// What the edge runtime does in front of a function, as plain Request -> Response so it runs in
// Deno (serve.ts) and in Node (router.spec.ts): route on the first path segment, check the JWT when
// the function wants it (never on OPTIONS), and answer with the runtime's own error bodies.
import { verifyHs256 } from './jwt.ts';

export type FunctionHandler = (req: Request, info?: unknown) => Response | Promise<Response>;

export interface LoadedFunction {
  slug: string;
  verifyJwt: boolean;
  handler?: FunctionHandler;
  /** Why the function could not be imported or never called Deno.serve. */
  bootError?: string;
}

export const HEALTH_PATH = '/_internal/health';

function json(body: unknown, status: number): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

/** The Supabase CLI's checks, with its messages: missing header, wrong scheme, bad token. */
async function rejectJwt(req: Request, key: CryptoKey): Promise<Response | null> {
  const header = req.headers.get('authorization');
  if (!header) return json({ msg: 'Error: Missing authorization header' }, 401);
  const [scheme, token] = header.split(' ');
  if (scheme !== 'Bearer') return json({ msg: "Error: Auth header is not 'Bearer {token}'" }, 401);
  if (!token || !(await verifyHs256(token, key))) return json({ msg: 'Invalid JWT' }, 401);
  return null;
}

export function createRouter(
  functions: Map<string, LoadedFunction>,
  jwtKey: CryptoKey,
  log: (line: string) => void,
) {
  return async function route(req: Request, info?: unknown): Promise<Response> {
    const { pathname } = new URL(req.url);
    if (pathname === HEALTH_PATH) return json({ message: 'ok', functions: [...functions.keys()] }, 200);

    const slug = pathname.split('/')[1] ?? '';
    const fn = functions.get(slug);
    // Hosted Supabase's answer for a name it does not know.
    if (!fn) return json({ code: 'NOT_FOUND', message: 'Requested function was not found' }, 404);

    if (req.method !== 'OPTIONS' && fn.verifyJwt) {
      const rejected = await rejectJwt(req, jwtKey);
      if (rejected) return rejected;
    }
    if (!fn.handler) {
      return json({ code: 'BOOT_ERROR', message: 'Worker failed to boot (please check logs)' }, 503);
    }
    try {
      const res = await fn.handler(req, info);
      if (!(res instanceof Response))
        throw new TypeError(`${slug} returned ${typeof res} instead of a Response`);
      return res;
    } catch (error) {
      log(`${slug}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      return json(
        { code: 'WORKER_ERROR', message: 'Function exited due to an error (please check logs)' },
        500,
      );
    }
  };
}
