// Google Calendar API v3, the parts Carebook uses, at the paths @googleapis/calendar computes from
// its rootUrl (`/calendar/v3/...` at the fakes server's root: the SDK drops any path of rootUrl).
// calendarList.list; events list (syncToken, pageToken, showDeleted, singleEvents, timeMin/Max,
// maxResults), get, insert (client id, conferenceData.createRequest -> Meet link), patch, update,
// delete; freeBusy.query; events.watch and channels.stop, with push notifications POSTed to the
// channel's address. Errors in Calendar's shape: { error: { errors: [{ domain, reason, message }], code, message } }.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readBody, sendJson } from '../http-util.ts';
import type { GoogleBook } from './control.ts';
import { randomId, type CalendarStore, type FakeCalendar, type FakeEvent } from './calendar-store.ts';

type Handler = (req: IncomingMessage, res: ServerResponse, subPath: string) => Promise<void>;

const REASON_BY_CODE: Record<number, [string, string]> = {
  400: ['global', 'invalid'],
  401: ['global', 'authError'],
  403: ['usageLimits', 'rateLimitExceeded'],
  404: ['global', 'notFound'],
  409: ['global', 'duplicate'],
  410: ['global', 'fullSyncRequired'],
  412: ['global', 'conditionNotMet'],
  429: ['usageLimits', 'rateLimitExceeded'],
  500: ['global', 'backendError'],
  503: ['global', 'backendError'],
};

export function sendCalendarError(res: ServerResponse, code: number, message: string, reason?: string): void {
  const [domain, defaultReason] = REASON_BY_CODE[code] ?? [
    'global',
    code >= 500 ? 'backendError' : 'invalid',
  ];
  sendJson(res, code, {
    error: { errors: [{ domain, reason: reason ?? defaultReason, message }], code, message },
  });
}

const EVENT_ID = /^[a-v0-9]{5,1024}$/;
const MAX_INSTANCES = 730;

function encodeToken(kind: string, value: object): string {
  return `${kind}_${Buffer.from(JSON.stringify(value)).toString('base64url')}`;
}
function decodeToken<T>(kind: string, token: string): T | null {
  if (!token.startsWith(`${kind}_`)) return null;
  try {
    return JSON.parse(Buffer.from(token.slice(kind.length + 1), 'base64url').toString('utf8')) as T;
  } catch {
    return null;
  }
}

const instantOf = (t: { dateTime?: string; date?: string }): number =>
  t.dateTime ? Date.parse(t.dateTime) : Date.parse(`${t.date}T00:00:00Z`);

/** Instances of a recurring event (RRULE FREQ=DAILY|WEEKLY, INTERVAL, COUNT, UNTIL), stepped in UTC. */
export function expand(event: FakeEvent, windowEnd: number): FakeEvent[] {
  const rule = event.recurrence?.find((r) => r.startsWith('RRULE:'));
  if (!rule) return [event];
  const parts = Object.fromEntries(
    rule
      .slice(6)
      .split(';')
      .map((p) => p.split('=') as [string, string]),
  );
  const step = (parts.FREQ === 'WEEKLY' ? 7 : 1) * Number(parts.INTERVAL ?? 1) * 86_400_000;
  const count = parts.COUNT ? Number(parts.COUNT) : MAX_INSTANCES;
  const until = parts.UNTIL
    ? Date.parse(
        parts.UNTIL.replace(
          /^(\d{4})(\d{2})(\d{2})(T(\d{2})(\d{2})(\d{2})Z)?$/,
          '$1-$2-$3T$5:$6:$7Z',
        ).replace('T::Z', 'T00:00:00Z'),
      )
    : Infinity;
  const start = instantOf(event.start);
  const length = instantOf(event.end) - start;
  const out: FakeEvent[] = [];
  for (let i = 0; i < Math.min(count, MAX_INSTANCES); i++) {
    const at = start + i * step;
    if (at > until || at > windowEnd) break;
    const stamp = new Date(at)
      .toISOString()
      .replace(/[-:]/g, '')
      .replace(/\.\d{3}/, '');
    const time = (t: number) =>
      event.start.date
        ? { date: new Date(t).toISOString().slice(0, 10) }
        : { dateTime: new Date(t).toISOString() };
    const { recurrence: _ignored, ...rest } = event;
    out.push({
      ...rest,
      id: `${event.id}_${event.start.date ? stamp.slice(0, 8) : stamp}`,
      recurringEventId: event.id,
      originalStartTime: time(at),
      start: time(at),
      end: time(at + length),
    } as FakeEvent);
  }
  return out;
}

