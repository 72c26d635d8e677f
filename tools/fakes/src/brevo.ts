// The Brevo fake: the part of https://api.brevo.com/v3 that @getbrevo/brevo v6 calls for
// transactional e-mail and SMS. Mounted at /brevo/v3 on the fakes server, so an SDK client built
// with `baseUrl: ${fakesUrl}/brevo/v3` talks to it unchanged.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import { acceptEmail, type BrevoError } from './brevo-email.ts';
import { FaultBook, invalidRule, rateLimitHeaders, type Channel, type FaultRule } from './brevo-faults.ts';
import { acceptSms, SmsEventLog } from './brevo-sms.ts';
import { BodyTooLargeError, readBody, sendJson } from './http-util.ts';
import type { MessageStore } from './message-store.ts';
import type { Logger } from './types.ts';

export const BREVO_PREFIX = '/brevo/v3';
/** Where tests drive the fake: rules of failure and the record of calls (see brevo-control.ts). */
export const BREVO_CONTROL_PREFIX = '/brevo/_control';
/**
 * Brevo's SMS API takes no idempotency key (the e-mail one does, as a header in the body) and, like
 * Brevo, the fake sends an SMS sent twice twice. The key travels as a tag of this form, which makes
 * the first send findable through GET /transactionalSMS/statistics/events; the call record marks
 * the second send with the same key as a duplicate so tests can count them.
 */
export const SMS_IDEMPOTENCY_TAG_PREFIX = 'Idempotency-Key:';

// Credits only move so that the deprecated SMS endpoint reports numbers that change like Brevo's.
const STARTING_SMS_CREDITS = 10_000;

async function readJson(req: IncomingMessage): Promise<unknown | BrevoError> {
  try {
    const raw = await readBody(req);
    return raw.trim() === '' ? undefined : (JSON.parse(raw) as unknown);
  } catch (error) {
    if (error instanceof BodyTooLargeError)
      return { status: 400, code: 'bad_request', message: error.message };
    return { status: 400, code: 'bad_request', message: 'Input must be a valid JSON object' };
  }
}

function isError(value: unknown): value is BrevoError {
  return typeof value === 'object' && value !== null && 'status' in value && 'code' in value;
}

function answerError(res: ServerResponse, error: BrevoError): void {
  sendJson(res, error.status, { code: error.code, message: error.message });
}

function emailIdempotencyKeyOf(body: unknown): string | null {
  const headers = (body as { headers?: Record<string, unknown> } | undefined)?.headers;
  const key = headers?.['Idempotency-Key'];
  return typeof key === 'string' && key !== '' ? key : null;
}

function smsIdempotencyKeyOf(body: unknown): string | null {
  const tag = (body as { tag?: unknown } | undefined)?.tag;
  const tags = Array.isArray(tag) ? tag : [tag];
  const found = tags.find((t) => typeof t === 'string' && t.startsWith(SMS_IDEMPOTENCY_TAG_PREFIX));
  const key = typeof found === 'string' ? found.slice(SMS_IDEMPOTENCY_TAG_PREFIX.length) : '';
  return key !== '' ? key : null;
}

