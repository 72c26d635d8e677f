import { describe, expect, it } from 'vitest';
import { createApp } from 'vue';
import { createPinia, setActivePinia } from 'pinia';
import { provideCarebookClient } from '../app/carebook-client.ts';
import { fakeAuthClient, sessionFor } from '../testing/fake-auth.ts';
import { useSession } from './use-session.ts';

function storeWith(fake: ReturnType<typeof fakeAuthClient>) {
  const app = createApp({});
  provideCarebookClient(app, fake.client);
  const pinia = createPinia();
  app.use(pinia);
  setActivePinia(pinia);
  return useSession();
}

describe('useSession', () => {
  it('is not ready until started, then holds the stored session', async () => {
    const store = storeWith(fakeAuthClient({ stored: sessionFor('zoe@example.fr', 'Zoé Martin') }));
    expect(store.ready).toBe(false);
    expect(store.isSignedIn).toBe(false);
    await store.start();
    expect(store.ready).toBe(true);
    expect(store.isSignedIn).toBe(true);
    expect(store.email).toBe('zoe@example.fr');
    expect(store.fullName).toBe('Zoé Martin');
  });

  it('starts once however often it is asked', async () => {
    const fake = fakeAuthClient();
    const store = storeWith(fake);
    await Promise.all([store.start(), store.start()]);
    await store.start();
    expect(fake.calls.initialize).toBe(1);
  });

  it('follows sign-in and sign-out events from supabase-js', async () => {
    const fake = fakeAuthClient();
    const store = storeWith(fake);
    await store.start();
    expect(store.isSignedIn).toBe(false);
    fake.emit('SIGNED_IN', sessionFor('sam@example.fr'));
    expect(store.email).toBe('sam@example.fr');
    fake.emit('SIGNED_OUT', null);
    expect(store.isSignedIn).toBe(false);
    expect(store.email).toBe('');
  });

  it('keeps why a confirmation link failed, until cleared', async () => {
    const store = storeWith(fakeAuthClient({ linkErrorCode: 'otp_expired' }));
    await store.start();
    expect(store.linkError?.code).toBe('link_expired');
    expect(store.isSignedIn).toBe(false);
    store.clearLinkError();
    expect(store.linkError).toBeNull();
  });

  it('signs out through the API and forgets the session', async () => {
    const fake = fakeAuthClient({ stored: sessionFor('zoe@example.fr') });
    const store = storeWith(fake);
    await store.start();
    const result = await store.signOut();
    expect(result).toEqual({ ok: true, data: null });
    expect(fake.calls.signOut).toBe(1);
    expect(store.isSignedIn).toBe(false);
  });
});
