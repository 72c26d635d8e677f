// The periodic fallback (every 15 minutes, for lost push notifications) must reach every calendar
// not pulled lately, however many practitioners are connected: batch after batch, the least
// recently pulled first, leaving alone a calendar pulled in the last 5 minutes or being pulled.
// Run in one transaction rolled back at the end, so no other test's job ever sees these rows.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { config } from '@carebook/testing';
import { videoPractitioner } from './support.ts';

let db: pg.Client;
let practitionerId: string;

beforeAll(async () => {
  practitionerId = (await videoPractitioner()).practitioner.id;
  db = new pg.Client({ connectionString: config.dbUrl('postgres') });
  await db.connect();
  await db.query('begin');
  await db.query(
    `insert into private.google_connections (practitioner_id, account_email, refresh_token_cipher)
     values ($1, 'periodic@example.test', 'not-a-token')`,
    [practitionerId],
  );
  // stale-01 .. stale-22, pulled 10 to 31 minutes ago (stale-22 the longest ago).
  await db.query(
    `insert into private.google_calendars (practitioner_id, calendar_id, blocks_availability, last_synced_at)
     select $1, 'stale-' || lpad(i::text, 2, '0'), true, now() - make_interval(mins => 9 + i)
       from generate_series(1, 22) i`,
    [practitionerId],
  );
  await db.query(
    `insert into private.google_calendars (practitioner_id, calendar_id, blocks_availability, last_synced_at, sync_due_at)
     values ($1, 'never-pulled', true, null, null),
            ($1, 'pulled-a-minute-ago', true, now() - interval '1 minute', null),
            ($1, 'being-pulled', true, now() - interval '1 hour', now() + interval '1 minute'),
            ($1, 'pushed', true, now() - interval '1 minute', now() - interval '10 seconds'),
            ($1, 'not-chosen', false, now() - interval '1 hour', null)`,
    [practitionerId],
  );
});

afterAll(async () => {
  await db?.query('rollback').catch(() => undefined);
  await db?.end();
});

async function periodicBatch(): Promise<string[]> {
  const { rows } = await db.query<{ calendar_id: string }>(
    'select calendar_id from public.google_claim_syncs(20, true, $1)',
    [practitionerId],
  );
  return rows.map((r) => r.calendar_id).sort(); // which ones were taken; the order they come in is free
}

describe('the periodic pull', () => {
  it('takes due calendars, then never-pulled, then the longest unpulled, 20 at a time, until none is left', async () => {
    const stale = (i: number) => `stale-${String(i).padStart(2, '0')}`;
    const first = await periodicBatch();
    expect(first).toEqual(['never-pulled', 'pushed', ...Array.from({ length: 18 }, (_, k) => stale(22 - k))].sort());
    // Taken calendars are leased: the next claim goes on with the rest.
    expect(await periodicBatch()).toEqual([stale(1), stale(2), stale(3), stale(4)]);
    expect(await periodicBatch()).toEqual([]);
  });
});
