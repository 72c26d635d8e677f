// Busy times come from Google (issue 15, "Pull busy times", "Changes on Google's side", "Broken
// connections"): after a push notification or the periodic sync, an event in Google removes the
// slots it overlaps; a stale sync token (410) relists everything to the same busy set; a revoked
// grant breaks the connection once, tells the practitioner and stops calling; 429s are retried
// with backoff, a 400 never is; our events moved or deleted in Google flag the appointment.
import { afterEach, describe, expect, it } from 'vitest';
import { notifyTick, patient, sql, type Scenario } from '@carebook/testing';
import {
  connectGoogle,
  connectionOf,
  eventIdOf,
  eventually,
  google,
  periodicTick,
  primaryEvents,
  syncTick,
  videoPractitioner,
} from './support.ts';

const overlaps = (slot: { starts_at: string; ends_at: string }, from: string, to: string) =>
  Date.parse(slot.starts_at) < Date.parse(to) && Date.parse(slot.ends_at) > Date.parse(from);

async function slotsOn(s: Scenario, day: number) {
  return s.slots(s.at(day, '00:00'), s.at(day + 1, '00:00'));
}

async function busySet(practitionerId: string): Promise<string[]> {
  const rows = await sql<{ during: string }>(
    "select during::text from public.external_busy_intervals where practitioner_id = $1 and source = 'google' order by lower(during)",
    [practitionerId],
  );
  return rows.map((r) => r.during);
}

