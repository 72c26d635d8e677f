import { beforeEach, describe, expect, it, vi } from 'vitest';
import { h, type App } from 'vue';
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia } from 'pinia';
import { Quasar, QLayout, QPageContainer } from 'quasar';
import { createMemoryHistory, createRouter } from 'vue-router';
import type { CarebookClient, PatientPayment } from '@carebook/data';
import { createCarebookI18n, provideCarebookClient } from '@carebook/shell';
import { bookingMessages } from '../../i18n/messages.ts';
import PaymentReturnPage from './PaymentReturnPage.vue';

const api = vi.hoisted(() => ({ getMyPaymentFor: vi.fn() }));
vi.mock('@carebook/data', async (actual) => ({ ...(await actual<object>()), ...api }));

const open: PatientPayment = {
  id: 'p1',
  appointmentId: 'a1',
  amountCents: 6000,
  currency: 'EUR',
  status: 'open',
  paidAt: null,
  refundedAt: null,
  receiptUrl: null,
  createdAt: '2027-01-02T09:58:00.000Z',
  appointment: { startsAt: '2027-01-04T08:00:00.000Z', status: 'held' },
  practitioner: { displayName: 'Dr Léa Fontaine', timeZone: 'Europe/Paris' },
};
const paid: PatientPayment = {
  ...open,
  status: 'paid',
  paidAt: '2027-01-02T10:00:00.000Z',
  receiptUrl: 'http://fake/receipts/ch_1',
  appointment: { startsAt: '2027-01-04T08:00:00.000Z', status: 'confirmed' },
};

async function mountAt(path: string) {
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/appointments/:id', component: { render: () => null } },
      { path: '/account/payments', component: { render: () => null } },
    ],
  });
  await router.push(path);
  const noApi = { install: (app: App) => provideCarebookClient(app, {} as CarebookClient) };
  const page = () => h(PaymentReturnPage, { pollEveryMs: 1, pollTries: 4 });
  const InLayout = { render: () => h(QLayout, () => h(QPageContainer, page)) };
  const wrapper = mount(InLayout, {
    global: {
      plugins: [[Quasar, {}], createCarebookI18n('fr', bookingMessages), createPinia(), router, noApi],
    },
  });
  await flushPromises();
  return wrapper;
}

const state = (w: Awaited<ReturnType<typeof mountAt>>) =>
  w.get('[data-testid="payment-return-state"] .q-banner__content').text();

beforeEach(() => vi.resetAllMocks());

describe('PaymentReturnPage', () => {
  it('after paying, waits for the webhook, then says the appointment is confirmed', async () => {
    api.getMyPaymentFor
      .mockResolvedValueOnce({ ok: true, data: open })
      .mockResolvedValue({ ok: true, data: paid });
    const wrapper = await mountAt('/appointments/a1?payment=done&session=cs_1');
    await vi.waitFor(() => expect(state(wrapper)).toBe('Votre rendez-vous est confirmé.'));
    expect(api.getMyPaymentFor).toHaveBeenCalledWith(expect.anything(), 'a1');
    expect(wrapper.text()).toContain('Consultation du lundi 4 janvier 2027 à 09:00 (Europe/Paris)');
    expect(wrapper.find('a[href="http://fake/receipts/ch_1"]').exists()).toBe(true);
  });

  it('says when the confirmation is slow', async () => {
    api.getMyPaymentFor.mockResolvedValue({ ok: true, data: open });
    const wrapper = await mountAt('/appointments/a1?payment=done');
    await vi.waitFor(() => expect(state(wrapper)).toMatch(/^Votre paiement est bien reçu/));
    expect(api.getMyPaymentFor).toHaveBeenCalledTimes(4);
  });

  it('after a cancelled Checkout, says nothing was charged and does not poll', async () => {
    api.getMyPaymentFor.mockResolvedValue({ ok: true, data: open });
    const wrapper = await mountAt('/appointments/a1?payment=cancelled');
    expect(state(wrapper)).toMatch(/^Paiement annulé : rien n’a été débité\./);
    expect(api.getMyPaymentFor).toHaveBeenCalledTimes(1);
  });

  it('translates a failure', async () => {
    api.getMyPaymentFor.mockResolvedValue({
      ok: false,
      error: { code: 'not_found', message: 'payment of a1: nothing found' },
    });
    const wrapper = await mountAt('/appointments/a1?payment=done');
    expect(wrapper.get('[role="alert"]').text()).not.toContain('nothing found');
  });
});
