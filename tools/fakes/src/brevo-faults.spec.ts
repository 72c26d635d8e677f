// Failure injection and call records of the Brevo fake, driven through its control API and seen
// through the official SDK, as notify sees them.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BrevoClient, BrevoError } from '@getbrevo/brevo';
import { brevoControl, type BrevoControl } from './brevo-control-client.ts';
import { SMS_IDEMPOTENCY_TAG_PREFIX } from './brevo.ts';
import { startTestFakes, type TestFakes } from './testing.ts';
import type { InboxMessage } from './types.ts';

let fakes: TestFakes;
let brevo: BrevoClient;
let control: BrevoControl;

beforeAll(async () => {
  fakes = await startTestFakes();
  brevo = new BrevoClient({ apiKey: 'k', baseUrl: `${fakes.fakesUrl}/brevo/v3`, maxRetries: 0 });
  control = brevoControl(fakes.fakesUrl);
});
afterEach(() => control.reset());
afterAll(() => fakes.dispose());

const unique = (name: string) => `${name}-${crypto.randomUUID()}@example.test`;
const phone = () => `+336${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;

async function inboxFor(address: string): Promise<InboxMessage[]> {
  const res = await fetch(`${fakes.inboxUrl}/api/messages?to=${encodeURIComponent(address)}`);
  return ((await res.json()) as { messages: InboxMessage[] }).messages;
}

const email = (to: string, key?: string) =>
  brevo.transactionalEmails.sendTransacEmail({
    sender: { email: 'no-reply@carebook.test' },
    to: [{ email: to }],
    subject: 'Hello',
    textContent: 'Hello',
    ...(key && { headers: { 'Idempotency-Key': key } }),
  });
const sms = (recipient: string, tag?: string[]) =>
  brevo.transactionalSms.sendAsyncTransactionalSms({
    sender: 'Carebook',
    recipient,
    content: 'Carebook: hello',
    ...(tag && { tag }),
  });

async function failure(promise: Promise<unknown>): Promise<BrevoError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(BrevoError);
  return error as BrevoError;
}

describe('failure rules', () => {
  it("answers 429 with Brevo's rate-limit headers to the chosen recipient only, and sends nothing", async () => {
    const [blocked, other] = [unique('blocked'), unique('other')];
    await control.addRule({ recipients: [blocked.toUpperCase()], status: 429, resetSeconds: 7 });
    const error = await failure(email(blocked));
    expect(error.statusCode).toBe(429);
    const headers = error.rawResponse?.headers;
    expect(headers?.get('x-sib-ratelimit-reset')).toBe('7');
    expect(headers?.get('x-sib-ratelimit-remaining')).toBe('0');
    expect(headers?.get('x-sib-ratelimit-limit')).toMatch(/^\d+$/);
    expect(await inboxFor(blocked)).toEqual([]);
    await email(other);
    expect(await inboxFor(other)).toHaveLength(1);
    const calls = await control.calls({ recipient: blocked });
    expect(calls.map((c) => [c.channel, c.status])).toEqual([['email', 429]]);
    expect(Date.parse(calls[0]!.at)).toBeGreaterThan(Date.now() - 10_000);
  });

  it('fails one channel only: an SMS rule leaves e-mail alone', async () => {
    const [number, address] = [phone(), unique('mail')];
    await control.addRule({ channel: 'sms', status: 503 });
    expect((await failure(sms(number))).statusCode).toBe(503);
    await email(address);
    expect(await inboxFor(address)).toHaveLength(1);
    expect(await inboxFor(number)).toEqual([]);
    expect((await control.calls({ channel: 'sms', recipient: number })).map((c) => c.status)).toEqual([503]);
  });

  it('answers slowly; the message is in the inbox before the answer, and a retry with its key is not sent again', async () => {
    const to = unique('slow');
    await control.addRule({ recipients: [to], delayMs: 1500 });
    const slowClient = new BrevoClient({
      apiKey: 'k',
      baseUrl: `${fakes.fakesUrl}/brevo/v3`,
      maxRetries: 0,
      timeoutInSeconds: 0.3,
    });
    const timedOut = await slowClient.transactionalEmails
      .sendTransacEmail({
        sender: { email: 'no-reply@carebook.test' },
        to: [{ email: to }],
        subject: 'Slow',
        textContent: 'Slow',
        headers: { 'Idempotency-Key': 'slow-1' },
      })
      .then(
        () => null,
        (e: unknown) => e,
      );
    // The SDK reports its own timeout as a BrevoError without a status: notify retries those.
    expect(timedOut).toBeInstanceOf(BrevoError);
    expect((timedOut as BrevoError).statusCode).toBeUndefined();
    expect(await inboxFor(to)).toHaveLength(1);

    const started = Date.now();
    await email(to, 'slow-1');
    expect(Date.now() - started).toBeGreaterThanOrEqual(1400);
    expect(await inboxFor(to)).toHaveLength(1);
    const calls = await control.calls({ recipient: to });
    expect(calls.map((c) => [c.status, c.duplicate, c.idempotencyKey])).toEqual([
      [201, false, 'slow-1'],
      [201, true, 'slow-1'],
    ]);
  });

  it('fails a seeded share of calls, the same ones for the same seed', async () => {
    const run = async () => {
      const to = unique('rate');
      const rule = await control.addRule({ recipients: [to], status: 500, rate: 0.5, seed: 42 });
      const outcomes: boolean[] = [];
      for (let i = 0; i < 20; i++)
        outcomes.push(
          await email(to).then(
            () => true,
            () => false,
          ),
        );
      await rule.remove();
      return { outcomes, sent: (await inboxFor(to)).length };
    };
    const [first, second] = [await run(), await run()];
    expect(second.outcomes).toEqual(first.outcomes);
    const ok = first.outcomes.filter(Boolean).length;
    expect(ok).toBeGreaterThan(2);
    expect(ok).toBeLessThan(18);
    expect(first.sent).toBe(ok);
  });

  it('stops after `times` calls, and a removed rule stops at once', async () => {
    const [a, b] = [phone(), unique('b')];
    await control.addRule({ recipients: [a], status: 500, times: 2 });
    const always = await control.addRule({ recipients: [b], status: 502 });
    expect((await failure(sms(a))).statusCode).toBe(500);
    expect((await failure(sms(a))).statusCode).toBe(500);
    await sms(a);
    expect(await inboxFor(a)).toHaveLength(1);
    expect((await failure(email(b))).statusCode).toBe(502);
    await always.remove();
    await email(b);
    expect(await inboxFor(b)).toHaveLength(1);
    expect((await control.rules()).map((r) => [r.times, r.applied])).toEqual([[2, 2]]);
  });
});

describe('SMS keys', () => {
  it(`sends every SMS like Brevo, and marks a second send with one "${SMS_IDEMPOTENCY_TAG_PREFIX}<key>" tag a duplicate`, async () => {
    const number = phone();
    const first = await sms(number, ['appointment.reminder', `${SMS_IDEMPOTENCY_TAG_PREFIX}delivery-9`]);
    const again = await sms(number, ['appointment.reminder', `${SMS_IDEMPOTENCY_TAG_PREFIX}delivery-9`]);
    expect(again.messageId).not.toBe(first.messageId);
    await sms(number, [`${SMS_IDEMPOTENCY_TAG_PREFIX}delivery-10`]);
    await sms(number);
    expect(await inboxFor(number)).toHaveLength(4);
    const calls = await control.calls({ channel: 'sms', recipient: number });
    expect(calls.map((c) => [c.idempotencyKey, c.duplicate])).toEqual([
      ['delivery-9', false],
      ['delivery-9', true],
      ['delivery-10', false],
      [null, false],
    ]);
  });
});

describe('control API', () => {
  it('refuses a rule it cannot follow, and answers 404 for an unknown rule', async () => {
    const base = `${fakes.fakesUrl}/brevo/_control`;
    const bad = await fetch(`${base}/rules`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ status: 200 }),
    });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ code: 'invalid_rule' });
    const typo = await fetch(`${base}/rules`, { method: 'POST', body: JSON.stringify({ staus: 500 }) });
    expect(await typo.json()).toMatchObject({ message: 'unknown field(s): staus' });
    expect((await fetch(`${base}/rules/rule-nope`, { method: 'DELETE' })).status).toBe(404);
  });

  it('forgets rules and calls on reset, and keeps the inbox', async () => {
    const to = unique('kept');
    await email(to);
    await control.addRule({ status: 500 });
    await control.reset();
    expect(await control.rules()).toEqual([]);
    expect(await control.calls()).toEqual([]);
    expect(await inboxFor(to)).toHaveLength(1);
  });
});
