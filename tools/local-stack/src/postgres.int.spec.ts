// A cluster must never pass for another: when its port is taken (another stack, another scratch
// cluster), start-up fails and says so, instead of handing back a connection to someone else's data.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from './config.ts';
import { startScratchDb } from './scratch.ts';

describe('startPostgres', () => {
  const port = loadConfig('test').ports.db + 2100;
  let first: Awaited<ReturnType<typeof startScratchDb>>;

  beforeAll(async () => {
    first = await startScratchDb('postgres-spec-first', port);
  });
  afterAll(async () => {
    await first?.stop();
  });

  it('refuses a port another cluster listens on', async () => {
    await expect(startScratchDb('postgres-spec-second', port)).rejects.toThrow(new RegExp(`port ${port}`));
  });
});
