// Where each part's output goes: a file per part under .local/<profile>/logs, and, when the stack
// runs in the foreground, the terminal with a coloured prefix.
import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs';
import path from 'node:path';
import type { Logger } from './service.ts';

const COLOURS = [36, 35, 33, 32, 34, 91, 96, 95, 93, 92];

export class Logs {
  private files = new Map<string, WriteStream>();
  private readonly dir: string;
  private readonly echo: boolean;

  constructor(dir: string, echo: boolean) {
    this.dir = dir;
    this.echo = echo;
    mkdirSync(dir, { recursive: true });
  }

  for(name: string): Logger {
    let file = this.files.get(name);
    if (!file) {
      file = createWriteStream(path.join(this.dir, `${name}.log`), { flags: 'a' });
      this.files.set(name, file);
    }
    const colour = COLOURS[this.files.size % COLOURS.length];
    const out = file;
    return (line: string) => {
      out.write(`${new Date().toISOString()} ${line}\n`);
      if (this.echo) process.stdout.write(`\x1b[${colour}m${name.padEnd(12)}\x1b[0m ${line}\n`);
    };
  }

  path(name: string): string {
    return path.join(this.dir, `${name}.log`);
  }

  async close(): Promise<void> {
    await Promise.all([...this.files.values()].map((f) => new Promise<void>((r) => f.end(r))));
    this.files.clear();
  }
}
