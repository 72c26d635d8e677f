import { beforeEach, describe, expect, it, vi } from 'vitest';
import { h, type App } from 'vue';
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia } from 'pinia';
import { Quasar, QLayout, QPageContainer } from 'quasar';
import { createMemoryHistory, createRouter } from 'vue-router';
import type { BillingSummary, CarebookClient, Plan, Result } from '@carebook/data';
import { createCarebookI18n, provideCarebookClient } from '@carebook/shell';
import { practitionerMessages } from '../../i18n/messages.ts';
import BillingPage from './BillingPage.vue';

// The page's data calls, answered here; the rest of @carebook/data is the real one.
const api = vi.hoisted(() => ({
  getBilling: vi.fn(),
  listPlans: vi.fn(),
  startSubscription: vi.fn(),
  openBillingPortal: vi.fn(),
  getMySubscription: vi.fn(),
}));
vi.mock('@carebook/data', async (actual) => ({ ...(await actual<object>()), ...api }));

const plans: Plan[] = [
  {
    code: 'essential_monthly',
    name: { fr: 'Essentiel mensuel', en: 'Essential monthly' },
    interval: 'month',
    amountCents: 4900,
    currency: 'EUR',
    trialDays: 14,
  },
  {
    code: 'essential_yearly',
    name: { fr: 'Essentiel annuel', en: 'Essential yearly' },
    interval: 'year',
    amountCents: 49000,
    currency: 'EUR',
    trialDays: 1,
  },
];
const none: BillingSummary = { subscription: null, plan: null, invoices: [], upcoming: null };
const trialing: BillingSummary = {
  subscription: {
    plan: 'essential_monthly',
    status: 'trialing',
    currentPeriodEnd: '2027-01-15T10:00:00.000Z',
    trialEnd: '2027-01-15T10:00:00.000Z',
    cancelAtPeriodEnd: false,
    pastDueSince: null,
  },
  plan: {
    code: 'essential_monthly',
    name: plans[0]!.name,
    interval: 'month',
    amountCents: 4900,
    currency: 'EUR',
  },
  invoices: [],
  upcoming: { at: '2027-01-15T10:00:00.000Z', amountCents: 4900, currency: 'EUR' },
};
const okay = <T>(data: T): Result<T> => ({ ok: true, data });

async function mountPage(path = '/billing', locale: 'fr' | 'en' = 'fr') {
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [{ path: '/billing', component: { render: () => null } }],
  });
  await router.push(path);
  const noApi = { install: (app: App) => provideCarebookClient(app, {} as CarebookClient) };
  const InLayout = {
    render: () => h(QLayout, () => h(QPageContainer, () => h(BillingPage, { pollEveryMs: 1, pollTries: 5 }))),
  };
  const wrapper = mount(InLayout, {
    global: {
      plugins: [[Quasar, {}], createCarebookI18n(locale, practitionerMessages), createPinia(), router, noApi],
    },
  });
  await flushPromises();
  return { wrapper, router };
}

// What a reader sees: icon ligatures ("check_circle") left out, spaces of any kind made plain.
function text(w: Awaited<ReturnType<typeof mountPage>>['wrapper'], id: string): string {
  const copy = w.get(`[data-testid="${id}"]`).element.cloneNode(true) as HTMLElement;
  copy.querySelectorAll('.q-icon, .q-spinner').forEach((icon) => icon.remove());
  return (copy.textContent ?? '').replace(/\s+/g, ' ').trim();
}

beforeEach(() => {
  vi.resetAllMocks();
  api.listPlans.mockResolvedValue(okay(plans));
  api.getMySubscription.mockResolvedValue(okay(null));
});

