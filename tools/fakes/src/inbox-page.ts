// The inbox page: messages newest first on the left, the selected one on the right with its HTML
// body in a sandboxed frame (no scripts, links open in a new tab) and every link listed clickable.
// Everything printed is escaped: message content is written by whoever called the fakes.
import { escapeHtml, isWebLink } from './html.ts';
import type { InboxMessage } from './types.ts';

function when(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)} UTC`;
}

function headline(m: InboxMessage): string {
  if (m.type === 'email') return m.subject || '(no subject)';
  return m.text.length > 60 ? `${m.text.slice(0, 60)}…` : m.text;
}

function listItem(m: InboxMessage, selected: boolean): string {
  return `<li${selected ? ' class="sel"' : ''}><a href="?id=${encodeURIComponent(m.id)}">
  <span class="badge ${m.type}">${m.type === 'email' ? 'E-mail' : 'SMS'}</span>
  <span class="to">${escapeHtml(m.to.join(', '))}</span>
  <span class="subj">${escapeHtml(headline(m))}</span>
  <time datetime="${escapeHtml(m.createdAt)}">${escapeHtml(when(m.createdAt))}</time></a></li>`;
}

function body(m: InboxMessage): string {
  if (m.type === 'email' && m.html) {
    // <base target=_blank> sends clicks to a new tab, which the sandbox allows through popups only.
    const doc = `<base target="_blank">${m.html}`;
    return `<iframe title="message body" sandbox="allow-popups allow-popups-to-escape-sandbox" srcdoc="${escapeHtml(doc)}"></iframe>`;
  }
  return `<pre>${escapeHtml(m.text)}</pre>`;
}

function detail(m: InboxMessage): string {
  const row = (label: string, value: string) =>
    value ? `<dt>${label}</dt><dd>${escapeHtml(value)}</dd>` : '';
  const links = m.links
    .filter(isWebLink)
    .map(
      (l) =>
        `<li><a href="${escapeHtml(l)}" target="_blank" rel="noopener noreferrer">${escapeHtml(l)}</a></li>`,
    )
    .join('');
  return `<article>
  <h2>${escapeHtml(headline(m))}</h2>
  <dl>${row('From', m.from)}${row('To', m.to.join(', '))}${row('Cc', m.cc.join(', '))}${row('Bcc', m.bcc.join(', '))}${row('Sent', when(m.createdAt))}${row('Tags', m.tags.join(', '))}${row('Id', m.providerMessageId)}</dl>
  ${links ? `<h3>Links</h3><ul class="links">${links}</ul>` : ''}
  ${body(m)}
</article>`;
}

const STYLE = `
*{box-sizing:border-box}body{margin:0;height:100vh;display:flex;flex-direction:column;font:14px/1.4 system-ui,sans-serif;color:#1d2733;background:#f4f6f8}
header{display:flex;align-items:center;gap:12px;padding:10px 16px;background:#1d2733;color:#fff}
header h1{font-size:16px;margin:0;flex:1}header button{border:0;border-radius:4px;padding:6px 12px;cursor:pointer}
main{flex:1;min-height:0;display:grid;grid-template-columns:minmax(260px,380px) 1fr}
ul.list{list-style:none;margin:0;padding:0;overflow:auto;border-right:1px solid #d8dee4;background:#fff}
ul.list a{display:grid;grid-template-columns:auto 1fr;gap:2px 8px;padding:10px 14px;color:inherit;text-decoration:none;border-bottom:1px solid #eef1f4}
ul.list li.sel a{background:#e6f0fb}ul.list a:hover{background:#f0f4f8}
.badge{font-size:11px;padding:1px 6px;border-radius:8px;background:#dfe7ef}.badge.sms{background:#fbe8c8}
.to{font-weight:600;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
.subj{grid-column:1/3;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}time{grid-column:1/3;color:#66727f;font-size:12px}
section{overflow:auto;padding:16px 20px}article h2{margin:0 0 8px;font-size:18px}
dl{display:grid;grid-template-columns:auto 1fr;gap:2px 12px;margin:0 0 12px}dt{color:#66727f}dd{margin:0;word-break:break-all}
ul.links{margin:0 0 12px;padding-left:18px;word-break:break-all}
iframe{width:100%;height:60vh;border:1px solid #d8dee4;border-radius:4px;background:#fff}
pre{white-space:pre-wrap;background:#fff;border:1px solid #d8dee4;border-radius:4px;padding:12px}
p.empty{color:#66727f;padding:20px}`;

// Reloads when a message arrives or the inbox is cleared, keeping the one being read selected.
const SCRIPT = `
const first = document.body.dataset.first, count = document.body.dataset.count;
setInterval(async () => {
  try {
    const { messages } = await (await fetch('/api/messages')).json();
    if ((messages[0]?.id ?? '') !== first || String(messages.length) !== count) location.reload();
  } catch {}
}, 3000);
document.getElementById('clear').addEventListener('click', async () => {
  await fetch('/api/messages', { method: 'DELETE' });
  location.href = '/';
});`;

export function renderInboxPage(messages: InboxMessage[], selectedId: string | null): string {
  const selected = messages.find((m) => m.id === selectedId) ?? messages[0];
  const list = messages.map((m) => listItem(m, m === selected)).join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Inbox (${messages.length})</title><style>${STYLE}</style></head>
<body data-first="${escapeHtml(messages[0]?.id ?? '')}" data-count="${messages.length}">
<header><h1>Inbox · ${messages.length} message${messages.length === 1 ? '' : 's'}</h1><button id="clear" type="button">Clear</button></header>
<main>
<ul class="list">${list || '<li><p class="empty">No messages yet.</p></li>'}</ul>
<section>${selected ? detail(selected) : '<p class="empty">E-mails and SMS sent through the fakes appear here.</p>'}</section>
</main>
<script>${SCRIPT}</script>
</body></html>`;
}