function resource(calendar: FakeCalendar, e: FakeEvent): Record<string, unknown> {
  const { seq: _seq, ...rest } = e;
  return {
    kind: 'calendar#event',
    etag: `"${e.seq}"`,
    htmlLink: `https://www.google.com/calendar/event?eid=${e.id}`,
    organizer: { email: calendar.id, self: true },
    iCalUID: `${e.id}@google.com`,
    ...rest,
  };
}

function meetLink(): string {
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  const pick = (n: number) =>
    Array.from({ length: n }, () => letters[Math.floor(Math.random() * 26)]).join('');
  return `https://meet.google.com/${pick(3)}-${pick(4)}-${pick(3)}`;
}

function conference(
  request: Record<string, unknown> | undefined,
): Pick<FakeEvent, 'conferenceData' | 'hangoutLink'> {
  if (!request) return {};
  const uri = meetLink();
  return {
    hangoutLink: uri,
    conferenceData: {
      createRequest: { ...request, status: { statusCode: 'success' } },
      entryPoints: [{ entryPointType: 'video', uri, label: uri.replace('https://', '') }],
      conferenceSolution: { key: { type: 'hangoutsMeet' }, name: 'Google Meet' },
      conferenceId: uri.split('/').pop(),
    },
  };
}

/** Tells every live channel on a calendar that it changed, as Google's push does (no body). */
export function notifyChannels(
  store: CalendarStore,
  account: string,
  calendarId: string,
  state = 'exists',
): void {
  if (!store.pushEnabled) return;
  for (const channel of store.channels.values()) {
    if (channel.stopped || channel.account !== account || channel.calendarId !== calendarId) continue;
    if (channel.expiration < Date.now()) continue;
    sendPush(channel, state);
  }
}

function sendPush(channel: import('./calendar-store.ts').Channel, state: string): void {
  channel.messageNumber += 1;
  fetch(channel.address, {
    method: 'POST',
    headers: {
      'X-Goog-Channel-ID': channel.id,
      'X-Goog-Channel-Expiration': new Date(channel.expiration).toUTCString(),
      'X-Goog-Resource-State': state,
      'X-Goog-Message-Number': String(channel.messageNumber),
      'X-Goog-Resource-ID': channel.resourceId,
      'X-Goog-Resource-URI': `https://www.googleapis.com/calendar/v3/calendars/${encodeURIComponent(channel.calendarId)}/events?alt=json`,
      ...(channel.token && { 'X-Goog-Channel-Token': channel.token }),
      'Content-Length': '0',
    },
  }).then(
    (r) => r.body?.cancel(),
    () => undefined, // Google drops a notification the receiver did not take
  );
}

