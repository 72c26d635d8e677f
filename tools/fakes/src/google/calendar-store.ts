// What the Google fake remembers of accounts, their calendars and events, tokens and push
// channels, in memory. Every change to a calendar takes the next number of its change sequence:
// a sync token is "everything up to number n", so an incremental listing is the events changed
// after n (deleted ones included), and a calendar can make older tokens stale (410).
import { randomBytes } from 'node:crypto';

export interface EventTime {
  dateTime?: string;
  date?: string;
  timeZone?: string;
}

export interface FakeEvent {
  id: string;
  status: 'confirmed' | 'tentative' | 'cancelled';
  summary?: string;
  description?: string;
  start: EventTime;
  end: EventTime;
  transparency?: 'opaque' | 'transparent';
  attendees?: { email: string; self?: boolean; responseStatus?: string }[];
  recurrence?: string[];
  conferenceData?: Record<string, unknown>;
  hangoutLink?: string;
  extendedProperties?: Record<string, unknown>;
  created: string;
  updated: string;
  /** The calendar's change number of this event's last change. */
  seq: number;
}

export interface FakeCalendar {
  id: string;
  summary: string;
  primary: boolean;
  accessRole: 'owner' | 'writer' | 'reader' | 'freeBusyReader';
  timeZone: string;
  events: Map<string, FakeEvent>;
  seq: number;
  /** Sync tokens below this number answer 410 (full sync required). */
  minSyncSeq: number;
}

export interface FakeAccount {
  email: string;
  calendars: Map<string, FakeCalendar>;
}

export interface Channel {
  id: string;
  resourceId: string;
  token?: string;
  address: string;
  account: string;
  calendarId: string;
  expiration: number;
  messageNumber: number;
  stopped: boolean;
}

export const randomId = (bytes = 16): string => randomBytes(bytes).toString('hex');

export class CalendarStore {
  accounts = new Map<string, FakeAccount>();
  /** code -> grant in flight; refresh and access tokens -> account. */
  codes = new Map<
    string,
    {
      account: string;
      clientId: string;
      redirectUri: string;
      challenge?: string;
      scope: string;
      expires: number;
    }
  >();
  refreshTokens = new Map<string, { account: string; clientId: string; scope: string; revoked: boolean }>();
  accessTokens = new Map<string, { account: string; refreshToken: string; expires: number }>();
  channels = new Map<string, Channel>();
  pushEnabled = true;

  /** The account, made on first sign-in with a primary calendar (its id is the address) and a second one. */
  account(email: string): FakeAccount {
    let account = this.accounts.get(email);
    if (!account) {
      account = { email, calendars: new Map() };
      this.accounts.set(email, account);
      this.addCalendar(account, { id: email, summary: email, primary: true, accessRole: 'owner' });
      this.addCalendar(account, {
        id: `family-${randomId(6)}@group.calendar.google.com`,
        summary: 'Family',
        primary: false,
        accessRole: 'owner',
      });
      this.addCalendar(account, {
        id: 'fr.french#holiday@group.v.calendar.google.com',
        summary: 'Holidays in France',
        primary: false,
        accessRole: 'reader',
      });
    }
    return account;
  }

  addCalendar(
    account: FakeAccount,
    c: { id: string; summary: string; primary: boolean; accessRole: FakeCalendar['accessRole'] },
  ): FakeCalendar {
    const calendar: FakeCalendar = {
      ...c,
      timeZone: 'Europe/Paris',
      events: new Map(),
      seq: 0,
      minSyncSeq: 0,
    };
    account.calendars.set(c.id, calendar);
    return calendar;
  }

  /** Stores a new version of an event under the calendar's next change number. */
  put(
    calendar: FakeCalendar,
    event: Omit<FakeEvent, 'seq' | 'updated' | 'created'> & { created?: string },
  ): FakeEvent {
    calendar.seq += 1;
    const now = new Date().toISOString();
    const stored: FakeEvent = { ...event, created: event.created ?? now, updated: now, seq: calendar.seq };
    calendar.events.set(event.id, stored);
    return stored;
  }

  issueTokens(account: string, clientId: string, scope: string): { refresh: string; access: string } {
    const refresh = `1//fake-refresh-${randomId()}`;
    this.refreshTokens.set(refresh, { account, clientId, scope, revoked: false });
    return { refresh, access: this.issueAccess(account, refresh) };
  }

  issueAccess(account: string, refreshToken: string): string {
    const access = `ya29.fake-${randomId()}`;
    this.accessTokens.set(access, { account, refreshToken, expires: Date.now() + 3599_000 });
    return access;
  }

  /** The account an access token stands for, or null when unknown, expired or revoked. */
  accountOf(accessToken: string): string | null {
    const grant = this.accessTokens.get(accessToken);
    if (!grant || grant.expires < Date.now()) return null;
    if (this.refreshTokens.get(grant.refreshToken)?.revoked) return null;
    return grant.account;
  }

  /** The person removes Carebook's access in their Google account: every token stops working. */
  revokeAccount(email: string): number {
    let n = 0;
    for (const grant of this.refreshTokens.values())
      if (grant.account === email && !grant.revoked) {
        grant.revoked = true;
        n++;
      }
    return n;
  }

  reset(): void {
    this.accounts.clear();
    this.codes.clear();
    this.refreshTokens.clear();
    this.accessTokens.clear();
    this.channels.clear();
    this.pushEnabled = true;
  }
}
