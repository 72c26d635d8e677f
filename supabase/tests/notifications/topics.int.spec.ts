// Which topics notify whom is data (private.notification_topics / notification_recipients): a new
// topic is rows in a migration, not a new copy of a function listing every topic.
import { afterEach, describe, expect, it } from 'vitest';
import { notifyTick, sql, uniqueLetters, user } from '@carebook/testing';

const added: string[] = [];
afterEach(async () => {
  for (const topic of added.splice(0)) await sql('delete from private.notification_topics where topic = $1', [topic]);
});

const recipients = (topic: string, payload: Record<string, unknown>) =>
  sql<{ recipient_id: string; channel: string }>(
    'select recipient_id, channel::text from private.recipients_of($1, $2) order by recipient_id, channel',
    [topic, payload],
  );

describe('notification topics', () => {
  it('answer the recipients and channels of their rows, no text to whoever cancelled', async () => {
    const patient = '00000000-0000-4000-8000-000000000001';
    const practitioner = '00000000-0000-4000-8000-000000000002';
    const payload = { patient_id: patient, practitioner_id: practitioner };
    expect(await recipients('appointment.cancelled', { ...payload, by: 'patient' })).toEqual([
      { recipient_id: patient, channel: 'email' },
      { recipient_id: patient, channel: 'in_app' },
      { recipient_id: practitioner, channel: 'email' },
      { recipient_id: practitioner, channel: 'in_app' },
      { recipient_id: practitioner, channel: 'sms' },
    ]);
    expect(await recipients('appointment.held', payload)).toEqual([{ recipient_id: patient, channel: 'in_app' }]);
    // A topic read by another consumer (google-sync) notifies nobody and has no category.
    expect(await recipients('calendar.push', payload)).toEqual([]);
    const [none] = await sql<{ c: string | null }>("select private.category_of('calendar.push')::text as c");
    expect(none!.c).toBeNull();
    const [reminder] = await sql<{ c: string }>("select private.category_of('appointment.reminder')::text as c");
    expect(reminder!.c).toBe('reminders');
  });

  it('a topic added as rows notifies at the next tick', async () => {
    const topic = `spec.ping_${uniqueLetters(8)}`;
    added.push(topic);
    await sql("insert into private.notification_topics (topic, category) values ($1, 'account')", [topic]);
    await sql("insert into private.notification_recipients (topic, field, channels) values ($1, 'profile_id', '{in_app}')", [
      topic,
    ]);
    const someone = await user('patient');
    await sql('select private.enqueue($1, $2)', [topic, { profile_id: someone.id }]);
    await notifyTick();
    const shown = await sql<{ topic: string }>('select topic from public.notifications where recipient_id = $1', [
      someone.id,
    ]);
    expect(shown.map((n) => n.topic)).toContain(topic);
  });
});
