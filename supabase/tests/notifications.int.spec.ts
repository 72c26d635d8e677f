// The outbox reaches people: a booking's outbox message becomes one e-mail per recipient through
// the Brevo fake (rendered in the recipient's language, the appointment's zone named) and one
// in-app notification each, read only by its owner. Ticks are run by hand here, as the scheduler
// does every minute in the dev stack.
import { describe, expect, it } from 'vitest';
import type { InboxMessage } from '@carebook/fakes';
import { config, notifyTick, practitionerOpen, service, sql, user } from '@carebook/testing';

async function inbox(email: string): Promise<InboxMessage[]> {
  const res = await fetch(`${config.inboxUrl}/api/messages?to=${encodeURIComponent(email)}`);
  return ((await res.json()) as { messages: InboxMessage[] }).messages;
}

// One tick at a time across test files: a tick that returns has sent what was due.
const tick = notifyTick;

async function emailOf(userId: string): Promise<string> {
  const { data } = await service().from('profiles').select('email').eq('id', userId).single();
  return data!.email!;
}

describe('notify', () => {
  it('sends a booking confirmation once to each side, in their language, and one in-app notice each', async () => {
    const s = await practitionerOpen({ name: 'Bilan' }, { displayName: 'Dr Notify' });
    const patient = await user('patient', { fullName: 'Ann English', meta: { locale: 'en' } });
    const booked = await s.book(patient, s.at(3, '09:00'));
    expect(booked.error).toBeNull();

    await tick();
    await tick(); // a second tick finds nothing new to send
    const toPatient = await inbox(await emailOf(patient.id));
    expect(toPatient.map((m) => m.subject)).toEqual(['Appointment confirmed with Dr Notify']);
    expect(toPatient[0]!.text).toMatch(/at 09:00 \(Europe\/Paris\)/);
    const toPractitioner = await inbox(await emailOf(s.practitioner.id));
    // The practitioner also heard of their verification while the scenario published them.
    expect(toPractitioner.map((m) => m.subject).sort()).toEqual([
      'Nouveau rendez-vous : Ann English',
      'Profil envoyé pour vérification',
      'Votre profil est vérifié',
    ]);

    const mine = await patient.client.from('notifications').select('topic, data, read_at');
    expect(mine.data).toEqual([
      {
        topic: 'appointment.confirmed',
        data: expect.objectContaining({ appointment_id: booked.data!.id }),
        read_at: null,
      },
    ]);
    const theirs = await s.practitioner.client
      .from('notifications')
      .select('recipient_id, topic')
      .order('topic');
    expect(theirs.data?.map((n) => [n.recipient_id, n.topic])).toEqual([
      [s.practitioner.id, 'appointment.confirmed'],
      [s.practitioner.id, 'practitioner.verification.submitted'],
      [s.practitioner.id, 'practitioner.verification.verified'],
    ]);
    const read = await patient.client
      .from('notifications')
      .update({ read_at: new Date().toISOString() })
      .eq('recipient_id', patient.id)
      .select('read_at');
    expect(read.data?.[0]?.read_at).not.toBeNull();

    const deliveries = await sql<{ status: string; attempts: number }>(
      `select d.status, d.attempts from public.deliveries d join public.outbox o on o.id = d.outbox_id
        where o.payload ->> 'appointment_id' = $1`,
      [booked.data!.id],
    );
    expect(deliveries).toEqual([
      { status: 'sent', attempts: 1 },
      { status: 'sent', attempts: 1 },
    ]);
  });

  it('writes the time the appointment has when the e-mail leaves, after a reschedule', async () => {
    const s = await practitionerOpen({}, { displayName: 'Dr Moved' });
    const patient = await user('patient', { meta: { locale: 'fr' } });
    const booked = await s.book(patient, s.at(4, '09:00'));
    const moved = await patient.client.rpc('reschedule_appointment', {
      p_appointment_id: booked.data!.id,
      p_starts_at: s.at(4, '11:00'),
    });
    expect(moved.error).toBeNull();
    await tick();
    const subjects = (await inbox(await emailOf(patient.id))).map((m) => [m.subject, /à 11:00/.test(m.text)]);
    expect(subjects.sort()).toEqual([
      ['Rendez-vous confirmé avec Dr Moved', true],
      ['Rendez-vous déplacé avec Dr Moved', true],
    ]);
  });

  it('sends nothing for a change that rolled back', async () => {
    const s = await practitionerOpen();
    const patient = await user('patient');
    const first = await s.book(patient, s.at(5, '09:00'));
    const other = await user('patient');
    const refused = await s.book(other, s.at(5, '09:00'));
    expect(refused.error?.details).toBe('slot_taken');
    await tick();
    expect(await inbox(await emailOf(other.id))).toEqual([]);
    expect((await inbox(await emailOf(patient.id))).length).toBe(1);
    expect(first.error).toBeNull();
  });

  it('is the service role only', async () => {
    const patient = await user('patient');
    const { data: session } = await patient.client.auth.getSession();
    const res = await fetch(`${config.apiUrl}/functions/v1/notify`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${session.session!.access_token}`, apikey: config.anonKey },
    });
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('forbidden');
  });

  it('reminds once, of the time the appointment has, and never a cancelled one', async () => {
    const s = await practitionerOpen({}, { displayName: 'Dr Rappel' });
    const ann = await user('patient', { meta: { locale: 'fr' } });
    // Days no other file books: planning the reminders of a day plans every booking of that day.
    const kept = await s.book(ann, s.at(16, '09:00'));
    const moved = await s.book(ann, s.at(17, '09:00'));
    const dropped = await s.book(ann, s.at(18, '09:00'));
    // One reminder a day ahead: the instants simulated below would also make the 1-hour one due.
    await service()
      .from('consultation_types')
      .update({ reminder_minutes: [1440] })
      .eq('id', s.type.id);
    const plan = async (at: string) => (await service().rpc('plan_reminders_tick', { p_now: at })).data;
    const dayBefore = (iso: string) => new Date(Date.parse(iso) - 23 * 3_600_000).toISOString();

    expect(await plan(dayBefore(kept.data!.starts_at))).toBeGreaterThanOrEqual(1);
    expect(await plan(dayBefore(kept.data!.starts_at))).toBe(0);
    await plan(dayBefore(moved.data!.starts_at));
    await ann.client.rpc('reschedule_appointment', {
      p_appointment_id: moved.data!.id,
      p_starts_at: s.at(17, '11:00'),
    });
    await plan(dayBefore(dropped.data!.starts_at));
    await ann.client.rpc('cancel_appointment', { p_appointment_id: dropped.data!.id });
    await tick();
    // The moved appointment is reminded again, now for its new time.
    await plan(dayBefore(s.at(17, '11:00')));
    await tick();

    const reminders = (await inbox(await emailOf(ann.id))).filter((m) => m.subject.startsWith('Rappel'));
    expect(reminders.map((m) => m.text.match(/à (\d\d:\d\d)/)?.[1]).sort()).toEqual(['09:00', '11:00']);
    const skipped = await sql<{ status: string }>(
      `select d.status from public.deliveries d join public.outbox o on o.id = d.outbox_id
        where o.topic = 'appointment.reminder' and d.recipient_id = $1 and d.status = 'skipped'`,
      [ann.id],
    );
    expect(skipped).toHaveLength(2);
  });
});
