import { describe, expect, it } from 'vitest';
import { createApp, h } from 'vue';
import { flushPromises } from '@vue/test-utils';
import { RouterView } from 'vue-router';
import { provideCarebookClient } from './carebook-client.ts';
import { fakeAuthClient } from '../testing/fake-auth.ts';
import { testPlugins } from '../testing/plugins.ts';
import { createCarebookRouter, type CarebookRouterOptions } from './create-carebook-router.ts';

const Home = { render: () => h('p', 'home') };

// Keys of shared texts, so the spec needs no app messages.
const options: CarebookRouterOptions = {
  home: Home,
  titleKeys: {
    home: 'common.brand',
    auth: 'common.signIn',
    account: 'common.account',
    notFound: 'notFound.title',
  },
  layout: { appName: 'Carebook Pro', badge: 'Pro', footerKey: 'common.brand' },
  auth: { role: 'practitioner', inboxUrl: 'http://127.0.0.1:54324', noteKey: 'common.signUp' },
};

describe('createCarebookRouter', () => {
  it('gives every page its tab title and says who may enter', () => {
    const router = createCarebookRouter(options);
    const meta = (path: string) => router.resolve(path).meta;
    expect(router.resolve('/').matched.at(-1)?.components?.default).toBe(Home);
    expect(meta('/')).toEqual({ titleKey: 'common.brand' });
    expect(meta('/auth?mode=sign-up')).toEqual({ guestOnly: true, titleKey: 'common.signIn' });
    expect(meta('/account')).toEqual({ requiresAuth: true, titleKey: 'common.account' });
    expect(meta('/no/such/page')).toEqual({ titleKey: 'notFound.title' });
  });

  it('hands the app’s frame and sign-in settings to the shared layout and sign-in page', () => {
    const matched = createCarebookRouter(options).resolve('/auth').matched;
    expect(matched[0]?.props.default).toEqual(options.layout);
    expect(matched[1]?.props.default).toEqual(options.auth);
  });

  it('renders the page inside the layout, with the page and app names in the tab', async () => {
    const router = createCarebookRouter(options);
    const app = createApp({ render: () => h(RouterView) });
    provideCarebookClient(app, fakeAuthClient().client);
    for (const [plugin, ...rest] of testPlugins('fr').plugins) app.use(plugin, ...rest);
    app.use(router);
    const root = document.createElement('div');
    await router.push('/');
    app.mount(root);
    await flushPromises();
    expect(root.textContent).toContain('home');
    expect(root.querySelector('.app-header__badge')?.textContent).toBe('Pro');
    expect(document.title).toBe('Carebook · Carebook Pro');
    app.unmount();
  });
});

describe('an app’s own pages and frame extras', () => {
  const Billing = { render: () => h('p', 'billing page') };
  const Extra = { render: () => h('a', { class: 'extra-link' }, 'Billing') };
  const Notice = { render: () => h('div', { class: 'app-notice' }, 'payment failed') };
  const withExtras: CarebookRouterOptions = {
    ...options,
    layout: { ...options.layout, headerExtras: Extra, notice: Notice },
    routes: [
      { path: 'billing', component: Billing, meta: { requiresAuth: true, titleKey: 'common.account' } },
    ],
  };

  it('adds the app’s routes inside the frame, before the not-found page', () => {
    const router = createCarebookRouter(withExtras);
    const matched = router.resolve('/billing').matched;
    expect(matched.at(-1)?.components?.default).toBe(Billing);
    expect(matched.at(-1)?.meta).toEqual({ requiresAuth: true, titleKey: 'common.account' });
    expect(router.resolve('/billing/nothing').meta).toEqual({ titleKey: 'notFound.title' });
  });

  it('shows the header extras and the notice on every page', async () => {
    const router = createCarebookRouter(withExtras);
    const app = createApp({ render: () => h(RouterView) });
    provideCarebookClient(app, fakeAuthClient().client);
    for (const [plugin, ...rest] of testPlugins('fr').plugins) app.use(plugin, ...rest);
    app.use(router);
    const root = document.createElement('div');
    await router.push('/');
    app.mount(root);
    await flushPromises();
    expect(root.querySelector('header .extra-link')?.textContent).toBe('Billing');
    expect(root.querySelector('.app-notice')?.textContent).toBe('payment failed');
    app.unmount();
  });
});
