import { describe, expect, it, vi } from 'vitest';
import { h, type App } from 'vue';
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia } from 'pinia';
import { Quasar } from 'quasar';
import { createMemoryHistory, createRouter } from 'vue-router';
import type { AuditEntry, CarebookClient, Result, StaffPractitioner } from '@carebook/data';
import { createCarebookI18n, provideCarebookClient } from '@carebook/shell';
import { practitionerMessages } from '../../i18n/messages.ts';
import AuditPage from './AuditPage.vue';
import PractitionerListPage from './PractitionerListPage.vue';

// The page's data calls, answered here; the rest of @carebook/data is the real one.
const api = vi.hoisted(() => ({
  listStaffPractitioners: vi.fn(),
  listCatalogue: vi.fn(),
  listAuditEntries: vi.fn(),
}));
vi.mock('@carebook/data', async (actual) => ({ ...(await actual<object>()), ...api }));

type Page = Result<{ rows: StaffPractitioner[]; total: number }>;

const practitioner = (displayName: string): StaffPractitioner => ({
  id: crypto.randomUUID(),
  slug: displayName.toLowerCase().replace(/\W+/g, '-'),
  displayName,
  professionCode: 'psychologist',
  registrationNumber: null,
  status: 'verified',
  statusReason: null,
  submittedAt: null,
  verifiedAt: '2026-12-01T10:00:00Z',
  published: true,
  email: null,
  subscriptionStatus: 'active',
});
const pageOf = (...names: string[]): Page => ({
  ok: true,
  data: { rows: names.map(practitioner), total: names.length },
});

const entry = (action: string): AuditEntry => ({
  id: Math.floor(Math.random() * 1e9),
  at: '2026-12-06T10:00:00Z',
  actorId: null,
  actorEmail: 'staff@carebook.test',
  actorRole: 'staff',
  action,
  tableName: 'deliveries',
  recordId: crypto.randomUUID(),
  oldValues: null,
  newValues: null,
  details: null,
});

async function mountAt(path: string, page: () => ReturnType<typeof h>) {
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [{ path, component: { render: () => null } }],
  });
  await router.push(path);
  const noApi = { install: (app: App) => provideCarebookClient(app, {} as CarebookClient) };
  const wrapper = mount(
    { render: page },
    {
      global: {
        plugins: [[Quasar, {}], createCarebookI18n('fr', practitionerMessages), createPinia(), router, noApi],
      },
    },
  );
  return { wrapper, router };
}

/** The first call answers when told; later ones at once, with `later`. */
function slowFirst<T>(fn: ReturnType<typeof vi.fn>, later: T): (first: T) => void {
  let answerFirst: (value: T) => void = () => undefined;
  fn.mockReset()
    .mockImplementationOnce(() => new Promise<T>((resolve) => (answerFirst = resolve)))
    .mockImplementation(async () => later);
  return (first) => answerFirst(first);
}

// Filters change faster than answers come: an older, heavier request answering last must not
// replace the rows of the newest one.
describe('PractitionerListPage', () => {
  it('shows the answer to the newest search, even when an older one answers after it', async () => {
    api.listCatalogue.mockResolvedValue({ ok: true, data: [] });
    const answerFirst = slowFirst(api.listStaffPractitioners, pageOf('Dr Zoé Searched'));
    const { wrapper, router } = await mountAt('/staff/practitioners', () =>
      h(PractitionerListPage, { mode: 'directory' }),
    );
    await router.replace({ query: { q: 'zoé' } });
    await flushPromises();
    expect(api.listStaffPractitioners).toHaveBeenLastCalledWith(
      expect.anything(),
      expect.objectContaining({ text: 'zoé' }),
    );
    answerFirst(pageOf('Dr Unfiltered One', 'Dr Unfiltered Two'));
    await flushPromises();
    const rows = wrapper.findAll('[data-testid="staff-row"]');
    expect(rows.map((r) => r.text().includes('Dr Zoé Searched'))).toEqual([true]);
  });
});

describe('AuditPage', () => {
  it('shows the answer to the newest filter, even when the unfiltered one answers after it', async () => {
    const answerFirst = slowFirst(api.listAuditEntries, {
      ok: true,
      data: { rows: [entry('delivery_retried')], total: 1 },
    });
    const { wrapper, router } = await mountAt('/staff/audit', () => h(AuditPage));
    await router.replace({ query: { action: 'delivery_retried' } });
    await flushPromises();
    answerFirst({
      ok: true,
      data: { rows: [entry('document_viewed'), entry('practitioner_approved')], total: 2 },
    });
    await flushPromises();
    const rows = wrapper.findAll('[data-testid="audit-row"]');
    expect(rows).toHaveLength(1);
  });
});
