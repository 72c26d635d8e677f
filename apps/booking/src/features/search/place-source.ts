// Place suggestions through @carebook/data's `places` functions (Google Places behind the edge
// function, the Google fake locally). One session token per typing session, passed again with the
// pick, so Google bills the session once; a pick starts a new one.
import {
  placeDetails,
  suggestPlaces,
  type CarebookClient,
  type PlaceDetails,
  type PlaceSuggestion,
  type Result,
} from '@carebook/data';
import type { Locale } from '@carebook/domain';

export type { PlaceDetails, PlaceSuggestion };

export interface PlaceSource {
  suggest(text: string, lang: Locale): Promise<Result<PlaceSuggestion[]>>;
  details(placeId: string, lang: Locale): Promise<Result<PlaceDetails>>;
}

export function functionsPlaceSource(client: CarebookClient): PlaceSource {
  let session = crypto.randomUUID();
  return {
    suggest: (text, lang) => suggestPlaces(client, text, lang, session),
    async details(placeId, lang) {
      const result = await placeDetails(client, placeId, lang, session);
      session = crypto.randomUUID();
      return result;
    },
  };
}
