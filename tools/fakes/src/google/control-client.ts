// What specs use to drive the Google fake over HTTP: read the calls it answered (to count how often
// a function really reached Google) and add failure rules, each removable on its own.
import type { GoogleCall, GoogleRule, GoogleRuleInput } from './control.ts';

export type { GoogleCall, GoogleRule, GoogleRuleInput } from './control.ts';

export interface AddedGoogleRule extends GoogleRule {
  remove(): Promise<void>;
}

export interface GoogleControl {
  addRule(rule: GoogleRuleInput): Promise<AddedGoogleRule>;
  rules(): Promise<GoogleRule[]>;
  /** Oldest first; `params` are exact values of what was asked (`{ input: 'lyon' }`, `{ placeId }`). */
  calls(filter?: {
    api?: string;
    operation?: string;
    params?: Record<string, string>;
  }): Promise<GoogleCall[]>;
  /** Forgets every rule and call, of every test: for a file that owns the fake. */
  reset(): Promise<void>;
  /** What a person does in Google Calendar (push notifications follow, as in Google). */
  calendar: {
    account(email: string): Promise<FakeAccountView>;
    addEvents(email: string, calendarId: string, events: FakeEventInput[]): Promise<FakeEventView[]>;
    patchEvent(
      email: string,
      calendarId: string,
      eventId: string,
      fields: Partial<FakeEventInput>,
    ): Promise<FakeEventView>;
    deleteEvent(email: string, calendarId: string, eventId: string): Promise<FakeEventView>;
    /** The refresh tokens issued to the account (to look for them where they must not be). */
    refreshTokens(email: string): Promise<string[]>;
    /** The person removes Carebook's access: refreshes answer invalid_grant from now on. */
    revoke(email: string): Promise<void>;
    /** Every sync token issued so far for this calendar answers 410. */
    expireSyncTokens(email: string, calendarId: string): Promise<void>;
    setPush(enabled: boolean): Promise<void>;
    channels(
      account: string,
    ): Promise<{ id: string; calendarId: string; stopped: boolean; expiration: number }[]>;
  };
}

export interface FakeEventInput {
  id?: string;
  summary?: string;
  status?: 'confirmed' | 'tentative' | 'cancelled';
  start: { dateTime?: string; date?: string; timeZone?: string };
  end: { dateTime?: string; date?: string; timeZone?: string };
  transparency?: 'opaque' | 'transparent';
  attendees?: { email: string; self?: boolean; responseStatus?: string }[];
  recurrence?: string[];
}

export interface FakeEventView extends FakeEventInput {
  id: string;
  status: 'confirmed' | 'tentative' | 'cancelled';
  hangoutLink?: string;
  conferenceData?: { entryPoints?: { entryPointType: string; uri: string }[] };
  description?: string;
  seq: number;
}

export interface FakeAccountView {
  email: string;
  calendars: { id: string; summary: string; primary: boolean; accessRole: string; events: FakeEventView[] }[];
}

/** `fakesUrl` is the fakes server (StackConfig.fakesUrl), not an API's base URL. */
export function googleControl(fakesUrl: string): GoogleControl {
  const base = `${fakesUrl.replace(/\/+$/, '')}/google/_control`;
  const enc = encodeURIComponent;
  const cal = (email: string, calendarId: string) =>
    `/calendar/accounts/${enc(email)}/calendars/${enc(calendarId)}`;
  async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await fetch(`${base}${path}`, {
      method,
      ...(body !== undefined && {
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      }),
    });
    const answer = (await res.json()) as T & { message?: string };
    if (!res.ok)
      throw new Error(`Google fake control ${method} ${path}: ${res.status} ${answer.message ?? ''}`);
    return answer;
  }
  return {
    async addRule(rule) {
      const added = (await call<{ rules: GoogleRule[] }>('POST', '/rules', rule)).rules[0]!;
      return {
        ...added,
        remove: async () => void (await call('DELETE', `/rules/${encodeURIComponent(added.id)}`)),
      };
    },
    async rules() {
      return (await call<{ rules: GoogleRule[] }>('GET', '/')).rules;
    },
    async calls(filter = {}) {
      const query = new URLSearchParams({
        ...(filter.api && { api: filter.api }),
        ...(filter.operation && { operation: filter.operation }),
        ...filter.params,
      });
      return (await call<{ calls: GoogleCall[] }>('GET', `/calls${query.size > 0 ? `?${query}` : ''}`)).calls;
    },
    async reset() {
      await call('DELETE', '/');
    },
    calendar: {
      account: (email) => call<FakeAccountView>('PUT', `/calendar/accounts/${enc(email)}`, {}),
      addEvents: async (email, calendarId, events) =>
        (await call<{ events: FakeEventView[] }>('POST', `${cal(email, calendarId)}/events`, events)).events,
      patchEvent: async (email, calendarId, eventId, fields) =>
        (
          await call<{ event: FakeEventView }>(
            'PATCH',
            `${cal(email, calendarId)}/events/${enc(eventId)}`,
            fields,
          )
        ).event,
      deleteEvent: async (email, calendarId, eventId) =>
        (await call<{ event: FakeEventView }>('DELETE', `${cal(email, calendarId)}/events/${enc(eventId)}`))
          .event,
      refreshTokens: async (email) =>
        (await call<{ refresh: string[] }>('GET', `/calendar/accounts/${enc(email)}/tokens`)).refresh,
      revoke: async (email) => void (await call('POST', `/calendar/accounts/${enc(email)}/revoke`, {})),
      expireSyncTokens: async (email, calendarId) =>
        void (await call('POST', `${cal(email, calendarId)}/expire-sync-tokens`, {})),
      setPush: async (enabled) => void (await call('POST', '/calendar/push', { enabled })),
      channels: async (account) =>
        (
          await call<{
            channels: { id: string; calendarId: string; stopped: boolean; expiration: number }[];
          }>('GET', `/calendar/channels?account=${enc(account)}`)
        ).channels,
    },
  };
}