export function createCalendarFake(book: GoogleBook, store: CalendarStore): Handler {
  return async (req, res, subPath) => {
    const url = new URL(req.url ?? '/', 'http://calendar.local');
    const q = url.searchParams;
    const method = req.method ?? 'GET';
    const path = subPath.replace(/\/+$/, '') || '/';
    const segments = path.split('/').filter(Boolean).map(decodeURIComponent);

    const operation = operationOf(method, segments);
    const bearer = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1] ?? '';
    const account = store.accountOf(bearer);
    const calendarId = segments[0] === 'calendars' ? (segments[1] ?? '') : '';
    const params: Record<string, string> = {
      account: account ?? '',
      ...(calendarId && { calendarId }),
      ...(q.get('syncToken') && { syncToken: 'yes' }),
      ...(q.get('pageToken') && { pageToken: 'yes' }),
      ...(segments[3] && { eventId: segments[3] }),
    };
    const rule = book.decide('calendar', operation, account ?? undefined);
    const record = (status: number) =>
      book.record({
        at: new Date().toISOString(),
        api: 'calendar',
        operation,
        status,
        params,
        withKey: Boolean(bearer),
        ruleId: rule?.id ?? null,
      });
    const fail = (status: number, message: string, reason?: string) => {
      record(status);
      sendCalendarError(res, status, message, reason);
    };
    // The body is read before a delay: a slow answer is Google doing the work and answering late,
    // so a client that gave up has still changed the calendar (what retries must cope with).
    let body: Record<string, unknown> = {};
    if (method === 'POST' || method === 'PATCH' || method === 'PUT') {
      const raw = await readBody(req);
      try {
        body = raw.trim() ? (JSON.parse(raw) as Record<string, unknown>) : {};
      } catch {
        return fail(400, 'Parse Error', 'parseError');
      }
    }
    if (rule?.delayMs) await new Promise((r) => setTimeout(r, rule.delayMs));
    if (rule?.status) {
      record(rule.status);
      const message =
        rule.status === 410
          ? 'Sync token is no longer valid, a full sync is required.'
          : `Injected ${rule.status}`;
      return sendCalendarError(res, rule.status, message, rule.reason);
    }
    if (!account) {
      record(401);
      return sendCalendarError(
        res,
        401,
        'Request had invalid authentication credentials. Expected OAuth 2 access token.',
      );
    }
    const answer = (status: number, body?: unknown) => {
      record(status);
      if (body === undefined) {
        res.writeHead(status, { 'content-length': 0 });
        res.end();
      } else sendJson(res, status, body);
    };
    const owner = store.account(account);
    const calendar = calendarId ? owner.calendars.get(calendarId) : undefined;
    if (calendarId && !calendar) return fail(404, 'Not Found');

    switch (operation) {
      case 'calendarList.list':
        return answer(200, {
          kind: 'calendar#calendarList',
          etag: `"${Date.now()}"`,
          items: [...owner.calendars.values()].map((c) => ({
            kind: 'calendar#calendarListEntry',
            id: c.id,
            summary: c.summary,
            timeZone: c.timeZone,
            accessRole: c.accessRole,
            ...(c.primary && { primary: true }),
          })),
        });
      case 'events.list':
        return listEvents(calendar!, q, answer, fail);
      case 'events.get': {
        const e = calendar!.events.get(segments[3]!);
        return e ? answer(200, resource(calendar!, e)) : fail(404, 'Not Found');
      }
      case 'events.insert': {
        if (calendar!.accessRole !== 'owner' && calendar!.accessRole !== 'writer')
          return fail(403, 'You need to have writer access to this calendar.', 'requiredAccessLevel');
        const id = typeof body.id === 'string' ? body.id : randomId(13).replace(/[w-z]/g, 'a');
        if (!EVENT_ID.test(id)) return fail(400, 'Invalid resource id value.', 'invalid');
        if (calendar!.events.has(id))
          return fail(409, 'The requested identifier already exists.', 'duplicate');
        const invalid = invalidTimes(body);
        if (invalid) return fail(400, invalid, 'invalid');
        const createRequest =
          q.get('conferenceDataVersion') === '1'
            ? ((body.conferenceData as { createRequest?: Record<string, unknown> } | undefined)
                ?.createRequest ?? undefined)
            : undefined;
        const { conferenceData: _c, ...fields } = body;
        const stored = store.put(calendar!, {
          ...(fields as Partial<FakeEvent>),
          id,
          status: (body.status as FakeEvent['status']) ?? 'confirmed',
          start: body.start as FakeEvent['start'],
          end: body.end as FakeEvent['end'],
          ...conference(createRequest),
        });
        notifyChannels(store, account, calendar!.id);
        return answer(200, resource(calendar!, stored));
      }
      case 'events.patch':
      case 'events.update': {
        const current = calendar!.events.get(segments[3]!);
        if (!current) return fail(404, 'Not Found');
        const merged = operation === 'events.patch' ? { ...current, ...body } : { ...body, id: current.id };
        const invalid = invalidTimes(merged);
        if (invalid) return fail(400, invalid, 'invalid');
        const stored = store.put(calendar!, {
          ...(merged as FakeEvent),
          id: current.id,
          created: current.created,
          conferenceData: current.conferenceData,
          hangoutLink: current.hangoutLink,
        });
        notifyChannels(store, account, calendar!.id);
        return answer(200, resource(calendar!, stored));
      }
      case 'events.delete': {
        const current = calendar!.events.get(segments[3]!);
        if (!current) return fail(404, 'Not Found');
        if (current.status === 'cancelled') return fail(410, 'Resource has been deleted', 'deleted');
        store.put(calendar!, { ...current, status: 'cancelled' });
        notifyChannels(store, account, calendar!.id);
        return answer(204);
      }
      case 'freeBusy.query': {
        const from = Date.parse(String(body.timeMin));
        const to = Date.parse(String(body.timeMax));
        if (!Number.isFinite(from) || !Number.isFinite(to) || from >= to)
          return fail(400, 'The specified time range is empty.', 'timeRangeEmpty');
        const calendars: Record<string, unknown> = {};
        for (const item of (body.items as { id: string }[] | undefined) ?? []) {
          const c = owner.calendars.get(item.id);
          if (!c) {
            calendars[item.id] = { errors: [{ domain: 'global', reason: 'notFound' }], busy: [] };
            continue;
          }
          const busy = [...c.events.values()]
            .filter((e) => e.status !== 'cancelled' && e.transparency !== 'transparent')
            .flatMap((e) => expand(e, to))
            .filter((e) => instantOf(e.start) < to && instantOf(e.end) > from)
            .map((e) => ({
              start: new Date(instantOf(e.start)).toISOString(),
              end: new Date(instantOf(e.end)).toISOString(),
            }))
            .sort((a, b) => a.start.localeCompare(b.start));
          calendars[item.id] = { busy };
        }
        return answer(200, {
          kind: 'calendar#freeBusy',
          timeMin: body.timeMin,
          timeMax: body.timeMax,
          calendars,
        });
      }
      case 'events.watch': {
        if (body.type !== 'web_hook' && body.type !== 'webhook')
          return fail(400, 'Invalid channel type', 'invalid');
        const address = String(body.address ?? '');
        if (!/^https?:\/\//.test(address) || typeof body.id !== 'string')
          return fail(400, 'Invalid notification address or channel id.', 'invalid');
        const ttl = Number((body.params as { ttl?: string } | undefined)?.ttl ?? 604_800);
        const channel = {
          id: body.id,
          resourceId: `fake-resource-${randomId(8)}`,
          ...(typeof body.token === 'string' && { token: body.token }),
          address,
          account,
          calendarId: calendar!.id,
          expiration: Date.now() + Math.min(ttl, 2_592_000) * 1000,
          messageNumber: 0,
          stopped: false,
        };
        store.channels.set(channel.id, channel);
        if (store.pushEnabled) sendPush(channel, 'sync');
        return answer(200, {
          kind: 'api#channel',
          id: channel.id,
          resourceId: channel.resourceId,
          resourceUri: `https://www.googleapis.com/calendar/v3/calendars/${encodeURIComponent(calendar!.id)}/events?alt=json`,
          ...(channel.token && { token: channel.token }),
          expiration: String(channel.expiration),
        });
      }
      case 'channels.stop': {
        const channel = store.channels.get(String(body.id));
        if (!channel || channel.resourceId !== body.resourceId || channel.account !== account)
          return fail(404, `Channel '${String(body.id)}' not found for project`);
        channel.stopped = true;
        return answer(204);
      }
      default:
        return fail(404, `The Calendar fake has no ${method} ${path}`);
    }
  };
}