/** Who a request is addressed to, for rules and the call record (before any validation). */
function recipientsOf(channel: Channel, body: unknown): string[] {
  if (typeof body !== 'object' || body === null) return [];
  const b = body as Record<string, unknown>;
  if (channel === 'sms') return typeof b.recipient === 'string' ? [b.recipient.replace(/[\s-]/g, '')] : [];
  const emails = (list: unknown) =>
    Array.isArray(list) ? list.flatMap((x) => (typeof x?.email === 'string' ? [x.email as string] : [])) : [];
  const versions = Array.isArray(b.messageVersions) ? b.messageVersions : [];
  return [...emails(b.to), ...versions.flatMap((v) => emails((v as { to?: unknown })?.to))];
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function createBrevoFake(
  store: MessageStore,
  log: Logger,
  faults: FaultBook = new FaultBook(),
  now: () => Date = () => new Date(),
) {
  let smsCredits = STARTING_SMS_CREDITS;
  // Keyed by channel and idempotency key: what was answered the first time.
  const sentByKey = new Map<string, unknown>();
  const smsEvents = new SmsEventLog();

  /** Applies the first matching rule; answers true when the rule answered the call instead of Brevo. */
  async function injected(
    res: ServerResponse,
    rule: FaultRule | null,
    record: (status: number) => void,
  ): Promise<boolean> {
    if (!rule?.status) return false;
    // Recorded on arrival (the answer is already decided), so a test sees a call still waiting.
    record(rule.status);
    if (rule.delayMs) await sleep(rule.delayMs);
    if (rule.status === 429) {
      sendJson(
        res,
        429,
        { code: 'too_many_requests', message: 'Too many requests, retry after the rate-limit reset' },
        rateLimitHeaders(rule.resetSeconds ?? 60),
      );
    } else {
      const code = rule.status >= 500 ? 'internal_error' : 'bad_request';
      sendJson(res, rule.status, { code, message: `Injected by a test rule (${rule.id})` });
    }
    return true;
  }

  /** Shared by both channels: rule, idempotency, acceptance, optional slow answer, call record. */
  async function send(
    res: ServerResponse,
    channel: Channel,
    body: unknown,
    key: string | null,
    accept: () => { status: number; body: unknown } | BrevoError,
  ): Promise<void> {
    const at = now().toISOString();
    const recipients = recipientsOf(channel, body);
    const rule = faults.decide(channel, recipients);
    let duplicate = false;
    const record = (status: number) =>
      faults.record({
        at,
        channel,
        recipients,
        status,
        idempotencyKey: key,
        duplicate,
        ruleId: rule?.id ?? null,
      });
    if (await injected(res, rule, record)) return;
    let answer: { status: number; body: unknown } | BrevoError;
    const seen = key ? sentByKey.get(`${channel}:${key}`) : undefined;
    if (seen && channel === 'email') {
      // Brevo keeps one e-mail per key: a retried send answers the first result.
      duplicate = true;
      answer = { status: 201, body: seen };
    } else {
      duplicate = seen !== undefined;
      answer = isError(body) ? body : accept();
      if (!isError(answer) && key) sentByKey.set(`${channel}:${key}`, answer.body);
    }
    record(answer.status);
    if (rule?.delayMs) await sleep(rule.delayMs);
    if (isError(answer)) answerError(res, answer);
    else sendJson(res, answer.status, answer.body);
  }

  /** Handles a request whose path starts with /brevo/v3; `subPath` is what follows it. */
  return async function handleBrevo(
    req: IncomingMessage,
    res: ServerResponse,
    subPath: string,
  ): Promise<void> {
    const apiKey = req.headers['api-key'];
    if (typeof apiKey !== 'string' || apiKey.trim() === '') {
      sendJson(res, 401, { code: 'unauthorized', message: 'Key not found' });
      return;
    }
    const route = `${req.method ?? 'GET'} ${subPath.replace(/\/+$/, '')}`;

    if (route === 'POST /smtp/email') {
      const body = await readJson(req);
      await send(res, 'email', body, emailIdempotencyKeyOf(body), () => {
        const result = acceptEmail(body, now());
        if (isError(result)) return result;
        for (const message of result.messages) {
          store.add(message);
          log(`brevo: e-mail "${message.subject}" to ${message.to.join(', ')}`);
        }
        return { status: 201, body: result.response };
      });
      return;
    }

    if (route === 'POST /transactionalSMS/send' || route === 'POST /transactionalSMS/sms') {
      const body = await readJson(req);
      await send(res, 'sms', body, smsIdempotencyKeyOf(body), () => {
        const result = acceptSms(body, now());
        if (isError(result)) return result;
        store.add(result.message);
        smsEvents.record(result);
        log(`brevo: SMS to ${result.message.to.join(', ')}`);
        if (route.endsWith('/send')) return { status: 201, body: { messageId: result.messageId } };
        smsCredits = Math.max(0, smsCredits - result.smsCount);
        return {
          status: 201,
          body: {
            reference: randomUUID().replace(/-/g, '').slice(0, 20),
            messageId: result.messageId,
            smsCount: result.smsCount,
            usedCredits: result.smsCount,
            remainingCredits: smsCredits,
          },
        };
      });
      return;
    }

    if (route === 'GET /transactionalSMS/statistics/events') {
      const answer = smsEvents.query(new URL(req.url ?? '/', 'http://fake').searchParams, now());
      if (isError(answer)) answerError(res, answer);
      else sendJson(res, 200, answer);
      return;
    }

    sendJson(res, 404, {
      code: 'document_not_found',
      message: `The local Brevo fake does not implement ${route}; see tools/fakes/README.md`,
    });
  };
}

/**
 * The tests' side door (not a Brevo API, no api-key): `GET /` rules and call count; `POST /rules`
 * one rule or an array (201 with their ids); `DELETE /rules/:id`; `GET /calls?channel=&recipient=`;
 * `DELETE /` forgets every rule and call.
 */
export function createBrevoControl(faults: FaultBook) {
  return async function handleControl(req: IncomingMessage, res: ServerResponse, subPath: string) {
    // subPath is the path alone: the filters come from the request's own query string.
    const url = new URL(req.url ?? '/', 'http://control.local');
    const path = subPath.replace(/\/+$/, '') || '/';
    const method = req.method ?? 'GET';
    if (path === '/' && method === 'GET')
      return sendJson(res, 200, { rules: faults.list(), calls: faults.listCalls().length });
    if (path === '/' && method === 'DELETE') {
      faults.reset();
      return sendJson(res, 200, { reset: true });
    }
    if (path === '/rules' && method === 'POST') {
      const body = await readJson(req);
      const inputs = Array.isArray(body) ? body : [body];
      for (const input of inputs) {
        const why = isError(input) ? input.message : invalidRule(input);
        if (why) return sendJson(res, 400, { code: 'invalid_rule', message: why });
      }
      return sendJson(res, 201, { rules: inputs.map((input) => faults.add(input as object)) });
    }
    const one = /^\/rules\/([^/]+)$/.exec(path);
    if (one && method === 'DELETE') {
      const removed = faults.remove(decodeURIComponent(one[1] ?? ''));
      return sendJson(res, removed ? 200 : 404, { removed });
    }
    if (path === '/calls' && method === 'GET') {
      const channel = url.searchParams.get('channel');
      const calls = faults.listCalls({
        ...(channel === 'email' || channel === 'sms' ? { channel } : {}),
        ...(url.searchParams.get('recipient') ? { recipient: url.searchParams.get('recipient')! } : {}),
      });
      return sendJson(res, 200, { calls });
    }
    return sendJson(res, 404, { code: 'not_found', message: `No control route ${method} ${path}` });
  };
}
