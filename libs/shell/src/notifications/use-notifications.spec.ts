import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createApp } from 'vue';
import { createPinia, setActivePinia } from 'pinia';
import { provideCarebookClient } from '../app/carebook-client.ts';
import { fakeAuthClient, sessionFor } from '../testing/fake-auth.ts';
import { fakeNotifications, notificationRow } from '../testing/fake-notifications.ts';
import { useSession } from '../session/use-session.ts';
import { NOTIFICATION_POLL_MS, useNotifications } from './use-notifications.ts';

async function setUp(
  rows = [notificationRow(), notificationRow(), notificationRow({ read_at: '2026-12-06T03:30:00Z' })],
) {
  const auth = fakeAuthClient({ stored: sessionFor('zoe@example.fr') });
  const rest = fakeNotifications(rows);
  const app = createApp({});
  provideCarebookClient(app, rest.attachTo(auth.client));
  const pinia = createPinia();
  app.use(pinia);
  setActivePinia(pinia);
  await useSession().start();
  return { store: useNotifications(), rest, auth };
}

const gets = (rest: ReturnType<typeof fakeNotifications>) =>
  rest.requests.filter((r) => r.method === 'GET' && r.url.pathname.endsWith('/notifications')).length;

function setVisibility(state: 'visible' | 'hidden') {
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => state });
  document.dispatchEvent(new Event('visibilitychange'));
}

