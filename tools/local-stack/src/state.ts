// The running stack's state file: lets a second `npm start` say "already running", lets
// `npm run status` and `npm run stop` find it, and lets a start clean up after a killed one.
import { existsSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { StackConfig } from './config.ts';

export interface StackState {
  pid: number;
  startedAt: string;
  profile: string;
  childPids: number[];
  urls: Record<string, string>;
}

export const stateFile = (config: StackConfig) => path.join(config.dirs.root, 'stack.json');

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function readState(config: StackConfig): StackState | null {
  const file = stateFile(config);
  if (!existsSync(file)) return null;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as StackState;
  } catch {
    return null;
  }
}

export function writeState(config: StackConfig, state: StackState): void {
  mkdirSync(config.dirs.root, { recursive: true });
  writeFileSync(stateFile(config), JSON.stringify(state, null, 2));
}

export function clearState(config: StackConfig): void {
  rmSync(stateFile(config), { force: true });
}

/** A supervisor that died without stopping its children (kill -9): stop what it left behind. */
export function reapOrphans(state: StackState): number {
  let reaped = 0;
  for (const pid of state.childPids) {
    if (!isAlive(pid)) continue;
    try {
      process.kill(-pid, 'SIGTERM');
      reaped++;
    } catch {
      /* gone in between */
    }
  }
  return reaped;
}
