// The results of the search in the URL: one request a page (hits with their next slots), the
// latest search wins when answers come back out of order, and failures keep their refusal code
// for the page to translate.
import { ref, shallowRef, watch, type Ref } from 'vue';
import {
  searchPractitionersWithSlots,
  type CarebookClient,
  type DataError,
  type SearchPageHit,
} from '@carebook/data';
import { PAGE_SIZE, toSearchQuery, type SearchState } from './search-params.ts';

export type SearchStatus = 'loading' | 'ready' | 'error';

export function useSearchResults(client: CarebookClient, state: Readonly<Ref<SearchState>>) {
  const status = ref<SearchStatus>('loading');
  const hits = shallowRef<SearchPageHit[]>([]);
  const error = shallowRef<DataError | null>(null);
  /** A full page may be followed by another; a shorter one is the last. */
  const hasNext = ref(false);
  let latest = 0;

  async function load() {
    const call = ++latest;
    status.value = 'loading';
    const result = await searchPractitionersWithSlots(client, toSearchQuery(state.value));
    if (call !== latest) return;
    if (result.ok) {
      hits.value = result.data;
      hasNext.value = result.data.length === PAGE_SIZE;
      error.value = null;
      status.value = 'ready';
    } else {
      hits.value = [];
      hasNext.value = false;
      error.value = result.error;
      status.value = 'error';
    }
  }

  // Keyed on the request itself: a navigation that leaves it unchanged asks nothing again.
  watch(() => JSON.stringify(toSearchQuery(state.value)), load, { immediate: true });

  return { status, hits, error, hasNext, retry: load };
}
