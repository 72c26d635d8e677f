// Lays an e-mail's words out as a text part and an HTML part that common clients (Outlook's Word
// engine included) show well: nested tables with inline styles, 600 px wide at most, a hidden
// preheader for the inbox preview, and every piece of text escaped.
import type { Locale } from '../enums.ts';
import { assertRenderable, factsOf, type Audience, type MessageContext } from './context.ts';
import { ACCOUNT_EMAILS } from './email-account.ts';
import { BOOKING_EMAILS } from './email-booking.ts';
import type { EmailParts, EmailTable } from './email-parts.ts';

const EMAIL_TEXTS: EmailTable = { ...BOOKING_EMAILS, ...ACCOUNT_EMAILS };

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

/** Topics with an e-mail, for tests and for the fan-out rules to agree with. */
export const EMAIL_TOPICS = Object.keys(EMAIL_TEXTS);

export const escapeHtml = (s: string): string =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

/** Only web links become buttons: a `javascript:` or malformed value is dropped, not linked. */
function safeUrl(value: string | undefined): string | null {
  if (!value) return null;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch {
    return null;
  }
}

// After the preheader, invisible filler keeps clients from pulling the body's first words into
// the inbox preview.
const PREHEADER_PAD = '&#8204;&nbsp;'.repeat(40);
const FONT = 'font-family: Arial, Helvetica, sans-serif;';
const INK = '#1a1a1a';
const MUTED = '#595959'; // 7:1 on white
const BRAND = '#1d4f91'; // white on it: 8:1
const PAGE = '#f3f4f6';

function html(locale: Locale, parts: EmailParts, url: string | null, sign: string): string {
  const e = escapeHtml;
  const preheader = parts.lines[0] ?? parts.subject;
  const paragraphs = parts.lines.map((line) => `<p style="margin: 0 0 16px;">${e(line)}</p>`).join('');
  const rows = parts.rows?.length
    ? `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="margin: 0 0 16px; border-collapse: collapse; background-color: ${PAGE};">` +
      parts.rows
        .map(
          ([label, value]) =>
            `<tr><td valign="top" style="${FONT} padding: 8px 12px; font-size: 14px; color: ${MUTED}; width: 120px;">${e(label)}</td>` +
            `<td valign="top" style="${FONT} padding: 8px 12px; font-size: 15px; color: ${INK}; font-weight: bold;">${e(value)}</td></tr>`,
        )
        .join('') +
      '</table>'
    : '';
  const button =
    url && parts.action
      ? `<table role="presentation" cellpadding="0" cellspacing="0" border="0" style="margin: 8px 0 16px;"><tr>` +
        `<td bgcolor="${BRAND}" style="border-radius: 6px; background-color: ${BRAND};">` +
        `<a href="${e(url)}" target="_blank" style="${FONT} display: inline-block; padding: 12px 24px; font-size: 16px; font-weight: bold; color: #ffffff; text-decoration: none; border-radius: 6px;">${e(parts.action)}</a>` +
        `</td></tr></table>` +
        `<p style="margin: 0 0 16px; font-size: 13px; color: ${MUTED}; word-break: break-all;">${e(url)}</p>`
      : '';
  return (
    `<!doctype html><html lang="${locale}"><head><meta charset="utf-8">` +
    '<meta name="viewport" content="width=device-width, initial-scale=1">' +
    '<meta name="x-apple-disable-message-reformatting">' +
    `<title>${e(parts.subject)}</title></head>` +
    `<body style="margin: 0; padding: 0; background-color: ${PAGE};">` +
    `<div style="display: none; max-height: 0; overflow: hidden; mso-hide: all; font-size: 1px; line-height: 1px; color: ${PAGE}; opacity: 0;">${e(preheader)}${PREHEADER_PAD}</div>` +
    `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="background-color: ${PAGE};"><tr><td align="center" style="padding: 24px 12px;">` +
    `<table role="presentation" width="600" cellpadding="0" cellspacing="0" border="0" style="width: 100%; max-width: 600px; background-color: #ffffff; border-radius: 8px;">` +
    `<tr><td style="${FONT} padding: 24px 32px 8px; font-size: 20px; font-weight: bold; color: ${BRAND};">Carebook</td></tr>` +
    `<tr><td style="${FONT} padding: 8px 32px; font-size: 16px; line-height: 24px; color: ${INK};">${paragraphs}${rows}${button}</td></tr>` +
    `<tr><td style="${FONT} padding: 8px 32px 24px; font-size: 14px; color: ${MUTED};">${e(sign)}</td></tr>` +
    '</table></td></tr></table></body></html>'
  );
}

function text(locale: Locale, parts: EmailParts, url: string | null, sign: string): string {
  const colon = locale === 'fr' ? ' : ' : ': ';
  const blocks = [...parts.lines];
  if (parts.rows?.length) blocks.push(parts.rows.map(([label, value]) => label + colon + value).join('\n'));
  if (url && parts.action) blocks.push(parts.action + colon + url);
  blocks.push(`— ${sign}`);
  return blocks.join('\n\n') + '\n';
}

/** The e-mail for a topic, audience and language, or null when that audience gets none. */
export function renderEmail(
  topic: string,
  audience: Audience,
  locale: Locale,
  context: MessageContext,
): RenderedEmail | null {
  const texts = EMAIL_TEXTS[topic]?.[audience]?.[locale];
  if (!texts) return null;
  assertRenderable(topic, context);
  const parts = texts(factsOf(context, locale));
  const url = safeUrl(context.app_url);
  const sign = locale === 'fr' ? 'L’équipe Carebook' : 'The Carebook team';
  // A subject is a header: a line break from a name must not split it.
  const subject = parts.subject.replace(/\s+/g, ' ').trim();
  return {
    subject,
    text: text(locale, parts, url, sign),
    html: html(locale, { ...parts, subject }, url, sign),
  };
}
