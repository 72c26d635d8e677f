// Every message the fakes receive, kept in memory for the inbox and appended as one JSON line to a
// file so that the inbox survives a restart of the stack.
import { appendFileSync, mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import type { InboxMessage } from './types.ts';

export class MessageStore {
  readonly file: string;
  // Oldest first, as in the file; readers get them newest first.
  private messages: InboxMessage[] = [];

  constructor(file: string) {
    this.file = file;
  }

  /** Opens (creating if needed) the file and loads what it holds; a torn last line is skipped. */
  static open(file: string, onSkip: (line: string) => void = () => {}): MessageStore {
    const store = new MessageStore(file);
    mkdirSync(path.dirname(file), { recursive: true });
    if (existsSync(file)) {
      for (const line of readFileSync(file, 'utf8').split('\n')) {
        if (line.trim() === '') continue;
        try {
          store.messages.push(JSON.parse(line) as InboxMessage);
        } catch {
          onSkip(line);
        }
      }
    }
    return store;
  }

  add(message: InboxMessage): void {
    // Written synchronously so the file order always matches the order senders were answered in.
    appendFileSync(this.file, `${JSON.stringify(message)}\n`);
    this.messages.push(message);
  }

  /** Newest first; `to` keeps the messages addressed (to, cc or bcc) to that address or number. */
  list(filter: { to?: string } = {}): InboxMessage[] {
    const wanted = filter.to?.trim().toLowerCase();
    const all = [...this.messages].reverse();
    if (!wanted) return all;
    return all.filter((m) => [...m.to, ...m.cc, ...m.bcc].some((a) => a.toLowerCase() === wanted));
  }

  get(id: string): InboxMessage | undefined {
    return this.messages.find((m) => m.id === id);
  }

  /** Empties the inbox and its file; returns how many messages were removed. */
  clear(): number {
    const count = this.messages.length;
    this.messages = [];
    writeFileSync(this.file, '');
    return count;
  }
}
