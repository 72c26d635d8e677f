// POST /v3/smtp/email as Brevo answers it: validation errors with Brevo's codes, one inbox message
// per e-mail (or per message version), and Brevo's message ids.
import { randomInt, randomUUID } from 'node:crypto';
import { extractLinks, htmlToText } from './html.ts';
import type { InboxMessage } from './types.ts';

export interface BrevoError {
  status: number;
  code: 'missing_parameter' | 'invalid_parameter' | 'bad_request';
  message: string;
}

type Json = Record<string, unknown>;

const EMAIL = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const missing = (message: string): BrevoError => ({ status: 400, code: 'missing_parameter', message });
const invalid = (message: string): BrevoError => ({ status: 400, code: 'invalid_parameter', message });

/** Brevo's address lists: `[{email, name?}]`. Returns the addresses or the error to answer. */
function addresses(value: unknown, field: string): string[] | BrevoError {
  if (value === undefined) return [];
  if (!Array.isArray(value)) return invalid(`${field} should be an array`);
  const out: string[] = [];
  for (const item of value) {
    if (!isObject(item) || typeof item.email !== 'string' || !EMAIL.test(item.email)) {
      return invalid(`email is not valid in ${field}`);
    }
    out.push(item.email);
  }
  return out;
}

/** `{{params.x}}` and `{{ params.a.b }}` replaced as Brevo's template language does for inline content. */
export function renderParams(template: string, params: Json): string {
  return template.replace(/\{\{\s*params\.([\w.]+)\s*\}\}/g, (_whole, key: string) => {
    let value: unknown = params;
    for (const part of key.split('.')) value = isObject(value) ? value[part] : undefined;
    return value === undefined || value === null ? '' : String(value);
  });
}

/** `<202501011230.123456789012@smtp-relay.mailin.fr>`, the shape of Brevo's transactional ids. */
export function brevoEmailMessageId(now: Date): string {
  const stamp = now.toISOString().replace(/\D/g, '').slice(0, 12);
  const digits = Array.from({ length: 12 }, () => randomInt(10)).join('');
  return `<${stamp}.${digits}@smtp-relay.mailin.fr>`;
}

interface Version {
  to: string[];
  cc: string[];
  bcc: string[];
  subject: unknown;
  html: unknown;
  text: unknown;
  params: Json;
}

/** A version inherits what it does not set (cc, bcc, subject, content, params) from the request. */
function readVersion(source: Json, base: Version, field: string): Version | BrevoError {
  const to = addresses(source.to, field);
  if (!Array.isArray(to)) return to;
  if (to.length === 0) return missing(`${field} is missing`);
  const cc = source.cc === undefined ? base.cc : addresses(source.cc, 'cc');
  if (!Array.isArray(cc)) return cc;
  const bcc = source.bcc === undefined ? base.bcc : addresses(source.bcc, 'bcc');
  if (!Array.isArray(bcc)) return bcc;
  if (source.params !== undefined && !isObject(source.params)) return invalid('params should be an object');
  return {
    to,
    cc,
    bcc,
    subject: source.subject ?? base.subject,
    html: source.htmlContent ?? base.html,
    text: source.textContent ?? base.text,
    params: { ...base.params, ...((source.params as Json | undefined) ?? {}) },
  };
}

export interface AcceptedEmail {
  response: { messageId: string } | { messageIds: string[] };
  messages: InboxMessage[];
}

/** Validates a send request and builds what the inbox stores; `now` is passed in for the ids. */
export function acceptEmail(body: unknown, now: Date): AcceptedEmail | BrevoError {
  if (!isObject(body))
    return { status: 400, code: 'bad_request', message: 'Input must be a valid JSON object' };
  if (body.templateId !== undefined) {
    return invalid('templateId is not supported by the local Brevo fake: send htmlContent or textContent');
  }
  const sender = body.sender;
  if (sender === undefined || sender === null) return missing('sender is missing');
  if (!isObject(sender) || typeof sender.email !== 'string' || !EMAIL.test(sender.email)) {
    return invalid('valid sender email required');
  }
  if (body.replyTo !== undefined) {
    const replyTo = body.replyTo;
    if (!isObject(replyTo) || typeof replyTo.email !== 'string' || !EMAIL.test(replyTo.email)) {
      return invalid('email is not valid in replyTo');
    }
  }
  if (
    body.tags !== undefined &&
    (!Array.isArray(body.tags) || body.tags.some((t) => typeof t !== 'string'))
  ) {
    return invalid('tags should be an array of strings');
  }
  const tags = (body.tags as string[] | undefined) ?? [];
  const from =
    typeof sender.name === 'string' && sender.name ? `${sender.name} <${sender.email}>` : sender.email;

  const cc = addresses(body.cc, 'cc');
  if (!Array.isArray(cc)) return cc;
  const bcc = addresses(body.bcc, 'bcc');
  if (!Array.isArray(bcc)) return bcc;
  if (body.params !== undefined && !isObject(body.params)) return invalid('params should be an object');
  const base: Version = {
    to: [],
    cc,
    bcc,
    subject: body.subject,
    html: body.htmlContent,
    text: body.textContent,
    params: (body.params as Json | undefined) ?? {},
  };
  let versions: Version[];
  if (body.messageVersions !== undefined) {
    if (!Array.isArray(body.messageVersions) || body.messageVersions.length === 0) {
      return invalid('messageVersions should be a non-empty array');
    }
    versions = [];
    for (const [i, raw] of body.messageVersions.entries()) {
      if (!isObject(raw)) return invalid(`messageVersions[${i}] should be an object`);
      const version = readVersion(raw, base, `messageVersions[${i}].to`);
      if ('status' in version) return version;
      versions.push(version);
    }
  } else {
    const version = readVersion({ to: body.to }, base, 'to');
    if ('status' in version) return version;
    versions = [version];
  }

  const messages: InboxMessage[] = [];
  for (const v of versions) {
    if (typeof v.subject !== 'string' || v.subject.trim() === '') return missing('subject is missing');
    const hasHtml = typeof v.html === 'string' && v.html.trim() !== '';
    const hasText = typeof v.text === 'string' && v.text.trim() !== '';
    if (!hasHtml && !hasText) return missing('htmlContent or textContent is missing');
    const html = hasHtml ? renderParams(v.html as string, v.params) : '';
    const text = hasText ? renderParams(v.text as string, v.params) : htmlToText(html);
    messages.push({
      id: randomUUID(),
      type: 'email',
      provider: 'brevo',
      providerMessageId: brevoEmailMessageId(now),
      from,
      to: v.to,
      cc: v.cc,
      bcc: v.bcc,
      subject: renderParams(v.subject, v.params),
      html,
      text,
      links: extractLinks(html, text),
      tags,
      createdAt: now.toISOString(),
    });
  }
  const ids = messages.map((m) => m.providerMessageId);
  const response = body.messageVersions === undefined ? { messageId: ids[0] as string } : { messageIds: ids };
  return { response, messages };
}
