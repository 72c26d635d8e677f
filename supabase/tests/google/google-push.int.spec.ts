// Bookings reach the practitioner's Google Calendar through the outbox (issue 15, "Push
// bookings"): once, with a Meet link that becomes the appointment's video link; a retry after a
// lost answer does not duplicate; cancel deletes; reschedule moves. Without Google, a Jitsi room.
import { describe, expect, it } from 'vitest';
import { stripeControl } from '@carebook/fakes';
import { config, patient, scenario, sql } from '@carebook/testing';
import {
  callFunction,
  connectGoogle,
  connectionOf,
  eventIdOf,
  eventually,
  google,
  primaryEvents,
  syncTick,
  videoPractitioner,
} from './support.ts';

describe('pushing appointments to Google Calendar', () => {
  it('connects through the consent screen, then puts a booking in the calendar once with a Meet link', async () => {
    const s = await videoPractitioner();
    const { email, landing } = await connectGoogle(s.practitioner);
    expect(landing).toMatch(/\/integrations\?google=connected$/);
    const connection = await connectionOf(s.practitioner.id);
    expect(connection?.status).toBe('active');

    const ana = await patient();
    const booked = await s.book(ana, s.at(2, '10:00'));
    expect(booked.error).toBeNull();
    const appointment = booked.data as unknown as { id: string; video_url: string | null };
    // Google will give the link: no Jitsi room meanwhile.
    expect(appointment.video_url).toBeNull();

    await syncTick();
    // (Another file's tick may be the one pushing it: wait for the result, not for our tick.)
    const events = await eventually(async () => {
      const found = (await primaryEvents(email)).filter((e) => e.id === eventIdOf(appointment.id));
      return found.length > 0 && found;
    });
    expect(events).toHaveLength(1);
    expect(events[0]!.hangoutLink).toMatch(/^https:\/\/meet\.google\.com\/[a-z]{3}-[a-z]{4}-[a-z]{3}$/);
    expect(Date.parse(events[0]!.start.dateTime!)).toBe(Date.parse(s.at(2, '10:00')));

    // Both sides read the same link.
    const mine = await eventually(async () => {
      const row = await ana.client.from('appointments').select('video_url').eq('id', appointment.id).single();
      return row.data?.video_url ?? undefined;
    });
    expect(mine).toBe(events[0]!.hangoutLink);
    const theirs = await s.practitioner.client
      .from('appointments')
      .select('video_url')
      .eq('id', appointment.id)
      .single();
    expect(theirs.data?.video_url).toBe(events[0]!.hangoutLink);
  });

  it('leaves one event when a push is retried after a timeout', async () => {
    const s = await videoPractitioner();
    const { email } = await connectGoogle(s.practitioner);
    await syncTick();
    // Google answers the first insert after our 15 s timeout: the job retries at once, and the
    // late first try then finds the id taken (409), so Google holds the event once. (The rule is
    // set before booking: another file's tick may be the one that pushes it.)
    const slow = await google.addRule({
      api: 'calendar',
      operation: 'events.insert',
      account: email,
      delayMs: 16_000,
      times: 1,
    });
    const booked = await s.book(await patient(), s.at(3, '11:00'));
    const id = (booked.data as unknown as { id: string }).id;
    await syncTick();
    const inserts = await eventually(async () => {
      const calls = await google.calls({
        api: 'calendar',
        operation: 'events.insert',
        params: { account: email },
      });
      return calls.length === 2 && calls;
    }, 25_000);
    await slow.remove();
    expect(inserts.map((c) => c.status).sort()).toEqual([200, 409]);
    const events = (await primaryEvents(email)).filter((e) => e.id === eventIdOf(id));
    expect(events).toHaveLength(1);
    const status = await eventually(async () => {
      const [row] = await sql<{ status: string }>(
        "select status from public.outbox where topic = 'calendar.push' and payload ->> 'appointment_id' = $1",
        [id],
      );
      return row?.status === 'sent' && row.status;
    });
    expect(status).toBe('sent');
  }, 60_000);

  it('deletes the event when the appointment is cancelled and moves it when rescheduled', async () => {
    const s = await videoPractitioner();
    const { email } = await connectGoogle(s.practitioner);
    const ana = await patient();
    const one = ((await s.book(ana, s.at(4, '09:00'))).data as unknown as { id: string }).id;
    const two = ((await s.book(ana, s.at(4, '14:00'))).data as unknown as { id: string }).id;
    await syncTick();
    await eventually(
      async () => (await primaryEvents(email)).filter((e) => e.id.startsWith('cb')).length === 2,
    );

    expect((await ana.client.rpc('cancel_appointment', { p_appointment_id: one })).error).toBeNull();
    expect(
      (
        await ana.client.rpc('reschedule_appointment', {
          p_appointment_id: two,
          p_starts_at: s.at(5, '15:00'),
        })
      ).error,
    ).toBeNull();
    await syncTick();

    const events = await eventually(async () => {
      const all = await primaryEvents(email);
      return (
        all.find((e) => e.id === eventIdOf(one))?.status === 'cancelled' &&
        Date.parse(all.find((e) => e.id === eventIdOf(two))!.start.dateTime!) ===
          Date.parse(s.at(5, '15:00')) &&
        all
      );
    });
    expect(events.find((e) => e.id === eventIdOf(one))?.status).toBe('cancelled');
    const moved = events.find((e) => e.id === eventIdOf(two))!;
    expect(moved.status).toBe('confirmed');
    expect(Date.parse(moved.start.dateTime!)).toBe(Date.parse(s.at(5, '15:00')));
    // Our own changes never flag the appointment.
    await callFunction('google-sync', s.practitioner.accessToken);
    const flags = await sql<{ needs_attention: string | null }>(
      'select needs_attention from public.appointments where id = any($1::uuid[])',
      [[one, two]],
    );
    expect(flags.every((f) => f.needs_attention === null)).toBe(true);
  });

  it('gives a video appointment paid through Stripe its link when the webhook confirms it', async () => {
    const s = await scenario()
      .weeklyHours('mon-sun', '09:00-18:00')
      .type({ minutes: 30, price: 6000, mode: 'video' })
      .build();
    const ana = await patient();
    const held = (await s.book(ana, s.at(3, '10:00'))).data as unknown as {
      id: string;
      status: string;
      video_url: string | null;
    };
    expect(held).toMatchObject({ status: 'held', video_url: null });
    const started = await callFunction('checkout', ana.accessToken, { appointment_id: held.id });
    expect(started.status).toBe(200);
    const [payment] = await sql<{ checkout_session_id: string }>(
      'select checkout_session_id from public.payments where appointment_id = $1',
      [held.id],
    );
    const stripe = stripeControl(config.fakesUrl);
    await stripe.pay(payment!.checkout_session_id, '4242424242424242');
    await stripe.idle();
    const [paid] = await sql<{ status: string; video_url: string }>(
      'select status, video_url from public.appointments where id = $1',
      [held.id],
    );
    expect(paid?.status).toBe('confirmed');
    expect(paid?.video_url).toMatch(/^https:\/\/meet\.jit\.si\/carebook-[0-9a-f]{64}$/);
  });

  it('gives a video appointment an unguessable Jitsi room when Google is not connected', async () => {
    const s = await videoPractitioner();
    const ana = await patient();
    const a = (await s.book(ana, s.at(2, '16:00'))).data as unknown as { id: string; video_url: string };
    const b = (await s.book(ana, s.at(3, '16:00'))).data as unknown as { id: string; video_url: string };
    expect(a.video_url).toMatch(/^https:\/\/meet\.jit\.si\/carebook-[0-9a-f]{64}$/);
    expect(b.video_url).not.toBe(a.video_url);
  });
});