describe('useNotifications', () => {
  beforeEach(() => setVisibility('visible'));
  afterEach(() => vi.useRealTimers());

  it('loads the latest items newest first and the unread count', async () => {
    const { store } = await setUp();
    await store.refresh();
    expect(store.loaded).toBe(true);
    expect(store.unread).toBe(2);
    expect(store.items.map((n) => n.readAt === null)).toEqual([false, true, true]);
  });

  it('reads the person’s time zone once, for notices that name none', async () => {
    const { store, rest } = await setUp();
    await store.refresh();
    await store.refresh();
    expect(store.readerZone).toBe('Europe/Paris');
    expect(rest.requests.filter((r) => r.url.pathname.endsWith('/profiles'))).toHaveLength(1);
  });

  it('marks one read at once, and the server too', async () => {
    const { store, rest } = await setUp();
    await store.refresh();
    const id = store.items[1]!.id;
    const done = store.markRead(id);
    expect(store.unread).toBe(1);
    expect(store.items[1]!.readAt).not.toBeNull();
    expect(await done).toBe(true);
    expect(rest.table.find((r) => r.id === id)?.read_at).not.toBeNull();
  });

  it('marks all read, beyond the listed ones', async () => {
    const { store, rest } = await setUp();
    await store.refresh();
    expect(await store.markAllRead()).toBe(true);
    expect(store.unread).toBe(0);
    expect(rest.table.every((r) => r.read_at !== null)).toBe(true);
    expect(store.hasUnread).toBe(false);
  });

  it('rolls a refused change back and keeps its code', async () => {
    const { store, rest } = await setUp();
    await store.refresh();
    rest.failWith(403, '42501');
    expect(await store.markAllRead()).toBe(false);
    expect(store.unread).toBe(2);
    expect(store.items.filter((n) => n.readAt === null)).toHaveLength(2);
    expect(store.markError?.code).toBe('forbidden');
  });

  it('keeps a failed load as a code, and clears it when a refresh works', async () => {
    const { store, rest } = await setUp();
    rest.failWith(401, 'PGRST301');
    await store.refresh();
    expect(store.error?.code).toBe('session_expired');
    expect(store.loaded).toBe(false);
    rest.recover();
    await store.refresh();
    expect(store.error).toBeNull();
    expect(store.loaded).toBe(true);
  });

  it('drops a poll answer that left before a local change', async () => {
    const { store, rest } = await setUp();
    await store.refresh();
    const release = rest.hold();
    const poll = store.refresh();
    const marking = store.markAllRead();
    release();
    await Promise.all([poll, marking]);
    expect(store.unread).toBe(0);
    expect(store.items.every((n) => n.readAt !== null)).toBe(true);
  });

  it('keeps a read mark while the server has not yet stored it, then reads it back', async () => {
    const { store, rest } = await setUp();
    await store.refresh();
    const id = store.items[1]!.id;
    const release = rest.holdWrites();
    const marking = store.markRead(id);
    // A refresh that leaves and returns while the mark is still on its way (the menu reopened,
    // a poll) sees the server's old count: it must not bring the notice back as unread.
    await store.refresh();
    expect(store.unread).toBe(1);
    expect(store.items.find((n) => n.id === id)?.readAt).not.toBeNull();
    release();
    expect(await marking).toBe(true);
    await store.refresh();
    expect(store.unread).toBe(1);
    expect(store.items.find((n) => n.id === id)?.readAt).not.toBeNull();
  });

  it('reads again once a mark is stored, when a refresh was dropped meanwhile', async () => {
    const { store, rest } = await setUp();
    await store.refresh();
    const release = rest.holdWrites();
    const marking = store.markRead(store.items[1]!.id);
    rest.table.push(notificationRow({ created_at: '2026-12-06T09:00:00Z', topic: 'appointment.reminder' }));
    await store.refresh();
    expect(store.items).toHaveLength(3);
    release();
    await marking;
    await vi.waitFor(() => expect(store.items).toHaveLength(4));
    expect(store.unread).toBe(2);
  });

  it('reads again after the refresh on its way when asked meanwhile: that one may have read too early', async () => {
    const { store, rest } = await setUp();
    await store.refresh();
    const release = rest.holdAnswers();
    const first = store.refresh();
    await vi.waitFor(() => expect(gets(rest)).toBe(2));
    // A notice arrives after the first refresh read the table; a poll is asked before it answers.
    rest.table.push(notificationRow({ created_at: '2026-12-06T09:00:00Z', topic: 'appointment.reminder' }));
    const second = store.refresh();
    release();
    await Promise.all([first, second]);
    expect(store.items).toHaveLength(4);
    expect(store.unread).toBe(3);
    // Several asks meanwhile make one more read, not one each.
    const before = gets(rest);
    const release2 = rest.holdAnswers();
    const third = store.refresh();
    const more = [store.refresh(), store.refresh(), store.refresh()];
    release2();
    await Promise.all([third, ...more]);
    expect(gets(rest)).toBe(before + 2);
  });

  it('polls every 30 s while the tab is visible, not while hidden, and catches up on return', async () => {
    vi.useFakeTimers();
    const { store, rest } = await setUp();
    const stop = store.watchFeed();
    await vi.advanceTimersByTimeAsync(0);
    expect(gets(rest)).toBe(1);
    await vi.advanceTimersByTimeAsync(NOTIFICATION_POLL_MS);
    expect(gets(rest)).toBe(2);

    rest.table.push(notificationRow({ created_at: '2026-12-06T05:00:00Z', topic: 'appointment.reminder' }));
    setVisibility('hidden');
    await vi.advanceTimersByTimeAsync(NOTIFICATION_POLL_MS * 3);
    expect(gets(rest)).toBe(2);

    setVisibility('visible');
    await vi.advanceTimersByTimeAsync(0);
    expect(gets(rest)).toBe(3);
    expect(store.items[0]?.topic).toBe('appointment.reminder');
    expect(store.unread).toBe(3);

    stop();
    await vi.advanceTimersByTimeAsync(NOTIFICATION_POLL_MS * 2);
    expect(gets(rest)).toBe(3);
  });

  it('forgets the feed when the person signs out', async () => {
    const { store, auth } = await setUp();
    const stop = store.watchFeed();
    await store.refresh();
    expect(store.items).toHaveLength(3);
    auth.emit('SIGNED_OUT', null);
    await Promise.resolve();
    await new Promise((r) => setTimeout(r, 0));
    expect(store.items).toHaveLength(0);
    expect(store.unread).toBe(0);
    expect(store.readerZone).toBeNull();
    stop();
  });
});
