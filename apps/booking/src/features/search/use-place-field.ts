// The place field: suggestions as one types (debounced, latest answer wins), then the chosen
// suggestion's coordinates. When the places service fails, the field says so once and the
// search goes on without a place.
import { ref, shallowRef, type Ref } from 'vue';
import type { Locale } from '@carebook/domain';
import type { PlaceSource, PlaceSuggestion } from './place-source.ts';
import type { SearchPlace } from './search-params.ts';

export const PLACE_DEBOUNCE_MS = 250;

export function usePlaceField(source: PlaceSource, locale: Readonly<Ref<string>>) {
  const suggestions = shallowRef<PlaceSuggestion[]>([]);
  const unavailable = ref(false);
  let latest = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const lang = () => (locale.value === 'en' ? 'en' : 'fr') as Locale;

  /** Asks for suggestions after a pause in typing; fewer than 2 characters clears them. */
  function type(text: string): Promise<void> {
    clearTimeout(timer);
    const call = ++latest;
    if (text.trim().length < 2) {
      suggestions.value = [];
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      timer = setTimeout(async () => {
        const result = await source.suggest(text.trim(), lang());
        if (call === latest) {
          unavailable.value = !result.ok;
          suggestions.value = result.ok ? result.data : [];
        }
        resolve();
      }, PLACE_DEBOUNCE_MS);
    });
  }

  /** The place a suggestion stands for, or null (and the field says why) when it cannot be read. */
  async function choose(suggestion: PlaceSuggestion): Promise<SearchPlace | null> {
    const result = await source.details(suggestion.placeId, lang());
    if (!result.ok) {
      unavailable.value = true;
      return null;
    }
    const d = result.data;
    const label = [d.city ?? d.name, d.postcode].filter(Boolean).join(' ') || d.formattedAddress;
    return { label, lat: d.latitude, lng: d.longitude };
  }

  return { suggestions, unavailable, type, choose };
}
