import { beforeEach, describe, expect, it, vi } from 'vitest';
import { h, type App } from 'vue';
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia } from 'pinia';
import { Quasar, QLayout, QPageContainer } from 'quasar';
import { createMemoryHistory, createRouter } from 'vue-router';
import type { CarebookClient, PatientPayment } from '@carebook/data';
import { createCarebookI18n, provideCarebookClient } from '@carebook/shell';
import { bookingMessages } from '../../i18n/messages.ts';
import PaymentsPage from './PaymentsPage.vue';

const api = vi.hoisted(() => ({ listMyPayments: vi.fn(), startAppointmentCheckout: vi.fn() }));
vi.mock('@carebook/data', async (actual) => ({ ...(await actual<object>()), ...api }));

const paid: PatientPayment = {
  id: 'p1',
  appointmentId: 'a1',
  amountCents: 6000,
  currency: 'EUR',
  status: 'paid',
  paidAt: '2027-01-02T10:00:00.000Z',
  refundedAt: null,
  receiptUrl: 'http://fake/receipts/ch_1',
  createdAt: '2027-01-02T09:58:00.000Z',
  appointment: { startsAt: '2027-01-04T08:00:00.000Z', status: 'confirmed' },
  practitioner: { displayName: 'Dr Léa Fontaine', timeZone: 'Europe/Paris' },
};
const refundPending: PatientPayment = { ...paid, id: 'p2', status: 'refund_pending', receiptUrl: null };
const open: PatientPayment = {
  ...paid,
  id: 'p3',
  appointmentId: 'a3',
  status: 'open',
  paidAt: null,
  receiptUrl: null,
  appointment: { startsAt: '2027-01-05T08:00:00.000Z', status: 'held' },
};

async function mountPage(locale: 'fr' | 'en' = 'fr') {
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [{ path: '/account/payments', component: { render: () => null } }],
  });
  await router.push('/account/payments');
  const noApi = { install: (app: App) => provideCarebookClient(app, {} as CarebookClient) };
  const InLayout = { render: () => h(QLayout, () => h(QPageContainer, () => h(PaymentsPage))) };
  const wrapper = mount(InLayout, {
    global: {
      plugins: [[Quasar, {}], createCarebookI18n(locale, bookingMessages), createPinia(), router, noApi],
    },
  });
  await flushPromises();
  return wrapper;
}

const plain = (s: string) => s.replace(/\s+/g, ' ').trim();

beforeEach(() => vi.resetAllMocks());

describe('PaymentsPage', () => {
  it('lists each payment with its practitioner, time in its zone, status and receipt', async () => {
    api.listMyPayments.mockResolvedValue({ ok: true, data: [paid, refundPending] });
    const wrapper = await mountPage();
    const cards = wrapper.findAll('[data-testid="payment"]');
    expect(cards).toHaveLength(2);
    expect(plain(cards[0]!.text())).toContain('Dr Léa Fontaine');
    expect(plain(cards[0]!.text())).toContain('Consultation du lundi 4 janvier 2027 à 09:00 (Europe/Paris)');
    expect(cards[0]!.get('[data-testid="payment-status"]').text()).toBe('Payé');
    expect(plain(cards[0]!.get('[data-testid="payment-amount"]').text())).toBe('60,00 €');
    expect(cards[0]!.get('a').attributes('href')).toBe('http://fake/receipts/ch_1');
    expect(cards[1]!.get('[data-testid="payment-status"]').text()).toBe('Remboursement en cours');
    expect(cards[1]!.find('a').exists()).toBe(false);
    expect(wrapper.get('[data-testid="payments-count"]').text()).toBe('2 paiements');
  });

  it('counts the French way and says when there is nothing', async () => {
    api.listMyPayments.mockResolvedValue({ ok: true, data: [paid] });
    expect((await mountPage()).get('[data-testid="payments-count"]').text()).toBe('1 paiement');
    api.listMyPayments.mockResolvedValue({ ok: true, data: [] });
    expect((await mountPage('en')).get('[data-testid="no-payments"]').text()).toMatch(/^No payments yet\./);
  });

  it('pays a held appointment through Checkout; a late one gets the refusal in words', async () => {
    api.listMyPayments.mockResolvedValue({ ok: true, data: [open] });
    api.startAppointmentCheckout.mockResolvedValue({
      ok: false,
      error: { code: 'hold_expired', message: 'This hold has expired' },
    });
    const wrapper = await mountPage('en');
    await wrapper.get('[data-testid="payment"] button').trigger('click');
    await flushPromises();
    expect(api.startAppointmentCheckout).toHaveBeenCalledWith(expect.anything(), 'a3');
    expect(wrapper.get('[role="alert"]').text()).toBe(
      'The time to pay for this slot has run out. Book it again.',
    );
  });

  it('shows a load failure as a sentence', async () => {
    api.listMyPayments.mockResolvedValue({
      ok: false,
      error: { code: 'network', message: 'TypeError: fetch failed' },
    });
    const wrapper = await mountPage('en');
    expect(wrapper.get('[role="alert"]').text()).not.toContain('fetch failed');
  });
});
