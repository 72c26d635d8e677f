import { jwtVerify } from 'jose';
import { describe, expect, it } from 'vitest';
import { LOCAL_ANON_KEY, LOCAL_JWT_SECRET, LOCAL_SERVICE_ROLE_KEY, loadConfig } from './config.ts';

const secret = new TextEncoder().encode(LOCAL_JWT_SECRET);

describe('stack configuration', () => {
  it('uses the Supabase CLI’s local keys, signed with its local secret', async () => {
    const anon = await jwtVerify(LOCAL_ANON_KEY, secret);
    expect(anon.payload).toEqual({ iss: 'supabase-demo', role: 'anon', exp: 1983812996 });
    const service = await jwtVerify(LOCAL_SERVICE_ROLE_KEY, secret);
    expect(service.payload).toEqual({ iss: 'supabase-demo', role: 'service_role', exp: 1983812996 });
  });

  it('keeps the CLI’s ports for dev and shifts every port for the test profile', () => {
    const dev = loadConfig('dev');
    const test = loadConfig('test');
    expect([dev.ports.api, dev.ports.db, dev.ports.inbox]).toEqual([54321, 54322, 54324]);
    for (const key of Object.keys(dev.ports) as (keyof typeof dev.ports)[]) {
      expect(test.ports[key]).not.toBe(dev.ports[key]);
    }
    expect(new Set(Object.values(test.ports)).size).toBe(Object.keys(test.ports).length);
    expect(test.dirs.root).not.toBe(dev.dirs.root);
  });

  it('builds database URLs per login role', () => {
    expect(loadConfig('dev').dbUrl()).toBe('postgresql://postgres:postgres@127.0.0.1:54322/postgres');
    expect(loadConfig('dev').dbUrl('authenticator')).toContain('authenticator:postgres@');
  });
});
