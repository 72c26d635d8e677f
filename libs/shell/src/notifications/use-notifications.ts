// The signed-in person's notification feed, for the bell in the header of both apps: the latest
// items and the unread count, refreshed by polling every 30 s while the tab is visible (decision
// 0015: the local stack has no Realtime; switching means replacing this store's polling only).
import { computed, ref, shallowRef, watch } from 'vue';
import { defineStore } from 'pinia';
import {
  countMyUnread,
  getMyProfile,
  listMyNotifications,
  markNotificationsRead,
  type AppNotification,
  type DataError,
} from '@carebook/data';
import { useCarebookClient } from '../app/carebook-client.ts';
import { useSession } from '../session/use-session.ts';

export const NOTIFICATION_POLL_MS = 30_000;
/** How many of the latest notifications the bell lists. */
export const NOTIFICATION_FEED_SIZE = 30;

export const useNotifications = defineStore('notifications', () => {
  const client = useCarebookClient();
  const session = useSession();

  const items = shallowRef<AppNotification[]>([]);
  const unread = ref(0);
  const loaded = ref(false);
  const loading = ref(false);
  /** Why the feed could not be loaded (shown instead of the list until a refresh works). */
  const error = shallowRef<DataError | null>(null);
  /** Why the last "mark read" failed; its change was rolled back. */
  const markError = shallowRef<DataError | null>(null);
  const hasUnread = computed(() => unread.value > 0);
  /** The zone the person chose (profiles.time_zone): notices whose data names none are dated in it. */
  const readerZone = ref<string | null>(null);

  // Bumped by every local change, and again when the server has stored it: an answer that left
  // before then is stale and is dropped, so it cannot bring back as unread what the person just
  // marked read. A dropped answer is fetched again once no mark is on its way.
  let version = 0;
  let marksOnTheWay = 0;
  let dropped = false;
  let inFlight: Promise<void> | null = null;
  /** One more read after the one on its way, for every refresh asked meanwhile. */
  let next: Promise<void> | null = null;

  /** Reads the feed; asked while a read is on its way, reads again once it is back (it may have read too early). */
  function refresh(): Promise<void> {
    if (inFlight) {
      next ??= inFlight.then(() => {
        next = null;
        return refresh();
      });
      return next;
    }
    inFlight = (async () => {
      const started = version;
      const owner = session.user?.id;
      loading.value = true;
      const [list, count, profile] = await Promise.all([
        listMyNotifications(client, { limit: NOTIFICATION_FEED_SIZE }),
        countMyUnread(client),
        // Once per person; a failure only leaves the browser's zone in use.
        readerZone.value === null ? getMyProfile(client) : null,
      ]);
      loading.value = false;
      if (owner !== session.user?.id) return;
      if (profile?.ok) readerZone.value = profile.data.timeZone;
      if (started !== version || marksOnTheWay > 0) {
        dropped = true;
        return;
      }
      if (!list.ok || !count.ok) {
        error.value = !list.ok ? list.error : !count.ok ? count.error : null;
        return;
      }
      error.value = null;
      items.value = list.data;
      unread.value = count.data;
      loaded.value = true;
    })().finally(() => {
      inFlight = null;
    });
    return inFlight;
  }

  /** Marks `ids` read now; the server is told after, and a refusal rolls the change back. */
  async function mark(ids: string[] | undefined): Promise<boolean> {
    const targets = new Set(ids ?? items.value.filter((n) => n.readAt === null).map((n) => n.id));
    const before = { items: items.value, unread: unread.value };
    const now = new Date().toISOString();
    const changed = items.value.filter((n) => targets.has(n.id) && n.readAt === null).length;
    version += 1;
    markError.value = null;
    items.value = items.value.map((n) =>
      targets.has(n.id) && n.readAt === null ? { ...n, readAt: now } : n,
    );
    // "All" also covers unread ones beyond the listed page.
    unread.value = ids === undefined ? 0 : Math.max(0, unread.value - changed);
    marksOnTheWay += 1;
    const result = await markNotificationsRead(client, ids).finally(() => {
      marksOnTheWay -= 1;
      version += 1;
    });
    if (!result.ok) {
      items.value = before.items;
      unread.value = before.unread;
      markError.value = result.error;
    }
    if (dropped && marksOnTheWay === 0) {
      dropped = false;
      // After the current answer lands, if one is still on its way.
      void (inFlight ?? Promise.resolve()).then(() => refresh());
    }
    return result.ok;
  }

  function markRead(id: string): Promise<boolean> {
    const item = items.value.find((n) => n.id === id);
    if (!item || item.readAt !== null) return Promise.resolve(true);
    return mark([id]);
  }

  function markAllRead(): Promise<boolean> {
    if (unread.value === 0) return Promise.resolve(true);
    return mark(undefined);
  }

  function reset(): void {
    version += 1;
    dropped = false;
    items.value = [];
    unread.value = 0;
    loaded.value = false;
    error.value = null;
    markError.value = null;
    readerZone.value = null;
  }

  // Polling: one timer however many bells are mounted; none while the tab is hidden.
  let watchers = 0;
  let timer: ReturnType<typeof setInterval> | null = null;

  function schedule(): void {
    if (timer !== null) clearInterval(timer);
    timer = null;
    if (watchers === 0 || !session.isSignedIn) return;
    if (typeof document !== 'undefined' && document.visibilityState === 'hidden') return;
    timer = setInterval(() => void refresh(), NOTIFICATION_POLL_MS);
  }

  function onVisibilityChange(): void {
    // Back on the tab: catch up at once, then resume the rhythm.
    if (document.visibilityState === 'visible' && session.isSignedIn) void refresh();
    schedule();
  }

  /** Starts polling (the bell calls it when mounted); returns the function that stops it. */
  function watchFeed(): () => void {
    watchers += 1;
    if (watchers === 1) {
      document.addEventListener('visibilitychange', onVisibilityChange);
      if (session.isSignedIn && document.visibilityState !== 'hidden') void refresh();
      schedule();
    }
    let stopped = false;
    return () => {
      if (stopped) return;
      stopped = true;
      watchers -= 1;
      if (watchers === 0) {
        document.removeEventListener('visibilitychange', onVisibilityChange);
        schedule();
      }
    };
  }

  // Another person signing in on this device never sees the previous person's feed.
  watch(
    () => session.user?.id ?? null,
    (id, previous) => {
      if (id === previous) return;
      reset();
      if (id !== null && watchers > 0) void refresh();
      schedule();
    },
  );

  return {
    items,
    unread,
    hasUnread,
    readerZone,
    loaded,
    loading,
    error,
    markError,
    refresh,
    markRead,
    markAllRead,
    reset,
    watchFeed,
  };
});
