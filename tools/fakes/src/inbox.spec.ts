// The inbox API and page over messages sent to the Brevo fake, and the inbox surviving a restart.
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { BrevoClient } from '@getbrevo/brevo';
import { inboxFile } from './index.ts';
import { startTestFakes, type TestFakes } from './testing.ts';
import type { InboxMessage } from './types.ts';

const running: TestFakes[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((f) => f.dispose()));
});

async function start(root?: string): Promise<TestFakes> {
  const fakes = await startTestFakes(root);
  running.push(fakes);
  return fakes;
}

function client(fakes: TestFakes): BrevoClient {
  return new BrevoClient({ apiKey: 'k', baseUrl: `${fakes.fakesUrl}/brevo/v3`, maxRetries: 0 });
}

async function sendEmail(
  fakes: TestFakes,
  to: string,
  subject: string,
  htmlContent = '<p>hi</p>',
): Promise<void> {
  await client(fakes).transactionalEmails.sendTransacEmail({
    sender: { email: 'no-reply@carebook.test' },
    to: [{ email: to }],
    subject,
    htmlContent,
  });
}

async function messages(fakes: TestFakes, query = ''): Promise<InboxMessage[]> {
  const res = await fetch(`${fakes.inboxUrl}/api/messages${query}`);
  return ((await res.json()) as { messages: InboxMessage[] }).messages;
}

describe('inbox API', () => {
  it('lists newest first, filters by recipient, reads one, and clears', async () => {
    const fakes = await start();
    await sendEmail(fakes, 'first@example.test', 'one');
    await sendEmail(fakes, 'second@example.test', 'two');
    await client(fakes).transactionalSms.sendAsyncTransactionalSms({
      sender: 'Carebook',
      recipient: '33612345678',
      content: 'three',
    });

    const all = await messages(fakes);
    expect(all.map((m) => m.subject || m.text)).toEqual(['three', 'two', 'one']);
    expect(all.map((m) => m.type)).toEqual(['sms', 'email', 'email']);

    const filtered = await messages(fakes, '?to=SECOND@example.test');
    expect(filtered.map((m) => m.subject)).toEqual(['two']);

    const one = await fetch(`${fakes.inboxUrl}/api/messages/${all[1]?.id}`);
    expect(one.status).toBe(200);
    expect(await one.json()).toEqual(all[1]);
    expect((await fetch(`${fakes.inboxUrl}/api/messages/missing`)).status).toBe(404);

    const cleared = await fetch(`${fakes.inboxUrl}/api/messages`, { method: 'DELETE' });
    expect(await cleared.json()).toEqual({ deleted: 3 });
    expect(await messages(fakes)).toEqual([]);
    expect(readFileSync(inboxFile(fakes.config), 'utf8')).toBe('');
  });

  it('keeps the messages across a restart on the same directory', async () => {
    const first = await start();
    await sendEmail(first, 'kept@example.test', 'before restart');
    await first.stop();

    const second = await start(first.config.dirs.root);
    await sendEmail(second, 'kept@example.test', 'after restart');
    expect((await messages(second, '?to=kept@example.test')).map((m) => m.subject)).toEqual([
      'after restart',
      'before restart',
    ]);
  });
});

describe('inbox page', () => {
  it('lists messages newest first and escapes everything a sender wrote', async () => {
    const fakes = await start();
    await sendEmail(fakes, 'older@example.test', 'Older');
    await sendEmail(
      fakes,
      'newer@example.test',
      '<script>alert("subject")</script>',
      '<p onclick="x()">Body</p><a href="https://carebook.test/ok">ok</a><a href="javascript:alert(1)">bad</a>',
    );
    const res = await fetch(`${fakes.inboxUrl}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    const page = await res.text();

    expect(page).not.toContain('<script>alert');
    expect(page).toContain('&lt;script&gt;alert(&quot;subject&quot;)&lt;/script&gt;');
    expect(page.indexOf('newer@example.test')).toBeLessThan(page.indexOf('older@example.test'));
    // The body only appears inside the sandboxed frame's escaped srcdoc, never as live markup.
    expect(page).not.toContain('<p onclick');
    expect(page).toMatch(
      /<iframe[^>]+sandbox="allow-popups allow-popups-to-escape-sandbox"[^>]+srcdoc="[^"]*&lt;p onclick=&quot;x\(\)&quot;&gt;/,
    );
    // Web links are listed clickable; a javascript: link is not.
    expect(page).toContain('<a href="https://carebook.test/ok" target="_blank"');
    expect(page).not.toContain('href="javascript:');
  });

  it('shows the message picked with ?id=', async () => {
    const fakes = await start();
    await sendEmail(fakes, 'a@example.test', 'Alpha');
    await sendEmail(fakes, 'b@example.test', 'Beta');
    const alpha = (await messages(fakes, '?to=a@example.test'))[0];
    const page = await (await fetch(`${fakes.inboxUrl}/?id=${alpha?.id}`)).text();
    expect(page).toMatch(/<h2>Alpha<\/h2>/);
  });
});
