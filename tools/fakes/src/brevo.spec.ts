// The Brevo fake as our edge functions use it: through the official SDK, pointed at the fake.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BrevoClient, BrevoError, Brevo } from '@getbrevo/brevo';
import { startTestFakes, type TestFakes } from './testing.ts';
import type { InboxMessage } from './types.ts';

let fakes: TestFakes;
let brevo: BrevoClient;

beforeAll(async () => {
  fakes = await startTestFakes();
  brevo = new BrevoClient({
    apiKey: 'local-brevo-key',
    baseUrl: `${fakes.fakesUrl}/brevo/v3`,
    maxRetries: 0,
  });
});
afterAll(() => fakes.dispose());

const unique = (name: string) => `${name}-${crypto.randomUUID()}@example.test`;

async function inboxFor(address: string): Promise<InboxMessage[]> {
  const res = await fetch(`${fakes.inboxUrl}/api/messages?to=${encodeURIComponent(address)}`);
  expect(res.status).toBe(200);
  return ((await res.json()) as { messages: InboxMessage[] }).messages;
}

async function rejection(promise: Promise<unknown>): Promise<BrevoError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(BrevoError);
  return error as BrevoError;
}

describe('transactional e-mail', () => {
  it('answers 201 with a Brevo message id and puts the e-mail in the inbox', async () => {
    const to = unique('patient');
    const sent = await brevo.transactionalEmails.sendTransacEmail({
      sender: { name: 'Carebook', email: 'no-reply@carebook.test' },
      to: [{ email: to, name: 'Pat' }],
      subject: 'Confirm {{params.what}}',
      htmlContent:
        '<p>Hello {{ params.name }}, <a href="http://127.0.0.1:9000/confirm?t=a&amp;b=1">confirm</a></p>',
      params: { name: 'Pat', what: 'your sign-up' },
      tags: ['auth'],
    });
    expect(sent.messageId).toMatch(/^<\d{12}\.\d{12}@smtp-relay\.mailin\.fr>$/);

    const [message, ...others] = await inboxFor(to);
    expect(others).toHaveLength(0);
    expect(message).toMatchObject({
      type: 'email',
      provider: 'brevo',
      providerMessageId: sent.messageId,
      from: 'Carebook <no-reply@carebook.test>',
      to: [to],
      subject: 'Confirm your sign-up',
      text: 'Hello Pat, confirm',
      links: ['http://127.0.0.1:9000/confirm?t=a&b=1'],
      tags: ['auth'],
    });
    expect(message?.html).toContain('Hello Pat');
    expect(Date.parse(message?.createdAt ?? '')).toBeGreaterThan(Date.now() - 60_000);
  });

  it('keeps one message per Idempotency-Key header and answers the first result again', async () => {
    const to = unique('retried');
    const send = (key: string) =>
      brevo.transactionalEmails.sendTransacEmail({
        sender: { name: 'Carebook', email: 'no-reply@carebook.test' },
        to: [{ email: to }],
        subject: 'Once',
        textContent: 'Only once',
        headers: { 'Idempotency-Key': key },
      });
    const first = await send('delivery-1');
    const again = await send('delivery-1');
    expect(again.messageId).toBe(first.messageId);
    expect(await inboxFor(to)).toHaveLength(1);
    await send('delivery-2');
    expect(await inboxFor(to)).toHaveLength(2);
  });

  it('sends one e-mail per message version and answers their ids', async () => {
    const [a, b] = [unique('a'), unique('b')];
    const sent = await brevo.transactionalEmails.sendTransacEmail({
      sender: { email: 'no-reply@carebook.test' },
      subject: 'Reminder for {{params.who}}',
      textContent: 'See you at https://carebook.test/appointments/1.',
      messageVersions: [
        { to: [{ email: a }], params: { who: 'A' } },
        { to: [{ email: b }], params: { who: 'B' }, subject: 'Special {{params.who}}' },
      ],
    });
    expect(sent.messageIds).toHaveLength(2);
    const [forA] = await inboxFor(a);
    const [forB] = await inboxFor(b);
    expect(forA).toMatchObject({
      subject: 'Reminder for A',
      links: ['https://carebook.test/appointments/1'],
    });
    expect(forB).toMatchObject({ subject: 'Special B', providerMessageId: sent.messageIds?.[1] });
  });

  it('rejects a request without sender as Brevo does (400 missing_parameter)', async () => {
    const error = await rejection(
      brevo.transactionalEmails.sendTransacEmail({
        to: [{ email: unique('x') }],
        subject: 's',
        textContent: 't',
      }),
    );
    expect(error).toBeInstanceOf(Brevo.BadRequestError);
    expect(error.statusCode).toBe(400);
    expect(error.body).toEqual({ code: 'missing_parameter', message: 'sender is missing' });
  });

  it('rejects an invalid recipient address (400 invalid_parameter) and stores nothing', async () => {
    const error = await rejection(
      brevo.transactionalEmails.sendTransacEmail({
        sender: { email: 'no-reply@carebook.test' },
        to: [{ email: 'not-an-address' }],
        subject: 's',
        textContent: 't',
      }),
    );
    expect(error.statusCode).toBe(400);
    expect(error.body).toEqual({ code: 'invalid_parameter', message: 'email is not valid in to' });
    expect(await inboxFor('not-an-address')).toEqual([]);
  });

  it('requires a body: subject, then htmlContent or textContent', async () => {
    const base = { sender: { email: 'no-reply@carebook.test' }, to: [{ email: unique('y') }] };
    const noSubject = await rejection(
      brevo.transactionalEmails.sendTransacEmail({ ...base, textContent: 't' }),
    );
    expect(noSubject.body).toEqual({ code: 'missing_parameter', message: 'subject is missing' });
    const noContent = await rejection(brevo.transactionalEmails.sendTransacEmail({ ...base, subject: 's' }));
    expect(noContent.body).toEqual({
      code: 'missing_parameter',
      message: 'htmlContent or textContent is missing',
    });
  });
});

