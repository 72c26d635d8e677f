// Child-process helpers shared by the parts that run real servers (Postgres, PostgREST, Deno, Vite):
// line-by-line logging, and a stop that waits for the exit so nothing is left orphaned.
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import readline from 'node:readline';
import type { Logger } from './service.ts';

export interface Child {
  proc: ChildProcess;
  exited: Promise<number | null>;
  stop(signal?: NodeJS.Signals, graceMs?: number): Promise<void>;
}

export function run(cmd: string, args: string[], opts: SpawnOptions & { log: Logger }): Child {
  const { log, ...spawnOpts } = opts;
  // detached: its own process group, so a Ctrl-C on the terminal reaches only our supervisor,
  // which then stops each child in order (Postgres last).
  const proc = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], detached: true, ...spawnOpts });
  for (const stream of [proc.stdout, proc.stderr]) {
    if (stream) readline.createInterface({ input: stream }).on('line', (l) => log(l));
  }
  const exited = new Promise<number | null>((resolve) => {
    proc.on('exit', (code) => resolve(code));
    proc.on('error', (err) => {
      log(`failed to start ${cmd}: ${err.message}`);
      resolve(-1);
    });
  });
  return {
    proc,
    exited,
    async stop(signal = 'SIGTERM', graceMs = 10_000) {
      if (proc.exitCode !== null || proc.signalCode !== null || proc.pid === undefined) return;
      killGroup(proc.pid, signal);
      const timer = setTimeout(() => killGroup(proc.pid!, 'SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
    },
  };
}

function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    try {
      process.kill(pid, signal);
    } catch {
      /* already gone */
    }
  }
}

/** Runs a command to completion and returns its standard output; rejects with all its output when it fails. */
export async function runToEnd(cmd: string, args: string[], opts: SpawnOptions = {}): Promise<string> {
  const all: string[] = [];
  const stdout: string[] = [];
  const child = run(cmd, args, { ...opts, detached: false, log: (l) => all.push(l) });
  if (child.proc.stdout)
    readline.createInterface({ input: child.proc.stdout }).on('line', (l) => stdout.push(l));
  const code = await child.exited;
  if (code !== 0) throw new Error(`${cmd} ${args.join(' ')} exited with ${code}:\n${all.join('\n')}`);
  return stdout.join('\n');
}

/** Thrown by a readiness check that knows waiting longer cannot help: waitFor stops at once. */
export class WaitAborted extends Error {}

export async function waitFor(
  what: string,
  check: () => Promise<boolean>,
  timeoutMs = 30_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const ready = await check().catch((error: unknown) => {
      if (error instanceof WaitAborted) throw error;
      return false;
    });
    if (ready) return;
    if (Date.now() > deadline) throw new Error(`${what} was not ready after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
