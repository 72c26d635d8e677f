import { describe, expect, it } from 'vitest';
import { createApp, nextTick } from 'vue';
import { flushPromises } from '@vue/test-utils';
import { createMemoryHistory, createRouter } from 'vue-router';
import { createPinia, setActivePinia } from 'pinia';
import { provideCarebookClient } from '../app/carebook-client.ts';
import { fakeAuthClient, sessionFor } from '../testing/fake-auth.ts';
import { installSessionGuard } from './session-guard.ts';

// Route targets only; nothing is rendered.
const Page = { render: () => null };

function setup(fake: ReturnType<typeof fakeAuthClient>) {
  const app = createApp({});
  provideCarebookClient(app, fake.client);
  const pinia = createPinia();
  app.use(pinia);
  setActivePinia(pinia);
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/', component: Page },
      { path: '/auth', component: Page, meta: { guestOnly: true } },
      { path: '/account', component: Page, meta: { requiresAuth: true } },
      { path: '/settings', component: Page, meta: { requiresAuth: true } },
    ],
  });
  installSessionGuard(router, { signIn: '/auth', afterSignIn: '/account' });
  return router;
}

describe('installSessionGuard', () => {
  it('sends visitors from a private page to sign-in, remembering where they were going', async () => {
    const router = setup(fakeAuthClient());
    await router.push('/account');
    expect(router.currentRoute.value.fullPath).toBe('/auth?redirect=/account');
  });

  it('lets signed-in people through', async () => {
    const router = setup(fakeAuthClient({ stored: sessionFor('zoe@example.fr') }));
    await router.push('/account');
    expect(router.currentRoute.value.fullPath).toBe('/account');
  });

  it('sends signed-in people from sign-in to where they were going', async () => {
    const router = setup(fakeAuthClient({ stored: sessionFor('zoe@example.fr') }));
    await router.push('/auth?redirect=/settings');
    expect(router.currentRoute.value.fullPath).toBe('/settings');
    await router.push('/auth');
    expect(router.currentRoute.value.fullPath).toBe('/account');
  });

  it('never redirects to another site', async () => {
    const router = setup(fakeAuthClient({ stored: sessionFor('zoe@example.fr') }));
    await router.push('/auth?redirect=//evil.example/phish');
    expect(router.currentRoute.value.fullPath).toBe('/account');
  });

  it('drops the tokens a confirmation link leaves in the URL fragment', async () => {
    const router = setup(fakeAuthClient({ stored: sessionFor('zoe@example.fr') }));
    await router.push('/account#access_token=a.b.c&refresh_token=r&type=signup');
    expect(router.currentRoute.value.fullPath).toBe('/account');
  });

  it('keeps ordinary anchors', async () => {
    const router = setup(fakeAuthClient({ stored: sessionFor('zoe@example.fr') }));
    await router.push('/account#security');
    expect(router.currentRoute.value.fullPath).toBe('/account#security');
  });

  it('leaves a private page when the session ends', async () => {
    const fake = fakeAuthClient({ stored: sessionFor('zoe@example.fr') });
    const router = setup(fake);
    await router.push('/account');
    fake.emit('SIGNED_OUT', null);
    await flushPromises();
    expect(router.currentRoute.value.path).toBe('/auth');
  });

  it('stays on a public page when the session ends', async () => {
    const fake = fakeAuthClient({ stored: sessionFor('zoe@example.fr') });
    const router = setup(fake);
    await router.push('/');
    fake.emit('SIGNED_OUT', null);
    await nextTick();
    expect(router.currentRoute.value.path).toBe('/');
  });
});
