// The Google run of `npm run bench` (`--google-only`): a practitioner connects through the Google
// fake's real OAuth round trip, 1,000 events are then created in their calendar (push delivery
// off, so only the sync under test reads them), and one google-sync tick pulls them
// incrementally. Prints the time and the requests it made to Google (from the fake's record),
// then checks every busy event became a busy interval. A failed check is a MISS, never a failure.
import pg from 'pg';
import { googleControl } from '@carebook/fakes';
import type { StackConfig } from '@carebook/local-stack';
import { accessToken } from './jwt.ts';

export interface GoogleBenchResult {
  events: number;
  /** The incremental sync of the changed events. */
  syncMs: number;
  requests: Record<string, number>;
  /** A sync with nothing changed, for comparison. */
  idleMs: number;
  idleRequests: number;
  busyIntervals: number;
  pass: boolean;
}

async function post(config: StackConfig, name: string, token: string, body: unknown = {}) {
  const res = await fetch(`${config.apiUrl}/functions/v1/${name}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, apikey: config.anonKey, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  const json = (await res.json()) as Record<string, unknown>;
  if (!res.ok) throw new Error(`${name}: ${res.status} ${JSON.stringify(json)}`);
  return json;
}

export async function googleBench(
  db: pg.ClientBase,
  config: StackConfig,
  options: { events: number },
  say: (line?: string) => void,
): Promise<GoogleBenchResult> {
  const google = googleControl(config.fakesUrl);
  const email = `google-bench-${Date.now()}@bench.test`;
  const [{ id }] = (
    await db.query<{ id: string }>(
      `insert into auth.users (instance_id, id, aud, role, email, raw_app_meta_data, raw_user_meta_data, created_at, updated_at)
       values ('00000000-0000-0000-0000-000000000000', gen_random_uuid(), 'authenticated', 'authenticated', $1,
               '{"provider": "email"}', '{"role": "practitioner", "full_name": "Dr Google Bench"}', now(), now())
       returning id`,
      [email],
    )
  ).rows as [{ id: string }];
  await db.query(
    `insert into public.practitioners (id, slug, display_name, profession_code, time_zone, verification_status, modes)
     values ($1::uuid, 'google-bench-' || substr(md5($1::text), 1, 12), 'Dr Google Bench',
             (select code from public.professions order by registry = 'none' desc, code limit 1), 'Europe/Paris', 'verified', '{video}')`,
    [id],
  );

  // Connect as a person would: google-connect, "Allow" on the consent page, google-callback.
  const jwt = await accessToken(config.jwtSecret, id, 3600, '00000000-0000-0000-0000-000000000000');
  const consent = new URL(String((await post(config, 'google-connect', jwt)).url));
  const approve = new URL('approve', consent);
  for (const [k, v] of consent.searchParams) approve.searchParams.set(k, v);
  approve.searchParams.set('login_hint', email);
  approve.searchParams.set('decision', 'allow');
  const callback = (await fetch(approve, { redirect: 'manual' })).headers.get('location');
  const landed = (await fetch(callback ?? '', { redirect: 'manual' })).headers.get('location') ?? '';
  if (!landed.endsWith('google=connected')) throw new Error(`google: connecting failed (${landed})`);

  await google.calendar.setPush(false);
  try {
    const day = 86_400_000;
    const start = Date.now() + day;
    const events = Array.from({ length: options.events }, (_, i) => {
      const at = start + Math.floor(i / 8) * day + (i % 8) * 3_600_000;
      return {
        summary: `Busy ${i}`,
        start: { dateTime: new Date(at).toISOString() },
        end: { dateTime: new Date(at + 45 * 60_000).toISOString() },
      };
    });
    for (let i = 0; i < events.length; i += 250)
      await google.calendar.addEvents(email, 'primary', events.slice(i, i + 250));

    const service = config.serviceRoleKey;
    const countCalls = async () => (await google.calls({ params: { account: email } })).length;
    const before = await google.calls({ params: { account: email } });
    // As after a push notification: the calendar is due, the minutely tick pulls what changed.
    const pushed = () =>
      db.query('update private.google_calendars set sync_due_at = now() where practitioner_id = $1::uuid', [
        id,
      ]);
    await pushed();
    let t = performance.now();
    await post(config, 'google-sync', service, {});
    const syncMs = performance.now() - t;
    const made = (await google.calls({ params: { account: email } })).slice(before.length);
    const requests: Record<string, number> = {};
    for (const c of made)
      requests[`${c.api}.${c.operation}`] = (requests[`${c.api}.${c.operation}`] ?? 0) + 1;

    const idleBefore = await countCalls();
    await pushed();
    t = performance.now();
    await post(config, 'google-sync', service, {});
    const idleMs = performance.now() - t;
    const idleRequests = (await countCalls()) - idleBefore;

    const [{ n }] = (
      await db.query<{ n: number }>(
        `select count(*)::int as n from public.external_busy_intervals where practitioner_id = $1 and source = 'google'`,
        [id],
      )
    ).rows as [{ n: number }];
    const total = Object.values(requests).reduce((a, b) => a + b, 0);
    say(
      `  google: incremental sync of ${options.events} changed events in ${syncMs.toFixed(0)} ms, ${total} requests to Google ` +
        `(${Object.entries(requests)
          .map(([k, v]) => `${k} ${v}`)
          .join(', ')}); nothing changed: ${idleMs.toFixed(0)} ms, ${idleRequests} requests`,
    );
    const pass = n === options.events;
    say(`  ${pass ? 'ok  ' : 'MISS'} every busy event is a busy interval: ${n} of ${options.events}`);
    return { events: options.events, syncMs, requests, idleMs, idleRequests, busyIntervals: n, pass };
  } finally {
    await google.calendar.setPush(true);
  }
}