describe('pulling busy times from Google Calendar', () => {
  afterEach(async () => {
    await google.calendar.setPush(true);
  });

  it('removes the overlapping slots after the push notification', async () => {
    const s = await videoPractitioner();
    const { email } = await connectGoogle(s.practitioner);
    expect((await google.calendar.channels(email)).some((c) => c.calendarId === email && !c.stopped)).toBe(
      true,
    );
    const from = s.at(2, '10:00');
    const to = s.at(2, '11:00');
    expect((await slotsOn(s, 2)).some((slot) => overlaps(slot, from, to))).toBe(true);
    await google.calendar.addEvents(email, 'primary', [
      { summary: 'Dentist', start: { dateTime: from }, end: { dateTime: to } },
    ]);
    await eventually(async () => !(await slotsOn(s, 2)).some((slot) => overlaps(slot, from, to)));
    // The rest of the day stays open.
    expect((await slotsOn(s, 2)).some((slot) => overlaps(slot, s.at(2, '14:00'), s.at(2, '15:00')))).toBe(
      true,
    );
  });

  it('removes them after the periodic sync when push notifications are lost', async () => {
    const s = await videoPractitioner();
    const { email } = await connectGoogle(s.practitioner);
    await google.calendar.setPush(false);
    const from = s.at(3, '15:00');
    const to = s.at(3, '16:30');
    await google.calendar.addEvents(email, 'primary', [
      { summary: 'School run', start: { dateTime: from }, end: { dateTime: to } },
    ]);
    await syncTick(); // the minutely tick: nothing is due without a notification
    expect((await slotsOn(s, 3)).some((slot) => overlaps(slot, from, to))).toBe(true);
    await periodicTick(s.practitioner.id);
    expect((await slotsOn(s, 3)).some((slot) => overlaps(slot, from, to))).toBe(false);
  });

  it('counts only busy events: free, declined and cancelled ones are ignored; all-day and recurring ones block', async () => {
    const s = await videoPractitioner();
    const { email } = await connectGoogle(s.practitioner);
    await google.calendar.setPush(false);
    await google.calendar.addEvents(email, 'primary', [
      { summary: 'busy', start: { dateTime: s.at(2, '09:00') }, end: { dateTime: s.at(2, '10:00') } },
      {
        summary: 'free',
        transparency: 'transparent',
        start: { dateTime: s.at(2, '12:00') },
        end: { dateTime: s.at(2, '13:00') },
      },
      {
        summary: 'declined',
        attendees: [{ email, self: true, responseStatus: 'declined' }],
        start: { dateTime: s.at(2, '14:00') },
        end: { dateTime: s.at(2, '15:00') },
      },
      { summary: 'holiday', start: { date: s.day(4) }, end: { date: s.day(5) } },
      {
        summary: 'weekly',
        recurrence: ['RRULE:FREQ=WEEKLY;COUNT=3'],
        start: { dateTime: s.at(3, '16:00') },
        end: { dateTime: s.at(3, '17:00') },
      },
    ]);
    await periodicTick(s.practitioner.id);
    const busy = await busySet(s.practitioner.id);
    expect(busy).toHaveLength(1 + 1 + 3);
    expect(await slotsOn(s, 4)).toHaveLength(0);
    expect((await slotsOn(s, 2)).some((slot) => overlaps(slot, s.at(2, '12:00'), s.at(2, '13:00')))).toBe(
      true,
    );
    expect((await slotsOn(s, 2)).some((slot) => overlaps(slot, s.at(2, '14:00'), s.at(2, '15:00')))).toBe(
      true,
    );
  });

  it('renews a push channel a day before it expires and stops the old one', async () => {
    const s = await videoPractitioner();
    const { email } = await connectGoogle(s.practitioner);
    const [old] = await sql<{ channel_id: string }>(
      'select channel_id from private.google_calendars where practitioner_id = $1 and calendar_id = $2',
      [s.practitioner.id, email],
    );
    expect(old?.channel_id).toBeTruthy();
    // Six days later: the channel has hours left.
    await sql(
      "update private.google_calendars set channel_expires_at = now() + interval '3 hours' where channel_id = $1",
      [old!.channel_id],
    );
    await syncTick();
    const channels = await eventually(async () => {
      const all = (await google.calendar.channels(email)).filter((c) => c.calendarId === email);
      return all.some((c) => c.id === old!.channel_id && c.stopped) && all;
    });
    const live = channels.filter((c) => !c.stopped);
    expect(live).toHaveLength(1);
    expect(live[0]!.expiration - Date.now()).toBeGreaterThan(6 * 86_400_000);
    const [now] = await sql<{ channel_id: string }>(
      'select channel_id from private.google_calendars where practitioner_id = $1 and calendar_id = $2',
      [s.practitioner.id, email],
    );
    expect(now?.channel_id).toBe(live[0]!.id);
  });

  it('relists everything after a 410 and keeps the same busy set', async () => {
    const s = await videoPractitioner();
    const { email } = await connectGoogle(s.practitioner);
    await google.calendar.setPush(false);
    await google.calendar.addEvents(
      email,
      'primary',
      [2, 3, 4].map((d) => ({ start: { dateTime: s.at(d, '10:00') }, end: { dateTime: s.at(d, '11:00') } })),
    );
    await periodicTick(s.practitioner.id);
    const before = await busySet(s.practitioner.id);
    expect(before).toHaveLength(3);
    await google.calendar.expireSyncTokens(email, 'primary');
    await periodicTick(s.practitioner.id);
    // The stack's own minutely sync may list this calendar too, before or after ours: look for the
    // 410 and the call that follows it rather than at the last two calls.
    const relist = await eventually(async () => {
      const lists = await google.calls({
        api: 'calendar',
        operation: 'events.list',
        params: { account: email, calendarId: email },
      });
      const gone = lists.findIndex((c) => c.status === 410);
      return gone >= 0 && gone + 1 < lists.length && lists.slice(gone, gone + 2);
    });
    expect(relist.map((c) => [c.status, c.params.syncToken ?? 'none'])).toEqual([
      [410, 'yes'],
      [200, 'none'],
    ]);
    // Whichever sync listed it may still be saving what it listed.
    await eventually(async () => (await busySet(s.practitioner.id)).join() === before.join());
  });

  it('marks a revoked connection broken within one cycle, tells the practitioner once and stops calling', async () => {
    const s = await videoPractitioner();
    const { email } = await connectGoogle(s.practitioner);
    await google.calendar.revoke(email);
    // One periodic cycle covers the calendar (another file's tick may be the one that does).
    await periodicTick(s.practitioner.id);
    const broken = await eventually(async () => {
      const c = await connectionOf(s.practitioner.id);
      return c?.status === 'broken' && c;
    }, 5_000);
    expect(broken.last_error_code).toBe('invalid_grant');
    // A booking made meanwhile still gets a video link.
    const booked = await s.book(await patient(), s.at(2, '11:00'));
    expect((booked.data as unknown as { video_url: string }).video_url).toMatch(/^https:\/\/meet\.jit\.si\//);
    // No retry storm: once broken, ticks leave Google alone (one refused refresh in all).
    const calls = () => google.calls({ params: { account: email } });
    const before = await calls();
    for (let i = 0; i < 3; i++) await syncTick(i % 2 === 0);
    expect(await calls()).toHaveLength(before.length);
    const refused = before.filter((c) => c.operation === 'token' && c.status === 400);
    expect(refused).toHaveLength(1);
    await notifyTick();
    const told = await sql<{ topic: string }>(
      'select topic from public.notifications where recipient_id = $1',
      [s.practitioner.id],
    );
    expect(told.filter((n) => n.topic === 'calendar.connection_broken')).toHaveLength(1);
  }, 90_000);

  it('retries 429s with backoff until they pass, and never retries a 400', async () => {
    const s = await videoPractitioner();
    const { email } = await connectGoogle(s.practitioner);
    await google.calendar.setPush(false);
    const listed = (
      await google.calls({ api: 'calendar', operation: 'events.list', params: { account: email } })
    ).length;
    const limited = await google.addRule({
      api: 'calendar',
      operation: 'events.list',
      account: email,
      status: 429,
      times: 2,
    });
    await periodicTick(s.practitioner.id);
    await limited.remove();
    const calls = (
      await google.calls({ api: 'calendar', operation: 'events.list', params: { account: email } })
    ).slice(listed);
    expect(calls.map((c) => c.status).slice(0, 3)).toEqual([429, 429, 200]);
    // Waits grow: about 250 ms then 500 ms (jittered by a quarter either way).
    const gaps = [1, 2].map((i) => Date.parse(calls[i]!.at) - Date.parse(calls[i - 1]!.at));
    expect(gaps[0]).toBeGreaterThanOrEqual(180);
    expect(gaps[1]).toBeGreaterThan(gaps[0]! * 1.2);
    expect((await connectionOf(s.practitioner.id))?.status).toBe('active');

    const refused = await google.addRule({
      api: 'calendar',
      operation: 'events.insert',
      account: email,
      status: 400,
    });
    const booked = await s.book(await patient(), s.at(2, '15:00'));
    const id = (booked.data as unknown as { id: string }).id;
    await syncTick();
    const push = await eventually(async () => {
      const [row] = await sql<{ status: string }>(
        "select status from public.outbox where topic = 'calendar.push' and payload ->> 'appointment_id' = $1",
        [id],
      );
      return row?.status !== 'pending' && row;
    });
    await syncTick();
    await refused.remove();
    expect(push.status).toBe('failed');
    const inserts = await google.calls({
      api: 'calendar',
      operation: 'events.insert',
      params: { account: email },
    });
    expect(inserts.map((c) => c.status)).toEqual([400]);
    // The appointment keeps a link all the same.
    const [a] = await sql<{ video_url: string }>('select video_url from public.appointments where id = $1', [
      id,
    ]);
    expect(a?.video_url).toMatch(/^https:\/\/meet\.jit\.si\//);
  });

  it('flags an appointment moved or deleted in Google and tells the practitioner, never moving or cancelling it', async () => {
    const s = await videoPractitioner();
    const { email } = await connectGoogle(s.practitioner);
    const ana = await patient();
    const moved = ((await s.book(ana, s.at(2, '09:00'))).data as unknown as { id: string }).id;
    const deleted = ((await s.book(ana, s.at(2, '13:00'))).data as unknown as { id: string }).id;
    await syncTick();
    await eventually(
      async () => (await primaryEvents(email)).filter((e) => e.id.startsWith('cb')).length === 2,
    );
    await eventually(async () => {
      const [n] = await sql<{ n: number }>(
        'select count(*)::int as n from private.google_event_links where appointment_id = any($1::uuid[])',
        [[moved, deleted]],
      );
      return n?.n === 2;
    });
    await google.calendar.patchEvent(email, 'primary', eventIdOf(moved), {
      start: { dateTime: s.at(2, '16:00') },
      end: { dateTime: s.at(2, '16:30') },
    });
    await google.calendar.deleteEvent(email, 'primary', eventIdOf(deleted));
    const flags = await eventually(async () => {
      const rows = await sql<{ id: string; status: string; starts_at: Date; needs_attention: string | null }>(
        'select id, status, starts_at, needs_attention from public.appointments where id = any($1::uuid[]) order by starts_at',
        [[moved, deleted]],
      );
      return rows.every((r) => r.needs_attention) && rows;
    });
    expect(flags.map((f) => [f.status, f.needs_attention])).toEqual([
      ['confirmed', 'moved_in_google'],
      ['confirmed', 'deleted_in_google'],
    ]);
    expect(flags[0]!.starts_at.toISOString()).toBe(new Date(s.at(2, '09:00')).toISOString());
    // Our own event never counts as busy time.
    expect(await busySet(s.practitioner.id)).toHaveLength(0);
    await notifyTick();
    const told = await sql<{ topic: string; data: { change: string } }>(
      'select topic, data from public.notifications where recipient_id = $1 and topic = $2',
      [s.practitioner.id, 'appointment.changed_in_google'],
    );
    expect(told.map((n) => n.data.change).sort()).toEqual(['deleted_in_google', 'moved_in_google']);
  }, 90_000);
});
