import { describe, expect, it } from 'vitest';
import { readAppEnv } from './read-app-env.ts';

describe('readAppEnv', () => {
  it('defaults to the local stack', () => {
    const env = readAppEnv({ DEV: true });
    expect(env.supabaseUrl).toBe('http://127.0.0.1:54321');
    expect(env.inboxUrl).toBe('http://127.0.0.1:54324');
    // The Supabase CLI's local anon key: a JWT whose payload says role "anon".
    const payload = JSON.parse(atob(env.supabaseAnonKey.split('.')[1] ?? '')) as {
      role: string;
      iss: string;
    };
    expect(payload).toMatchObject({ role: 'anon', iss: 'supabase-demo' });
  });

  it('takes the build-time variables, ignoring blank ones', () => {
    const env = readAppEnv({
      VITE_SUPABASE_URL: 'https://abc.supabase.co',
      VITE_SUPABASE_ANON_KEY: 'k',
      VITE_INBOX_URL: 'http://127.0.0.1:55324',
      DEV: true,
    });
    expect(env).toEqual({
      supabaseUrl: 'https://abc.supabase.co',
      supabaseAnonKey: 'k',
      inboxUrl: 'http://127.0.0.1:55324',
    });
    expect(readAppEnv({ VITE_SUPABASE_URL: '  ' }).supabaseUrl).toBe('http://127.0.0.1:54321');
  });

  it('never links the local inbox from a production build', () => {
    expect(readAppEnv({ DEV: false, VITE_INBOX_URL: 'http://127.0.0.1:54324' }).inboxUrl).toBeNull();
  });
});
