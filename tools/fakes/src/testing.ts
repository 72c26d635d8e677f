// Starts the fakes on free ports over a throw-away directory, for this package's specs.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startFakes } from './index.ts';
import type { FakesConfig, RunningService } from './types.ts';

export interface TestFakes {
  config: FakesConfig;
  fakesUrl: string;
  inboxUrl: string;
  logs: string[];
  /** Stops the servers; the directory is kept so a restart can read the same inbox. */
  stop(): Promise<void>;
  /** Stops and deletes the directory. */
  dispose(): Promise<void>;
}

export async function startTestFakes(
  root = mkdtempSync(path.join(tmpdir(), 'carebook-fakes-')),
): Promise<TestFakes> {
  const config: FakesConfig = { host: '127.0.0.1', ports: { fakes: 0, inbox: 0 }, dirs: { root } };
  const logs: string[] = [];
  const services: RunningService[] = await startFakes(config, (line) => logs.push(line));
  const url = (name: string) => services.find((s) => s.name === name)?.url ?? '';
  const stop = async () => {
    await Promise.all(services.map((s) => s.stop()));
  };
  return {
    config,
    fakesUrl: url('fakes'),
    inboxUrl: url('inbox'),
    logs,
    stop,
    dispose: async () => {
      await stop();
      rmSync(root, { recursive: true, force: true });
    },
  };
}
