// Reads the e-mails the stack sent, through the inbox's JSON API.
import type { InboxMessage } from '@carebook/fakes';
import { e2eEnv } from './env.ts';

async function messagesTo(email: string): Promise<InboxMessage[]> {
  const response = await fetch(`${e2eEnv.inboxUrl}/api/messages?to=${encodeURIComponent(email)}`);
  if (!response.ok) throw new Error(`inbox answered ${response.status}`);
  const body = (await response.json()) as { messages: InboxMessage[] };
  return body.messages;
}

/**
 * The first link of the newest e-mail to `email` that matches `pattern`. Sending is asynchronous,
 * so this waits for the e-mail (polling, bounded by `timeoutMs`); it never re-runs the test.
 */
export async function waitForEmailLink(email: string, pattern: RegExp, timeoutMs = 10_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    for (const message of await messagesTo(email)) {
      const link = message.links.find((l) => pattern.test(l));
      if (link) return link;
    }
    if (Date.now() > deadline)
      throw new Error(`no e-mail to ${email} with a link matching ${pattern} within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** An e-mail to `email` whose subject matches `subject`, waited for (polling) like waitForEmailLink. */
export async function waitForEmail(
  email: string,
  subject: RegExp,
  timeoutMs = 10_000,
): Promise<InboxMessage> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = (await messagesTo(email)).find((m) => subject.test(m.subject));
    if (found) return found;
    if (Date.now() > deadline)
      throw new Error(`no e-mail to ${email} with a subject matching ${subject} within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
