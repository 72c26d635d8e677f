// The search lives in the URL: the page reads it from the route and changes it by navigating,
// so the back button, a shared link and a reload all give the same search.
import { computed } from 'vue';
import { useRoute, useRouter } from 'vue-router';
import { parseSearchParams, toSearchParams, type SearchState } from './search-params.ts';

export function useSearchState() {
  const route = useRoute();
  const router = useRouter();
  const state = computed(() => parseSearchParams(route.query));

  function go(next: SearchState) {
    return router.push({ path: route.path, query: toSearchParams(next) });
  }

  return {
    state,
    /** A new search: back to its first page. */
    update: (patch: Partial<SearchState>) => go({ ...state.value, page: 1, ...patch }),
    goToPage: (page: number) => go({ ...state.value, page: Math.max(1, page) }),
  };
}