function operationOf(method: string, s: string[]): string {
  if (s[0] === 'users' && s[1] === 'me' && s[2] === 'calendarList' && s.length === 3 && method === 'GET')
    return 'calendarList.list';
  if (s[0] === 'freeBusy' && s.length === 1 && method === 'POST') return 'freeBusy.query';
  if (s[0] === 'channels' && s[1] === 'stop' && method === 'POST') return 'channels.stop';
  if (s[0] === 'calendars' && s[2] === 'events') {
    if (s.length === 3)
      return method === 'GET' ? 'events.list' : method === 'POST' ? 'events.insert' : 'unknown';
    if (s.length === 4 && s[3] === 'watch' && method === 'POST') return 'events.watch';
    if (s.length === 4)
      return (
        { GET: 'events.get', PATCH: 'events.patch', PUT: 'events.update', DELETE: 'events.delete' }[method] ??
        'unknown'
      );
  }
  return 'unknown';
}

function invalidTimes(e: Record<string, unknown>): string | null {
  const start = e.start as { dateTime?: string; date?: string } | undefined;
  const end = e.end as { dateTime?: string; date?: string } | undefined;
  if (!start || !end || (!start.dateTime && !start.date) || (!end.dateTime && !end.date))
    return 'Missing end time.';
  if (!(instantOf(start) < instantOf(end))) return 'The specified time range is empty.';
  return null;
}