describe('BillingPage', () => {
  it('offers the plans with prices and the trial, French plurals included', async () => {
    api.getBilling.mockResolvedValue(okay(none));
    const { wrapper } = await mountPage();
    expect(text(wrapper, 'plan-essential_monthly')).toContain('49,00 € par mois');
    expect(text(wrapper, 'plan-essential_monthly')).toContain('14 jours d’essai gratuit');
    expect(text(wrapper, 'plan-essential_yearly')).toContain('1 jour d’essai gratuit');
    expect(text(wrapper, 'no-invoices')).toBe('Aucune facture pour l’instant.');
  });

  it('sends the chosen plan to Checkout', async () => {
    api.getBilling.mockResolvedValue(okay(none));
    api.startSubscription.mockResolvedValue(okay('http://fake/c/cs_1'));
    const assign = vi.fn();
    vi.stubGlobal('location', { ...window.location, assign });
    const { wrapper } = await mountPage();
    await wrapper.get('[data-testid="plan-essential_yearly"] button').trigger('click');
    await flushPromises();
    expect(api.startSubscription).toHaveBeenCalledWith(expect.anything(), 'essential_yearly');
    expect(assign).toHaveBeenCalledWith('http://fake/c/cs_1');
    vi.unstubAllGlobals();
  });

  it('translates a refusal, never shows the server message', async () => {
    api.getBilling.mockResolvedValue(okay(none));
    api.startSubscription.mockResolvedValue({
      ok: false,
      error: { code: 'already_subscribed', message: 'raw server text' },
    });
    const { wrapper } = await mountPage('/billing', 'en');
    await wrapper.get('[data-testid="plan-essential_monthly"] button').trigger('click');
    await flushPromises();
    const alert = wrapper.get('[role="alert"]').text();
    expect(alert).toBe('You already have a current subscription: change plans from the billing portal.');
    expect(wrapper.text()).not.toContain('raw server text');
  });

  it('back from Checkout, waits for the subscription, then shows the trial', async () => {
    api.getBilling
      .mockResolvedValueOnce(okay(none))
      .mockResolvedValueOnce(okay(none))
      .mockResolvedValue(okay(trialing));
    const { wrapper, router } = await mountPage('/billing?checkout=done');
    await vi.waitFor(() =>
      expect(text(wrapper, 'checkout-state')).toBe('Merci ! Votre abonnement est en place.'),
    );
    expect(api.getBilling).toHaveBeenCalledTimes(3);
    expect(text(wrapper, 'plan-status')).toMatch(/^Essai gratuit jusqu’au 15 janvier 2027 \(.+\)$/);
    expect(text(wrapper, 'next-invoice')).toMatch(/^49,00 € le 15 janvier 2027/);
    expect(router.currentRoute.value.query).toEqual({});
  });

  it('offers no plan while it waits, so nobody subscribes twice', async () => {
    api.getBilling.mockResolvedValue(okay(none));
    const { wrapper } = await mountPage('/billing?checkout=done');
    expect(text(wrapper, 'checkout-state')).toBe(
      'Merci ! Votre abonnement apparaîtra dans quelques secondes.',
    );
    expect(wrapper.find('[data-testid="plan-essential_monthly"]').exists()).toBe(false);
    await vi.waitFor(() => expect(text(wrapper, 'checkout-state')).toContain('met du temps'));
    expect(wrapper.find('[data-testid="plan-essential_monthly"]').exists()).toBe(true);
  });

  it('says so when the subscription is slow to appear', async () => {
    api.getBilling.mockResolvedValue(okay(none));
    const { wrapper } = await mountPage('/billing?checkout=done');
    await vi.waitFor(() => expect(text(wrapper, 'checkout-state')).toContain('met du temps à apparaître'));
    expect(api.getBilling).toHaveBeenCalledTimes(5);
  });

  it('shows a load failure as a sentence with a retry', async () => {
    api.getBilling.mockResolvedValue({ ok: false, error: { code: 'network', message: 'fetch failed' } });
    const { wrapper } = await mountPage('/billing', 'en');
    expect(wrapper.get('[role="alert"]').text()).not.toContain('fetch failed');
    api.getBilling.mockResolvedValue(okay(trialing));
    await wrapper.get('[role="alert"] button').trigger('click');
    await flushPromises();
    expect(text(wrapper, 'plan-status')).toMatch(/^Free trial until 15 January 2027/);
  });
});
