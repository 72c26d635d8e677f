// One server page of a list at a time, with a search box and page number kept in the address
// (a reload or the back button lands on the same page), answers that arrive late ignored, and
// the loading, empty and error states the page shows.
import { computed, ref, shallowRef, watch, type Ref } from 'vue';
import { useRoute, useRouter, type LocationQuery } from 'vue-router';
import type { DataError, Page, Result } from '@carebook/data';

export interface PageRequest {
  search: string;
  limit: number;
  offset: number;
}

export interface PagedListOptions {
  pageSize?: number;
  /** Typing pause before a search goes out. */
  debounceMs?: number;
  /** Other inputs (a filter...): a change goes back to page 1 and reloads. */
  extra?: Ref<unknown>;
  /** Extra query-string entries to keep in the address (the filter's). */
  extraQuery?: () => Record<string, string | undefined>;
}

const firstString = (v: LocationQuery[string]): string =>
  (Array.isArray(v) ? (v[0] ?? '') : (v ?? '')) as string;

/** The page number a query string asks for: 1 for anything that is not a positive integer. */
export function pageFromQuery(value: LocationQuery[string]): number {
  const n = Number(firstString(value));
  return Number.isInteger(n) && n >= 1 ? n : 1;
}

/** "26 – 50" of a total: the rows a page shows, numbered from 1. */
export function pageRange(page: number, pageSize: number, total: number): { from: number; to: number } {
  if (total === 0) return { from: 0, to: 0 };
  const from = (page - 1) * pageSize + 1;
  return { from, to: Math.min(total, page * pageSize) };
}

export function usePagedList<T>(
  fetchPage: (request: PageRequest) => Promise<Result<Page<T>>>,
  options: PagedListOptions = {},
) {
  const route = useRoute();
  const router = useRouter();
  const pageSize = options.pageSize ?? 25;
  const search = ref(firstString(route.query.q ?? null));
  const page = ref(pageFromQuery(route.query.page ?? null));
  const rows = shallowRef<T[]>([]);
  const total = ref(0);
  const loading = ref(true);
  const error = shallowRef<DataError | null>(null);
  let sequence = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;

  const pages = computed(() => Math.max(1, Math.ceil(total.value / pageSize)));
  const range = computed(() => pageRange(page.value, pageSize, total.value));

  async function load(): Promise<void> {
    const mine = ++sequence;
    loading.value = true;
    error.value = null;
    const result = await fetchPage({
      search: search.value.trim(),
      limit: pageSize,
      offset: (page.value - 1) * pageSize,
    });
    if (mine !== sequence) return; // a newer request went out meanwhile
    loading.value = false;
    if (!result.ok) {
      error.value = result.error;
      return;
    }
    // A page past the end (rows removed since, or a typed address): show the last one.
    if (result.data.rows.length === 0 && page.value > 1) {
      page.value = result.data.total > 0 ? Math.ceil(result.data.total / pageSize) : 1;
      return;
    }
    rows.value = result.data.rows;
    total.value = result.data.total;
  }

  function syncAddress(): void {
    const query: Record<string, string> = {};
    for (const [k, v] of Object.entries(options.extraQuery?.() ?? {})) if (v) query[k] = v;
    if (search.value.trim()) query.q = search.value.trim();
    if (page.value > 1) query.page = String(page.value);
    void router.replace({ query });
  }

  watch(page, () => {
    syncAddress();
    void load();
  });
  watch(search, () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      if (page.value !== 1)
        page.value = 1; // the page watcher reloads
      else {
        syncAddress();
        void load();
      }
    }, options.debounceMs ?? 300);
  });
  if (options.extra) {
    watch(options.extra, () => {
      if (page.value !== 1) page.value = 1;
      else {
        syncAddress();
        void load();
      }
    });
  }

  return { search, page, pages, pageSize, rows, total, range, loading, error, load };
}
