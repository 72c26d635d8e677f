// A pull already running (the minutely job, after a push notification) and another request for
// one: "sync now" must answer only once the running pull's busy times are stored, and a push
// notification arriving while a pull is listing must not be forgotten when that pull saves.
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { config, patient, sql } from '@carebook/testing';
import {
  connectGoogle,
  eventIdOf,
  eventually,
  google,
  primaryEvents,
  syncTick,
  videoPractitioner,
} from './support.ts';

const lockers: pg.Client[] = [];
afterEach(async () => {
  for (const c of lockers.splice(0)) await c.end().catch(() => undefined);
});

/** Another run's transaction, holding the practitioner's calendars after `statement`. */
async function otherRun(statement: string, practitionerId: string): Promise<pg.Client> {
  const running = new pg.Client({ connectionString: config.dbUrl('postgres') });
  lockers.push(running);
  await running.connect();
  await running.query('begin');
  await running.query(statement, [practitionerId]);
  return running;
}

async function dueOf(practitionerId: string) {
  const [row] = await sql<{ due: Date | null; leased: boolean }>(
    `select sync_due_at as due, sync_due_at > now() as leased from private.google_calendars
      where practitioner_id = $1 and blocks_availability`,
    [practitionerId],
  );
  return row!;
}

async function claim(practitionerId: string | null, all = false) {
  return sql<{ calendar_id: string }>('select calendar_id from public.google_claim_syncs(20, $1, $2)', [
    all,
    practitionerId,
  ]);
}

/** What google-sync saves after listing: here, nothing changed. */
async function save(practitionerId: string, calendarId: string) {
  await sql("select * from public.google_save_sync($1, $2, false, '[]'::jsonb, 'token-after', 'UTC')", [
    practitionerId,
    calendarId,
  ]);
}

describe('pulls that meet', () => {
  it('"sync now" waits for a pull being saved, then takes the calendar if it is still due', async () => {
    const s = await videoPractitioner();
    await connectGoogle(s.practitioner);
    // Another run's save holds the calendar; a push notification marked it due meanwhile.
    const running = await otherRun(
      'update private.google_calendars set sync_due_at = now() where practitioner_id = $1',
      s.practitioner.id,
    );

    let answered: { calendar_id: string }[] | null = null;
    const now = claim(s.practitioner.id).then((rows) => (answered = rows));
    await new Promise((r) => setTimeout(r, 400));
    expect(answered).toBeNull(); // not an empty answer given at once

    await running.query('commit');
    await now;
    expect(answered!.length).toBeGreaterThan(0);
  });

  it('the scheduled job still skips a calendar another run holds', async () => {
    const s = await videoPractitioner();
    await connectGoogle(s.practitioner);
    await sql('select public.google_mark_due($1)', [s.practitioner.id]);
    const running = await otherRun(
      'select 1 from private.google_calendars where practitioner_id = $1 for update',
      s.practitioner.id,
    );
    const rows = await sql<{ practitioner_id: string }>(
      'select practitioner_id from public.google_claim_syncs(1000, false, null)',
    );
    expect(rows.map((r) => r.practitioner_id)).not.toContain(s.practitioner.id);
    await running.query('commit');
  });

  it('a save clears its own lease, but keeps a due mark made while it was listing', async () => {
    const s = await videoPractitioner();
    await connectGoogle(s.practitioner);

    await sql('select public.google_mark_due($1)', [s.practitioner.id]);
    const [{ calendar_id: calendar }] = (await claim(s.practitioner.id)) as [{ calendar_id: string }];
    expect((await dueOf(s.practitioner.id)).leased).toBe(true);
    await save(s.practitioner.id, calendar);
    expect((await dueOf(s.practitioner.id)).due).toBeNull();

    // Claimed; a push notification arrives while listing; then the save.
    await sql(
      'select public.google_mark_due($1); select public.google_claim_syncs(20, false, $1); select public.google_mark_due($1)'.replace(
        /\$1/g,
        `'${s.practitioner.id}'`,
      ),
    );
    await save(s.practitioner.id, calendar);
    const after = await dueOf(s.practitioner.id);
    expect(after.due).not.toBeNull();
    expect(after.leased).toBe(false);
    // So the next tick pulls it again.
    expect((await claim(s.practitioner.id)).map((r) => r.calendar_id)).toContain(calendar);
  });
  it('a pull that lists our own move before its push is recorded does not call it a change in Google', async () => {
    const s = await videoPractitioner();
    const { email } = await connectGoogle(s.practitioner);
    await google.calendar.setPush(false);
    try {
      const ana = await patient();
      const booked = ((await s.book(ana, s.at(4, '09:00'))).data as unknown as { id: string }).id;
      await syncTick();
      await eventually(async () => (await primaryEvents(email)).some((e) => e.id === eventIdOf(booked)));
      expect(
        (
          await ana.client.rpc('reschedule_appointment', {
            p_appointment_id: booked,
            p_starts_at: s.at(5, '15:00'),
          })
        ).error,
      ).toBeNull();
      // Google already has the new time (our push went through) and a pull lists it before the
      // push's answer is recorded: the link still holds the old time.
      const listed = (from: string, to: string) =>
        sql(
          `select * from public.google_save_sync($1, $2, false,
             jsonb_build_array(jsonb_build_object('id', $3::text, 'busy', true, 'start', $4::text, 'end', $5::text)),
             'token-after', 'UTC')`,
          [s.practitioner.id, email, eventIdOf(booked), from, to],
        );
      const flag = async () =>
        (
          await sql<{ needs_attention: string | null }>(
            'select needs_attention from public.appointments where id = $1',
            [booked],
          )
        )[0]!.needs_attention;
      await listed(s.at(5, '15:00'), s.at(5, '15:30'));
      expect(await flag()).toBeNull();
      // Moved in Google to a time that is neither: that one is flagged.
      await listed(s.at(5, '17:00'), s.at(5, '17:30'));
      expect(await flag()).toBe('moved_in_google');
    } finally {
      await google.calendar.setPush(true);
    }
  });
});
