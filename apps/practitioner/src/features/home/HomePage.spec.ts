import { describe, expect, it } from 'vitest';
import { h, type App } from 'vue';
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia } from 'pinia';
import { Quasar, QLayout, QPageContainer } from 'quasar';
import { createMemoryHistory, createRouter } from 'vue-router';
import type { CarebookClient, Session } from '@carebook/data';
import { createCarebookI18n, provideCarebookClient, useSession } from '@carebook/shell';
import { practitionerMessages } from '../../i18n/messages.ts';
import HomePage from './HomePage.vue';

// The page reads the session; its profile card asks the client for a session, which it has not.
const signedOutClient = { auth: { getSession: async () => ({ data: { session: null }, error: null }) } };
const noApi = {
  install: (app: App) => provideCarebookClient(app, signedOutClient as unknown as CarebookClient),
};
const Blank = { render: () => null };
// A q-page renders only inside a q-layout, as it does under the app's frame.
const InLayout = { render: () => h(QLayout, () => h(QPageContainer, () => h(HomePage))) };

async function mountHome() {
  const router = createRouter({
    history: createMemoryHistory(),
    routes: ['/', '/auth', '/account'].map((path) => ({ path, component: Blank })),
  });
  await router.push('/');
  const i18n = createCarebookI18n('en', practitionerMessages);
  return mount(InLayout, { global: { plugins: [[Quasar, {}], i18n, createPinia(), router, noApi] } });
}

// Each call to action: its label (without the icon's ligature) and where it leads.
const links = (wrapper: Awaited<ReturnType<typeof mountHome>>) =>
  wrapper.findAll('a.q-btn').map((a) => [a.get('.block').text(), a.attributes('href')]);

describe('practitioner HomePage', () => {
  it('offers a visitor to sign in or sign up', async () => {
    const wrapper = await mountHome();
    expect(wrapper.get('h1').text()).toBe('Your practice, organised in one place');
    expect(links(wrapper)).toEqual([
      ['Go to my workspace', '/auth'],
      ['Create a practitioner account', '/auth?mode=sign-up'],
    ]);
  });

  it('sends a signed-in person to their account', async () => {
    const wrapper = await mountHome();
    useSession().session = { user: { email: 'zoe@example.fr' } } as Session;
    await flushPromises();
    expect(links(wrapper)).toEqual([['My account', '/account']]);
  });
});
