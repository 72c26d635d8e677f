// Preferences decide which channels a message takes: per person, category and channel, with a
// booking's own e-mail and in-app notice always on, SMS only to a phone number, and in-app notices
// that carry what the apps need to word them. Planning is run by hand (plan_deliveries), as the
// notify job does each minute.
import { describe, expect, it } from 'vitest';
import { anon, confirmedUser, practitionerOpen, service, sql, uniqueEmail, user } from '@carebook/testing';

type Channel = 'email' | 'sms' | 'in_app';

async function plan(): Promise<void> {
  const { error } = await service().rpc('plan_deliveries', { p_limit: 5000 });
  expect(error).toBeNull();
}

/** Channels each recipient got for an appointment's messages of one topic. */
async function channelsOf(appointmentId: string, topic: string, recipientId: string): Promise<Channel[]> {
  const rows = await sql<{ channel: Channel }>(
    `select d.channel from public.deliveries d join public.outbox o on o.id = d.outbox_id
      where o.payload ->> 'appointment_id' = $1 and o.topic = $2 and d.recipient_id = $3
     union all
     select 'in_app' from public.notifications n join public.outbox o on o.id = n.outbox_id
      where o.payload ->> 'appointment_id' = $1 and o.topic = $2 and n.recipient_id = $3
     order by 1`,
    [appointmentId, topic, recipientId],
  );
  return rows.map((r) => r.channel).sort();
}

describe('notification settings', () => {
  it('lists every category and channel with defaults: booking e-mail and in-app required, account SMS off', async () => {
    const ann = await user('patient');
    const { data, error } = await ann.client.rpc('my_notification_settings');
    expect(error).toBeNull();
    expect(data).toEqual([
      { category: 'booking', channel: 'in_app', enabled: true, required: true },
      { category: 'booking', channel: 'email', enabled: true, required: true },
      { category: 'booking', channel: 'sms', enabled: true, required: false },
      { category: 'reminders', channel: 'in_app', enabled: true, required: false },
      { category: 'reminders', channel: 'email', enabled: true, required: false },
      { category: 'reminders', channel: 'sms', enabled: true, required: false },
      { category: 'account', channel: 'in_app', enabled: true, required: false },
      { category: 'account', channel: 'email', enabled: true, required: false },
      { category: 'account', channel: 'sms', enabled: false, required: false },
    ]);
  });

  it('keeps a choice per person, and refuses turning off what a booking needs, however asked', async () => {
    const [ann, bob] = await Promise.all([user('patient'), user('patient')]);
    const off = await ann.client.rpc('set_notification_preference', {
      p_category: 'reminders',
      p_channel: 'email',
      p_enabled: false,
    });
    expect(off.data).toEqual([{ category: 'reminders', channel: 'email', enabled: false, required: false }]);
    const on = await ann.client.rpc('set_notification_preference', {
      p_category: 'account',
      p_channel: 'sms',
      p_enabled: true,
    });
    expect(on.data?.[0]?.enabled).toBe(true);

    const refused = await ann.client.rpc('set_notification_preference', {
      p_category: 'booking',
      p_channel: 'email',
      p_enabled: false,
    });
    expect(refused.error?.details).toBe('preference_required');
    const direct = await ann.client
      .from('notification_preferences')
      .insert({ category: 'booking', channel: 'in_app', enabled: false });
    expect(direct.error?.details).toBe('preference_required');

    const mine = await ann.client.from('notification_preferences').select('category, channel, enabled');
    expect(mine.data).toHaveLength(2);
    const theirs = await bob.client.from('notification_preferences').select('profile_id');
    expect(theirs.data).toEqual([]);
    const bobs = await bob.client.rpc('my_notification_settings');
    expect(bobs.data?.find((s) => s.category === 'reminders' && s.channel === 'email')?.enabled).toBe(true);
  });

  it('is for signed-in people only', async () => {
    const { error } = await anon().rpc('my_notification_settings');
    expect(error?.code).toBe('42501');
  });

  it('lets people set their own phone and time zone, in the forms the apps use', async () => {
    const ann = await user('patient');
    const ok = await ann.client
      .from('profiles')
      .update({ phone: '+33612345678', time_zone: 'America/Montreal' })
      .eq('id', ann.id)
      .select('phone, time_zone');
    expect(ok.data).toEqual([{ phone: '+33612345678', time_zone: 'America/Montreal' }]);
    const badPhone = await ann.client.from('profiles').update({ phone: '06 12 34 56 78' }).eq('id', ann.id);
    expect(badPhone.error?.code).toBe('23514');
    const badZone = await ann.client.from('profiles').update({ time_zone: 'CET' }).eq('id', ann.id);
    expect(badZone.error?.details).toBe('invalid_time_zone');
  });
});

