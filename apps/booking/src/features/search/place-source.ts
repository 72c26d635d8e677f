// Place suggestions through the `places` edge function (Google Places API (New) behind it, the
// Google fake locally). Its contract: GET places/autocomplete?q=&lang= answers
// { suggestions: [{ placeId, main, secondary, kind }] }; GET places/details?id=&lang= answers
// { placeId, name, formattedAddress, city, postcode, latitude, longitude }.
import { fail, mapUnknownError, ok, type CarebookClient, type Result } from '@carebook/data';
import type { Locale } from '@carebook/domain';

export interface PlaceSuggestion {
  placeId: string;
  main: string;
  secondary: string;
  kind: string;
}

export interface PlaceDetails {
  placeId: string;
  name: string;
  formattedAddress: string;
  city: string | null;
  postcode: string | null;
  latitude: number;
  longitude: number;
}

export interface PlaceSource {
  suggest(text: string, lang: Locale): Promise<Result<PlaceSuggestion[]>>;
  details(placeId: string, lang: Locale): Promise<Result<PlaceDetails>>;
}

async function get<T>(client: CarebookClient, path: string): Promise<Result<T>> {
  try {
    const { data, error } = await client.functions.invoke<T>(path, { method: 'GET' });
    if (error)
      return fail({ code: 'unknown', message: error instanceof Error ? error.message : String(error) });
    if (data === null) return fail({ code: 'unexpected_data', message: `${path}: empty answer` });
    return ok(data);
  } catch (e) {
    return fail(mapUnknownError(e));
  }
}

export function functionsPlaceSource(client: CarebookClient): PlaceSource {
  return {
    async suggest(text, lang) {
      const answer = await get<{ suggestions: PlaceSuggestion[] }>(
        client,
        `places/autocomplete?${new URLSearchParams({ q: text, lang })}`,
      );
      return answer.ok ? ok(answer.data.suggestions ?? []) : answer;
    },
    details(placeId, lang) {
      return get<PlaceDetails>(client, `places/details?${new URLSearchParams({ id: placeId, lang })}`);
    },
  };
}
