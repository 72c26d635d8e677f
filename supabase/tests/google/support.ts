// What the Google Calendar specs share: a practitioner connected to the Google fake through the
// real OAuth round trip (google-connect -> the fake's consent page -> "Allow" -> google-callback),
// the google-sync job called as the scheduler calls it, and polling for effects that arrive by
// push notification.
import { googleControl, type FakeEventView } from '@carebook/fakes';
import { config, scenario, sql, uniqueEmail, type Scenario, type TestUser } from '@carebook/testing';

export const google = googleControl(config.fakesUrl);

export async function callFunction(
  name: string,
  token: string,
  body: unknown = {},
): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`${config.apiUrl}/functions/v1/${name}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, apikey: config.anonKey, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

/** One tick of the google-sync job, as the scheduler sends it. */
export async function syncTick(periodic = false): Promise<Record<string, number>> {
  const res = await callFunction('google-sync', config.serviceRoleKey, periodic ? { periodic: true } : {});
  if (res.status !== 200) throw new Error(`google-sync: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as Record<string, number>;
}

/**
 * The periodic fallback as it reaches this practitioner's calendars once their last pull is older
 * than its 5 minutes: ages that pull, runs a periodic tick, then waits until a pull that began
 * after the ageing covered each calendar still to pull. That pull may be another file's periodic
 * tick, which this one then skips; either saw Google as the test left it.
 */
export async function periodicTick(practitionerId: string): Promise<void> {
  const [{ mark } = { mark: '' }] = await sql<{ mark: string }>(
    `with aged as (
       update private.google_calendars set last_synced_at = now() - interval '6 minutes'
        where practitioner_id = $1 returning 1)
     select now()::text as mark from (select count(*) from aged) x`,
    [practitionerId],
  );
  await syncTick(true);
  await eventually(async () => {
    const [left] = await sql<{ stale: number; leased: number }>(
      `select count(*) filter (where g.sync_due_at is null or g.sync_due_at <= now())::int as stale,
              count(*) filter (where g.sync_due_at > now())::int as leased
         from private.google_calendars g
         join private.google_connections c on c.practitioner_id = g.practitioner_id
        where g.practitioner_id = $1 and c.status = 'active' and (c.retry_at is null or c.retry_at <= now())
          and (g.blocks_availability or g.calendar_id = c.booking_calendar_id)
          and (g.last_synced_at < $2::timestamptz or g.sync_due_at > now())`,
      [practitionerId, mark],
    );
    if (!left || left.stale + left.leased === 0) return true;
    // Still to pull and nobody on it (a tick that skipped it while another held it): as the next
    // periodic run would.
    if (left.leased === 0) await syncTick(true);
    return false;
  }, 30_000);
}

/** A published practitioner open 09:00-18:00 every day with a free 30-minute video type. */
export function videoPractitioner(): Promise<Scenario> {
  return scenario()
    .weeklyHours('mon-sun', '09:00-18:00')
    .type({ minutes: 30, price: 0, mode: 'video' })
    .build();
}

/**
 * Connects the practitioner's Google account through the consent screen; answers the account's
 * address and where google-callback sent the browser back.
 */
export async function connectGoogle(
  practitioner: TestUser,
  email = uniqueEmail('google'),
): Promise<{ email: string; landing: string }> {
  const started = await callFunction('google-connect', practitioner.accessToken);
  if (started.status !== 200)
    throw new Error(`google-connect: ${started.status} ${JSON.stringify(started.body)}`);
  const consent = new URL(String(started.body.url));
  const page = await fetch(consent);
  if (!page.ok || !(await page.text()).includes('Allow')) throw new Error('no consent page');
  // What the page's form sends when the person presses "Allow".
  const approve = new URL('approve', consent);
  for (const [k, v] of consent.searchParams) approve.searchParams.set(k, v);
  approve.searchParams.set('login_hint', email);
  approve.searchParams.set('decision', 'allow');
  const toCallback = await fetch(approve, { redirect: 'manual' });
  const callback = toCallback.headers.get('location');
  if (!callback) throw new Error(`consent did not redirect (${toCallback.status})`);
  const landed = await fetch(callback, { redirect: 'manual' });
  return { email, landing: landed.headers.get('location') ?? `status ${landed.status}` };
}

/** Polls until `check` answers a value (not undefined/false), or fails after `ms`. */
export async function eventually<T>(check: () => Promise<T | undefined | false>, ms = 15_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 150));
  }
}

/** The events of the account's primary calendar, as Google holds them (deleted ones included). */
export async function primaryEvents(email: string): Promise<FakeEventView[]> {
  const account = await google.calendar.account(email);
  return account.calendars.find((c) => c.primary)!.events;
}

export async function connectionOf(practitionerId: string) {
  const [row] = await sql<{
    status: string;
    last_error_code: string | null;
    failures: number;
    last_synced_at: Date | null;
  }>(
    'select status, last_error_code, failures, last_synced_at from private.google_connections where practitioner_id = $1',
    [practitionerId],
  );
  return row;
}

export const eventIdOf = (appointmentId: string) => `cb${appointmentId.replace(/-/g, '')}`;
