import { afterEach, describe, expect, it, vi } from 'vitest';
import { h, type App } from 'vue';
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils';
import { createPinia } from 'pinia';
import { Quasar, QLayout, QPageContainer } from 'quasar';
import { createMemoryHistory, createRouter } from 'vue-router';
import type { CarebookClient, GoogleConnection, Result } from '@carebook/data';
import { createCarebookI18n, provideCarebookClient } from '@carebook/shell';
import { practitionerMessages } from '../../i18n/messages.ts';
import IntegrationsPage from './IntegrationsPage.vue';

// The page's data calls, answered here; the rest of @carebook/data is the real one.
const api = vi.hoisted(() => ({
  getGoogleConnection: vi.fn(),
  listGoogleBusyTimes: vi.fn(),
  syncGoogleNow: vi.fn(),
  disconnectGoogle: vi.fn(),
}));
vi.mock('@carebook/data', async (actual) => ({ ...(await actual<object>()), ...api }));

const connected: GoogleConnection = {
  status: 'active',
  accountEmail: 'claire@gmail.example',
  bookingCalendarId: 'claire@gmail.example',
  lastSyncedAt: '2026-12-06T09:00:00Z',
  lastErrorCode: null,
  lastErrorAt: null,
  retryAt: null,
  calendars: [
    {
      id: 'claire@gmail.example',
      summary: 'Claire',
      primary: true,
      writable: true,
      blocksAvailability: true,
      lastSyncedAt: '2026-12-06T09:00:00Z',
    },
  ],
};
const ok = <T>(data: T): Result<T> => ({ ok: true, data });

let wrapper: VueWrapper | null = null;
afterEach(() => {
  wrapper?.unmount();
  wrapper = null;
});

async function mountPage() {
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [{ path: '/integrations', component: { render: () => null } }],
  });
  await router.push('/integrations');
  const noApi = { install: (app: App) => provideCarebookClient(app, {} as CarebookClient) };
  wrapper = mount(
    { render: () => h(QLayout, () => h(QPageContainer, () => h(IntegrationsPage))) },
    {
      attachTo: document.body,
      global: {
        plugins: [[Quasar, {}], createCarebookI18n('fr', practitionerMessages), createPinia(), router, noApi],
      },
    },
  );
  await flushPromises();
  return wrapper;
}

const click = async (testId: string) => {
  document.querySelector<HTMLElement>(`[data-testid="${testId}"]`)!.click();
  await flushPromises();
};

describe('IntegrationsPage', () => {
  it('stays disconnected when a read that left before the disconnection answers after it', async () => {
    api.listGoogleBusyTimes.mockResolvedValue(ok([]));
    api.syncGoogleNow.mockResolvedValue(ok(null));
    api.disconnectGoogle.mockResolvedValue(ok(null));
    let answerLate: (r: Result<GoogleConnection | null>) => void = () => undefined;
    api.getGoogleConnection
      .mockResolvedValueOnce(ok(connected))
      .mockImplementationOnce(() => new Promise((resolve) => (answerLate = resolve)));
    await mountPage();
    expect(document.querySelector('[data-testid="google-account"]')?.textContent).toBe(
      'claire@gmail.example',
    );

    // "Synchroniser" reads the connection again after the sync; it is slow to answer.
    await click('google-sync');
    expect(api.getGoogleConnection).toHaveBeenCalledTimes(2);
    await click('google-disconnect');
    await click('google-disconnect-confirm');
    expect(document.querySelector('[data-testid="google-connect"]')).not.toBeNull();

    answerLate(ok(connected));
    await flushPromises();
    expect(document.querySelector('[data-testid="google-connect"]')).not.toBeNull();
    expect(document.querySelector('[data-testid="google-account"]')).toBeNull();
  });
});
