// The Brevo fake: the part of https://api.brevo.com/v3 that @getbrevo/brevo v6 calls for
// transactional e-mail and SMS. Mounted at /brevo/v3 on the fakes server, so an SDK client built
// with `baseUrl: ${fakesUrl}/brevo/v3` talks to it unchanged.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import { acceptEmail, type BrevoError } from './brevo-email.ts';
import { acceptSms } from './brevo-sms.ts';
import { BodyTooLargeError, readBody, sendJson } from './http-util.ts';
import type { MessageStore } from './message-store.ts';
import type { Logger } from './types.ts';

export const BREVO_PREFIX = '/brevo/v3';

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

function idempotencyKeyOf(body: unknown): string | null {
  const headers = (body as { headers?: Record<string, unknown> } | undefined)?.headers;
  const key = headers?.['Idempotency-Key'];
  return typeof key === 'string' && key !== '' ? key : null;
}

export function createBrevoFake(store: MessageStore, log: Logger, now: () => Date = () => new Date()) {
  let smsCredits = STARTING_SMS_CREDITS;
  const sentByKey = new Map<string, unknown>();

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
      // Brevo keeps one message per Idempotency-Key header: a retried send answers the first result.
      const key = idempotencyKeyOf(body);
      const seen = key ? sentByKey.get(key) : undefined;
      if (seen) return sendJson(res, 201, seen);
      const result = isError(body) ? body : acceptEmail(body, now());
      if (isError(result)) return answerError(res, result);
      if (key) sentByKey.set(key, result.response);
      for (const message of result.messages) {
        store.add(message);
        log(`brevo: e-mail "${message.subject}" to ${message.to.join(', ')}`);
      }
      sendJson(res, 201, result.response);
      return;
    }

    if (route === 'POST /transactionalSMS/send' || route === 'POST /transactionalSMS/sms') {
      const body = await readJson(req);
      const result = isError(body) ? body : acceptSms(body, now());
      if (isError(result)) return answerError(res, result);
      store.add(result.message);
      log(`brevo: SMS to ${result.message.to.join(', ')}`);
      if (route.endsWith('/send')) {
        sendJson(res, 201, { messageId: result.messageId });
        return;
      }
      smsCredits = Math.max(0, smsCredits - result.smsCount);
      sendJson(res, 201, {
        reference: randomUUID().replace(/-/g, '').slice(0, 20),
        messageId: result.messageId,
        smsCount: result.smsCount,
        usedCredits: result.smsCount,
        remainingCredits: smsCredits,
      });
      return;
    }

    sendJson(res, 404, {
      code: 'document_not_found',
      message: `The local Brevo fake does not implement ${route}; see tools/fakes/README.md`,
    });
  };
}
