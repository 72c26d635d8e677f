// What a person does inside Google, driven by tests over HTTP (under /google/_control/calendar):
// make, move and delete events (push notifications follow, as they would), revoke Carebook's
// access, make sync tokens stale, turn push delivery off, and read what Google holds.
//   PUT    /accounts/:email                                   the account (made with its calendars)
//   GET    /accounts/:email                                   calendars with every event (deleted too)
//   POST   /accounts/:email/calendars/:id/events               one event or an array (ids optional)
//   PATCH  /accounts/:email/calendars/:id/events/:eventId      change fields
//   DELETE /accounts/:email/calendars/:id/events/:eventId      delete (status cancelled)
//   POST   /accounts/:email/calendars/:id/expire-sync-tokens   older sync tokens answer 410
//   POST   /accounts/:email/revoke                             every token of the account stops working
//   GET    /accounts/:email/tokens                             the refresh tokens issued (for dump checks)
//   POST   /push { enabled }                                   push notifications on or off (all accounts)
//   GET    /channels?account=                                  watch channels, stopped ones included
// `:id` may be `primary`.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readBody, sendJson } from '../http-util.ts';
import { notifyChannels } from './calendar.ts';
import { randomId, type CalendarStore, type FakeEvent } from './calendar-store.ts';

type Handler = (req: IncomingMessage, res: ServerResponse, subPath: string) => Promise<void>;

export function createCalendarControl(store: CalendarStore): Handler {
  return async (req, res, subPath) => {
    const url = new URL(req.url ?? '/', 'http://control.local');
    const method = req.method ?? 'GET';
    const s = subPath.split('/').filter(Boolean).map(decodeURIComponent);
    const raw = method === 'GET' || method === 'DELETE' ? '' : await readBody(req);
    let body: unknown;
    try {
      body = raw.trim() ? JSON.parse(raw) : {};
    } catch {
      return sendJson(res, 400, { code: 'invalid_json', message: 'the body is not JSON' });
    }
    const notFound = (what: string) => sendJson(res, 404, { code: 'not_found', message: what });

    if (s[0] === 'push' && s.length === 1 && method === 'POST') {
      store.pushEnabled = Boolean((body as { enabled?: boolean }).enabled);
      return sendJson(res, 200, { enabled: store.pushEnabled });
    }
    if (s[0] === 'channels' && s.length === 1 && method === 'GET') {
      const account = url.searchParams.get('account');
      return sendJson(res, 200, {
        channels: [...store.channels.values()]
          .filter((c) => !account || c.account === account)
          .map(({ token: _token, ...c }) => c),
      });
    }
    if (s[0] !== 'accounts' || !s[1]) return notFound(`No calendar control route ${method} ${subPath}`);
    const email = s[1].toLowerCase();
    if (s.length === 2 && method === 'PUT') {
      store.account(email);
    }
    const account = store.accounts.get(email);
    if (!account) return notFound(`No Google account ${email}`);
    if (s.length === 2 && (method === 'GET' || method === 'PUT')) {
      return sendJson(res, 200, {
        email,
        calendars: [...account.calendars.values()].map((c) => ({
          id: c.id,
          summary: c.summary,
          primary: c.primary,
          accessRole: c.accessRole,
          events: [...c.events.values()],
        })),
      });
    }
    if (s.length === 3 && s[2] === 'tokens' && method === 'GET') {
      // Tests look for these in database dumps: they must never appear there in plain text.
      const refresh = [...store.refreshTokens.entries()]
        .filter(([, g]) => g.account === email)
        .map(([t]) => t);
      return sendJson(res, 200, { refresh });
    }
    if (s.length === 3 && s[2] === 'revoke' && method === 'POST') {
      return sendJson(res, 200, { revoked: store.revokeAccount(email) });
    }
    if (s[2] !== 'calendars' || !s[3]) return notFound(`No calendar control route ${method} ${subPath}`);
    const calendar = account.calendars.get(s[3] === 'primary' ? email : s[3]);
    if (!calendar) return notFound(`No calendar ${s[3]} in ${email}`);

    if (s.length === 5 && s[4] === 'expire-sync-tokens' && method === 'POST') {
      calendar.minSyncSeq = calendar.seq + 1;
      return sendJson(res, 200, { minSyncSeq: calendar.minSyncSeq });
    }
    if (s[4] !== 'events') return notFound(`No calendar control route ${method} ${subPath}`);
    if (s.length === 5 && method === 'POST') {
      const inputs = (Array.isArray(body) ? body : [body]) as Partial<FakeEvent>[];
      const events = inputs.map((e) =>
        store.put(calendar, {
          ...e,
          id: e.id ?? randomId(10).replace(/[w-z]/g, 'a'),
          status: e.status ?? 'confirmed',
          start: e.start!,
          end: e.end!,
        }),
      );
      notifyChannels(store, email, calendar.id);
      return sendJson(res, 201, { events });
    }
    const current = s[5] ? calendar.events.get(s[5]) : undefined;
    if (s.length === 6 && !current) return notFound(`No event ${s[5]}`);
    if (s.length === 6 && method === 'PATCH') {
      const event = store.put(calendar, { ...current!, ...(body as Partial<FakeEvent>), id: current!.id });
      notifyChannels(store, email, calendar.id);
      return sendJson(res, 200, { event });
    }
    if (s.length === 6 && method === 'DELETE') {
      const event = store.put(calendar, { ...current!, status: 'cancelled' });
      notifyChannels(store, email, calendar.id);
      return sendJson(res, 200, { event });
    }
    return notFound(`No calendar control route ${method} ${subPath}`);
  };
}