describe('planning with preferences', () => {
  it('sends SMS only to people with a phone, and follows each person’s choices', async () => {
    const s = await practitionerOpen({}, { displayName: 'Dr Canal' });
    const [withPhone, withoutPhone] = await Promise.all([user('patient'), user('patient')]);
    await sql(`update public.profiles set phone = '+33611111111' where id = $1`, [withPhone.id]);
    await withPhone.client.rpc('set_notification_preference', {
      p_category: 'reminders',
      p_channel: 'email',
      p_enabled: false,
    });
    const a = await s.book(withPhone, s.at(3, '09:00'));
    const b = await s.book(withoutPhone, s.at(3, '10:00'));
    await plan();
    expect(await channelsOf(a.data!.id, 'appointment.confirmed', withPhone.id)).toEqual([
      'email',
      'in_app',
      'sms',
    ]);
    expect(await channelsOf(b.data!.id, 'appointment.confirmed', withoutPhone.id)).toEqual([
      'email',
      'in_app',
    ]);

    // Reminders: this patient turned their e-mail off; in-app and SMS stay on by default.
    await service()
      .from('consultation_types')
      .update({ reminder_minutes: [1440] })
      .eq('id', s.type.id);
    const dayBefore = new Date(Date.parse(a.data!.starts_at) - 23 * 3_600_000).toISOString();
    await service().rpc('plan_reminders_tick', { p_now: dayBefore });
    await plan();
    expect(await channelsOf(a.data!.id, 'appointment.reminder', withPhone.id)).toEqual(['in_app', 'sms']);
  });

  it('texts the other side of a cancellation, never the one who cancelled', async () => {
    const s = await practitionerOpen();
    const ann = await user('patient');
    await sql(`update public.profiles set phone = '+33622222222' where id = any($1::uuid[])`, [
      [ann.id, s.practitioner.id],
    ]);
    const booked = await s.book(ann, s.at(4, '09:00'));
    await ann.client.rpc('cancel_appointment', { p_appointment_id: booked.data!.id });
    await plan();
    expect(await channelsOf(booked.data!.id, 'appointment.cancelled', ann.id)).toEqual(['email', 'in_app']);
    expect(await channelsOf(booked.data!.id, 'appointment.cancelled', s.practitioner.id)).toEqual([
      'email',
      'in_app',
      'sms',
    ]);
  });

  it('gives in-app notices the names, time and zones the apps word them with', async () => {
    const s = await practitionerOpen({ name: 'Bilan' }, { displayName: 'Dr Fenêtre' });
    const ann = await user('patient', { fullName: 'Ann Lu' });
    await sql(`update public.profiles set time_zone = 'Europe/London' where id = $1`, [ann.id]);
    const booked = await s.book(ann, s.at(3, '09:00'));
    await plan();
    const { data } = await ann.client.from('notifications').select('topic, data');
    expect(data).toEqual([
      {
        topic: 'appointment.confirmed',
        data: expect.objectContaining({
          appointment_id: booked.data!.id,
          practitioner_name: 'Dr Fenêtre',
          patient_name: 'Ann Lu',
          consultation_fr: 'Bilan',
          starts_at: expect.any(String),
          time_zone: 'Europe/Paris',
          recipient_time_zone: 'Europe/London',
        }),
      },
    ]);
    expect(Date.parse((data![0]!.data as { starts_at: string }).starts_at)).toBe(
      Date.parse(booked.data!.starts_at),
    );
  });
});

describe('in-app notices', () => {
  it('are marked read one by one or all at once, only one’s own', async () => {
    const [ann, bob] = await Promise.all([user('patient'), user('patient')]);
    const notices = async (recipientId: string) =>
      (
        await sql<{ id: string }>(
          `insert into public.notifications (recipient_id, topic)
           select $1, 'account.welcome' from generate_series(1, 3) returning id`,
          [recipientId],
        )
      ).map((r) => r.id);
    const [annIds, bobIds] = [await notices(ann.id), await notices(bob.id)];

    const one = await ann.client.rpc('mark_notifications_read', { p_ids: [annIds[0]!, bobIds[0]!] });
    expect(one.data).toBe(1);
    const rest = await ann.client.rpc('mark_notifications_read', {});
    expect(rest.data).toBe(2);
    const again = await ann.client.rpc('mark_notifications_read', {});
    expect(again.data).toBe(0);
    const bobUnread = await sql<{ n: number }>(
      `select count(*)::int as n from public.notifications where recipient_id = $1 and read_at is null`,
      [bob.id],
    );
    expect(bobUnread[0]!.n).toBe(3);
  });
});

describe('welcome', () => {
  it('is enqueued once, when a person confirms their address', async () => {
    // A sign-up of their own: the address gets a confirmation e-mail first.
    const signedUp = await anon().auth.signUp({
      email: uniqueEmail('welcome'),
      password: 'a long enough passphrase 42',
      options: { data: { role: 'practitioner' } },
    });
    const account = { id: signedUp.data.user!.id };
    const made = await confirmedUser('patient');
    const before = await sql(
      `select 1 from public.outbox where topic = 'account.welcome' and payload ->> 'profile_id' = $1`,
      [account.id],
    );
    expect(before).toEqual([]);
    await sql(`update auth.users set email_confirmed_at = now() where id = $1`, [account.id]);
    await sql(`update auth.users set email_confirmed_at = now() where id = $1`, [account.id]);
    const after = await sql<{ payload: { role: string } }>(
      `select payload from public.outbox where topic = 'account.welcome' and payload ->> 'profile_id' = $1`,
      [account.id],
    );
    expect(after.map((r) => r.payload.role)).toEqual(['practitioner']);
    // Accounts an admin made confirmed were never sent a confirmation: no welcome.
    const none = await sql(
      `select 1 from public.outbox where topic = 'account.welcome' and payload ->> 'profile_id' = $1`,
      [made.id],
    );
    expect(none).toEqual([]);
  });
});
