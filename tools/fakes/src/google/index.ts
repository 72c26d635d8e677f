// The Google fake: one module for every Google API Carebook calls, mounted at /google on the fakes
// server. Each Google host gets a path segment, so a client's base URL is the fakes URL plus it:
//   /google/places    -> places.googleapis.com (Places API (New)): places.ts
//   /google/oauth2    -> accounts.google.com / oauth2.googleapis.com (consent, token, revoke): oauth.ts
//   /calendar/v3      -> www.googleapis.com/calendar/v3, at the server's root because the SDK
//                        drops rootUrl's path (decision 0020): calendar.ts, `calendarApi` below
//   /google/_control  -> the tests' side door (call record, failure rules, what a person does in
//                        Google: create events, revoke access), no API key
import type { IncomingMessage, ServerResponse } from 'node:http';
import { BodyTooLargeError, readBody, sendJson } from '../http-util.ts';
import { GoogleBook, invalidGoogleRule, type GoogleRuleInput } from './control.ts';
import { sendGoogleError } from './errors.ts';
import { frenchGazetteer, type Gazetteer } from './gazetteer.ts';
import { createPlacesFake } from './places.ts';
import { CalendarStore } from './calendar-store.ts';
import { createCalendarFake } from './calendar.ts';
import { createOAuthFake } from './oauth.ts';
import { createCalendarControl } from './calendar-control.ts';

export const GOOGLE_PREFIX = '/google';
export const CALENDAR_PREFIX = '/calendar/v3';

type Handler = (req: IncomingMessage, res: ServerResponse, subPath: string) => Promise<void>;

export interface GoogleFakeOptions {
  /** The gazetteer to answer from; defaults to the French communes (loaded on first use). */
  gazetteer?: () => Gazetteer;
}

export function createGoogleFake(options: GoogleFakeOptions = {}) {
  const book = new GoogleBook();
  const store = new CalendarStore();
  const apis: Record<string, Handler> = {
    places: createPlacesFake(book, options.gazetteer ?? frenchGazetteer),
    oauth2: createOAuthFake(book, store),
    _control: createGoogleControl(book, createCalendarControl(store)),
  };
  /** Handles a request under /google; `subPath` is what follows it. */
  async function handle(req: IncomingMessage, res: ServerResponse, subPath: string): Promise<void> {
    const m = /^\/([^/]+)(\/.*)?$/.exec(subPath);
    const api = m ? apis[m[1]!] : undefined;
    if (!api) {
      sendGoogleError(
        res,
        404,
        `The Google fake serves ${Object.keys(apis)
          .map((a) => `/google/${a}`)
          .join(', ')}, not ${subPath}`,
      );
      return;
    }
    await api(req, res, m![2] ?? '/');
  }
  /** Calendar API v3, to mount at CALENDAR_PREFIX on the fakes server. */
  const calendarApi = createCalendarFake(book, store);
  return { handle, book, store, calendarApi };
}

async function readJson(req: IncomingMessage): Promise<{ value: unknown } | { error: string }> {
  try {
    const raw = await readBody(req);
    return { value: raw.trim() === '' ? undefined : (JSON.parse(raw) as unknown) };
  } catch (error) {
    return { error: error instanceof BodyTooLargeError ? error.message : 'the body is not JSON' };
  }
}

/**
 * `GET /` rules and call count; `GET /calls?api=&operation=&<param>=` (e.g. `input=lyon`);
 * `POST /rules` one rule or an array (201 with ids); `DELETE /rules/:id`; `DELETE /` forgets all.
 */
function createGoogleControl(book: GoogleBook, calendarControl: Handler): Handler {
  return async (req, res, subPath) => {
    const url = new URL(req.url ?? '/', 'http://control.local');
    const path = subPath.replace(/\/+$/, '') || '/';
    const method = req.method ?? 'GET';
    if (path === '/' && method === 'GET')
      return sendJson(res, 200, { rules: book.list(), calls: book.listCalls().length });
    if (path.startsWith('/calendar/')) return calendarControl(req, res, path.slice('/calendar'.length));
    if (path === '/' && method === 'DELETE') {
      book.reset();
      return sendJson(res, 200, { reset: true });
    }
    if (path === '/rules' && method === 'POST') {
      const body = await readJson(req);
      if ('error' in body) return sendJson(res, 400, { code: 'invalid_rule', message: body.error });
      const inputs = Array.isArray(body.value) ? body.value : [body.value];
      for (const input of inputs) {
        const why = invalidGoogleRule(input);
        if (why) return sendJson(res, 400, { code: 'invalid_rule', message: why });
      }
      return sendJson(res, 201, { rules: inputs.map((input) => book.add(input as GoogleRuleInput)) });
    }
    const one = /^\/rules\/([^/]+)$/.exec(path);
    if (one && method === 'DELETE') {
      const removed = book.remove(decodeURIComponent(one[1]!));
      return sendJson(res, removed ? 200 : 404, { removed });
    }
    if (path === '/calls' && method === 'GET') {
      const { api, operation, ...params } = Object.fromEntries(url.searchParams);
      return sendJson(res, 200, {
        calls: book.listCalls({ ...(api && { api }), ...(operation && { operation }), params }),
      });
    }
    return sendJson(res, 404, { code: 'not_found', message: `No control route ${method} ${path}` });
  };
}
