// POST /v3/transactionalSMS/send (current) and /v3/transactionalSMS/sms (deprecated, still in SDK
// v6) as Brevo answers them: same request body, different success bodies.
import { randomInt, randomUUID } from 'node:crypto';
import type { BrevoError } from './brevo-email.ts';
import { extractLinks } from './html.ts';
import type { InboxMessage } from './types.ts';

type Json = Record<string, unknown>;

const missing = (message: string): BrevoError => ({ status: 400, code: 'missing_parameter', message });
const invalid = (message: string): BrevoError => ({ status: 400, code: 'invalid_parameter', message });

/** Brevo bills one SMS per 160 characters (70 when unicode is on). */
export function smsCount(content: string, unicode: boolean): number {
  return Math.max(1, Math.ceil(content.length / (unicode ? 70 : 160)));
}

export interface AcceptedSms {
  message: InboxMessage;
  /** Brevo's numeric message id. */
  messageId: number;
  smsCount: number;
}

export function acceptSms(body: unknown, now: Date): AcceptedSms | BrevoError {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { status: 400, code: 'bad_request', message: 'Input must be a valid JSON object' };
  }
  const b = body as Json;
  if (b.sender === undefined || b.sender === '') return missing('sender is missing');
  // 11 letters and digits, or up to 15 digits, as Brevo's sender names allow.
  if (typeof b.sender !== 'string' || !/^(?:[A-Za-z0-9 ]{1,11}|\d{1,15})$/.test(b.sender)) {
    return invalid('sender is not valid');
  }
  if (b.recipient === undefined || b.recipient === '') return missing('recipient is missing');
  if (typeof b.recipient !== 'string' || !/^\+?\d{6,15}$/.test(b.recipient.replace(/[\s-]/g, ''))) {
    return invalid('recipient is not valid');
  }
  if (b.templateId !== undefined)
    return invalid('templateId is not supported by the local Brevo fake: send content');
  if (typeof b.content !== 'string' || b.content.trim() === '') return missing('content is missing');
  if (b.type !== undefined && b.type !== 'transactional' && b.type !== 'marketing')
    return invalid('type is not valid');
  const tags = b.tag === undefined ? [] : Array.isArray(b.tag) ? b.tag : [b.tag];
  if (tags.length > 10 || tags.some((t) => typeof t !== 'string' || t === ''))
    return invalid('tag is not valid');

  const prefix =
    typeof b.organisationPrefix === 'string' && b.organisationPrefix ? `${b.organisationPrefix} ` : '';
  const text = prefix + b.content;
  // Millisecond time times 1000 plus noise stays a safe integer and grows like Brevo's ids do.
  const messageId = now.getTime() * 1000 + randomInt(1000);
  return {
    messageId,
    smsCount: smsCount(text, b.unicodeEnabled === true),
    message: {
      id: randomUUID(),
      type: 'sms',
      provider: 'brevo',
      providerMessageId: String(messageId),
      from: b.sender,
      to: [b.recipient.replace(/[\s-]/g, '')],
      cc: [],
      bcc: [],
      subject: '',
      html: '',
      text,
      links: extractLinks('', text),
      tags: tags as string[],
      createdAt: now.toISOString(),
    },
  };
}

export interface SmsEvent {
  date: string;
  event: 'sent' | 'delivered';
  messageId: number;
  phoneNumber: string;
  tags: string[];
}

/** `tags` as Brevo documents it (a serialized array), or a plain comma-separated list. */
function parseTags(raw: string | null): string[] | BrevoError {
  if (raw === null || raw === '') return [];
  if (raw.startsWith('[')) {
    try {
      const parsed: unknown = JSON.parse(raw);
      if (Array.isArray(parsed) && parsed.every((t) => typeof t === 'string')) return parsed as string[];
    } catch {
      // falls through to the error below
    }
    return invalid('tags is not valid');
  }
  return raw.split(',').map((t) => t.trim()).filter(Boolean);
}

function positiveInt(raw: string | null, name: string, fallback: number, max: number): number | BrevoError {
  if (raw === null) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0 || n > max) return invalid(`${name} is not valid`);
  return n;
}

/**
 * What GET /v3/transactionalSMS/statistics/events answers: each accepted SMS leaves a `sent` and a
 * `delivered` event (the fake delivers at once), newest first, filtered by tags (any of them),
 * phone number, event and the last `days` days.
 */
export class SmsEventLog {
  private readonly events: SmsEvent[] = [];

  record(sms: AcceptedSms): void {
    const base = {
      date: sms.message.createdAt,
      messageId: sms.messageId,
      phoneNumber: sms.message.to[0] ?? '',
      tags: sms.message.tags,
    };
    this.events.push({ ...base, event: 'sent' }, { ...base, event: 'delivered' });
  }

  query(params: URLSearchParams, now: Date): { events: Json[] } | BrevoError {
    const tags = parseTags(params.get('tags'));
    if (!Array.isArray(tags)) return tags;
    const limit = positiveInt(params.get('limit'), 'limit', 50, 100);
    if (typeof limit !== 'number') return limit;
    const offset = positiveInt(params.get('offset'), 'offset', 0, 1_000_000);
    if (typeof offset !== 'number') return offset;
    const days = positiveInt(params.get('days'), 'days', 90, 90);
    if (typeof days !== 'number') return days;
    const phone = params.get('phoneNumber')?.replace(/[\s+-]/g, '');
    const event = params.get('event');
    const since = now.getTime() - days * 86_400_000;
    const matching = this.events.filter(
      (e) =>
        Date.parse(e.date) >= since &&
        (tags.length === 0 || e.tags.some((t) => tags.includes(t))) &&
        (!phone || e.phoneNumber.replace(/\D/g, '') === phone) &&
        (!event || e.event === event),
    );
    const ordered = params.get('sort') === 'asc' ? matching : [...matching].reverse();
    return {
      events: ordered.slice(offset, offset + limit).map((e) => ({
        date: e.date,
        event: e.event,
        messageId: String(e.messageId),
        phoneNumber: e.phoneNumber,
        tag: e.tags.join(','),
      })),
    };
  }
}