interface PageState {
  offset: number;
  upto: number;
  since: number | null;
}

function listEvents(
  calendar: FakeCalendar,
  q: URLSearchParams,
  answer: (status: number, body: unknown) => void,
  fail: (status: number, message: string, reason?: string) => void,
): void {
  const syncToken = q.get('syncToken');
  const pageToken = q.get('pageToken');
  if (syncToken && (q.get('timeMin') || q.get('timeMax') || q.get('orderBy')))
    return fail(400, 'Sync token cannot be used with other filters.', 'invalid');
  let state: PageState;
  if (pageToken) {
    const page = decodeToken<PageState>('page', pageToken);
    if (!page) return fail(400, 'Invalid page token value.', 'invalid');
    state = page;
  } else if (syncToken) {
    const sync = decodeToken<{ c: string; s: number }>('sync', syncToken);
    if (!sync || sync.c !== calendar.id) return fail(400, 'Invalid sync token value.', 'invalid');
    if (sync.s < calendar.minSyncSeq)
      return fail(410, 'Sync token is no longer valid, a full sync is required.', 'fullSyncRequired');
    state = { offset: 0, upto: calendar.seq, since: sync.s };
  } else {
    state = { offset: 0, upto: calendar.seq, since: null };
  }
  const maxResults = Math.min(Math.max(Number(q.get('maxResults') ?? 250) || 250, 1), 2500);
  const showDeleted = state.since !== null || q.get('showDeleted') === 'true';
  const single = q.get('singleEvents') === 'true';
  const timeMin = q.get('timeMin') ? Date.parse(q.get('timeMin')!) : -Infinity;
  const timeMax = q.get('timeMax') ? Date.parse(q.get('timeMax')!) : Infinity;
  const horizon = Math.min(timeMax, Date.now() + 366 * 86_400_000);

  const changed = [...calendar.events.values()]
    .filter((e) => e.seq <= state.upto && (state.since === null || e.seq > state.since))
    .filter((e) => showDeleted || e.status !== 'cancelled')
    .sort((a, b) => a.seq - b.seq || a.id.localeCompare(b.id));
  const items = (single ? changed.flatMap((e) => expand(e, horizon)) : changed).filter(
    (e) => instantOf(e.end) > timeMin && instantOf(e.start) < timeMax,
  );
  const page = items.slice(state.offset, state.offset + maxResults);
  const more = state.offset + maxResults < items.length;
  answer(200, {
    kind: 'calendar#events',
    etag: `"${state.upto}"`,
    summary: calendar.summary,
    timeZone: calendar.timeZone,
    accessRole: calendar.accessRole,
    updated: new Date().toISOString(),
    items: page.map((e) => resource(calendar, e)),
    ...(more
      ? { nextPageToken: encodeToken('page', { ...state, offset: state.offset + maxResults }) }
      : { nextSyncToken: encodeToken('sync', { c: calendar.id, s: state.upto }) }),
  });
}