describe('transactional SMS', () => {
  it('sends through the current endpoint (sendAsyncTransactionalSms) into the inbox', async () => {
    const recipient = `336${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
    const sent = await brevo.transactionalSms.sendAsyncTransactionalSms({
      sender: 'Carebook',
      recipient,
      content: 'Your appointment is tomorrow at 10:00. Details: https://carebook.test/a/1',
      type: 'transactional',
      tag: 'reminder',
    });
    expect(Number.isSafeInteger(sent.messageId)).toBe(true);
    const [sms] = await inboxFor(recipient);
    expect(sms).toMatchObject({
      type: 'sms',
      from: 'Carebook',
      to: [recipient],
      providerMessageId: String(sent.messageId),
      links: ['https://carebook.test/a/1'],
      tags: ['reminder'],
    });
  });

  it('answers the deprecated sendTransacSms with Brevo fields (reference, counts, credits)', async () => {
    const recipient = `+4479${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
    const sent = await brevo.transactionalSms.sendTransacSms({
      sender: 'Carebook',
      recipient,
      content: 'x'.repeat(200),
    });
    expect(sent).toMatchObject({ smsCount: 2, usedCredits: 2 });
    expect(typeof sent.reference).toBe('string');
    expect(typeof sent.remainingCredits).toBe('number');
    expect(await inboxFor(recipient)).toHaveLength(1);
  });

  it('sends an SMS sent twice twice, like Brevo, and finds the first by its tag in the events', async () => {
    const recipient = `336${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
    const key = `Idempotency-Key:delivery-${crypto.randomUUID()}`;
    const send = () =>
      brevo.transactionalSms.sendAsyncTransactionalSms({
        sender: 'Carebook',
        recipient,
        content: 'Rappel : rendez-vous demain à 10:00.',
        tag: ['appointment.reminder', key],
      });
    const none = await brevo.transactionalSms.getSmsEvents({ tags: JSON.stringify([key]), days: 7 });
    expect(none.events).toEqual([]);
    const first = await send();
    const found = await brevo.transactionalSms.getSmsEvents({ tags: JSON.stringify([key]), days: 7, limit: 10 });
    expect(found.events?.map((e) => [e.event, e.messageId, e.phoneNumber])).toEqual([
      ['delivered', String(first.messageId), recipient],
      ['sent', String(first.messageId), recipient],
    ]);
    const second = await send();
    expect(second.messageId).not.toBe(first.messageId);
    expect(await inboxFor(recipient)).toHaveLength(2);
    const other = await brevo.transactionalSms.getSmsEvents({ tags: JSON.stringify(['nothing-here']), days: 1 });
    expect(other.events).toEqual([]);
    const bad = await fetch(`${fakes.fakesUrl}/brevo/v3/transactionalSMS/statistics/events?tags=%5Bnope`, {
      headers: { 'api-key': 'k' },
    });
    expect(bad.status).toBe(400);
  });

  it('rejects a missing recipient with 400 missing_parameter', async () => {
    const error = await rejection(
      brevo.transactionalSms.sendAsyncTransactionalSms({ sender: 'Carebook', recipient: '', content: 'hi' }),
    );
    expect(error.statusCode).toBe(400);
    expect(error.body).toEqual({ code: 'missing_parameter', message: 'recipient is missing' });
  });
});

describe('authentication and routing', () => {
  it('answers 401 unauthorized without an api-key header, as Brevo does', async () => {
    const res = await fetch(`${fakes.fakesUrl}/brevo/v3/smtp/email`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        sender: { email: 'a@b.test' },
        to: [{ email: 'c@d.test' }],
        subject: 's',
        textContent: 't',
      }),
    });
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ code: 'unauthorized', message: 'Key not found' });
    expect(await inboxFor('c@d.test')).toEqual([]);
  });

  it('answers 400 bad_request for a body that is not JSON', async () => {
    const res = await fetch(`${fakes.fakesUrl}/brevo/v3/smtp/email`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'api-key': 'k' },
      body: '{not json',
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ code: 'bad_request' });
  });

  it('answers 404 for a Brevo route the fake does not implement, and for an unknown fake', async () => {
    const brevoRoute = await fetch(`${fakes.fakesUrl}/brevo/v3/contacts`, { headers: { 'api-key': 'k' } });
    expect(brevoRoute.status).toBe(404);
    const unknown = await fetch(`${fakes.fakesUrl}/nope/v1/things`);
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ fakes: ['/brevo/v3', '/brevo/_control'] });
  });
});
