// Place suggestions and the place picked, through the `places` edge function (Google Places behind
// it; the apps never see the Google key). Works signed out: the anon key is enough.
import type { CarebookClient } from './client.ts';
import { callFunction } from './functions.ts';
import { fail, type Result } from './result.ts';

export type PlaceLang = 'fr' | 'en';

export interface PlaceSuggestion {
  placeId: string;
  /** "Lyon", "75011", "12 Rue de la Paix". */
  main: string;
  /** "Rhône, France": what tells two "Saint-Denis" apart. */
  secondary: string;
  kind: 'city' | 'postcode' | 'address';
}

export interface PlaceDetails {
  placeId: string;
  name: string;
  formattedAddress: string;
  city: string | null;
  postcode: string | null;
  /** Google's region code for the place's country: FR, or an overseas department's (RE...). */
  countryCode: string | null;
  latitude: number;
  longitude: number;
}

export interface SuggestOptions {
  /** `area` (default): cities, arrondissements, postcodes; `address`: street addresses too. */
  scope?: 'area' | 'address';
}

/** The function's own limits, checked here so a keystroke too early costs no request. */
export const PLACE_QUERY_MIN = 2;
export const PLACE_QUERY_MAX = 100;
const SESSION = /^[A-Za-z0-9_-]{1,36}$/;

const KINDS = new Set(['city', 'postcode', 'address']);
const isString = (v: unknown): v is string => typeof v === 'string';

function suggestionsOf(data: unknown): PlaceSuggestion[] | null {
  const list = (data as { suggestions?: unknown } | null)?.suggestions;
  if (!Array.isArray(list)) return null;
  const ok = list.every(
    (s: Record<string, unknown>) =>
      isString(s?.placeId) && isString(s.main) && isString(s.secondary) && KINDS.has(s.kind as string),
  );
  return ok ? (list as PlaceSuggestion[]) : null;
}

function detailsOf(data: unknown): PlaceDetails | null {
  const d = data as Record<string, unknown> | null;
  const nullableString = (v: unknown) => v === null || isString(v);
  return d &&
    isString(d.placeId) &&
    isString(d.name) &&
    isString(d.formattedAddress) &&
    nullableString(d.city) &&
    nullableString(d.postcode) &&
    typeof d.latitude === 'number' &&
    typeof d.longitude === 'number'
    ? // Answers cached before the function gave the country have none.
      ({ ...d, countryCode: isString(d.countryCode) ? d.countryCode : null } as unknown as PlaceDetails)
    : null;
}

/**
 * Suggestions for what the person typed. `session` is one token per focus of the place field
 * (e.g. `crypto.randomUUID()`), passed again to `placeDetails` for the pick: Google bills a typing
 * session once.
 */
export async function suggestPlaces(
  client: CarebookClient,
  q: string,
  lang: PlaceLang,
  session?: string,
  options: SuggestOptions = {},
): Promise<Result<PlaceSuggestion[]>> {
  const text = q.trim();
  const length = Array.from(text).length;
  if (length < PLACE_QUERY_MIN || length > PLACE_QUERY_MAX)
    return fail({
      code: 'invalid_input',
      message: `Type ${PLACE_QUERY_MIN} to ${PLACE_QUERY_MAX} characters.`,
    });
  if (session !== undefined && !SESSION.test(session))
    return fail({ code: 'invalid_input', message: 'A session token is up to 36 letters, digits, - or _.' });
  const query = new URLSearchParams({
    q: text,
    lang,
    ...(options.scope && { scope: options.scope }),
    ...(session && { session }),
  });
  return callFunction(client, `places/autocomplete?${query}`, { method: 'GET' }, suggestionsOf);
}

/** The place a suggestion stands for: coordinates, city and postcode. */
export async function placeDetails(
  client: CarebookClient,
  id: string,
  lang: PlaceLang,
  session?: string,
): Promise<Result<PlaceDetails>> {
  if (id === '') return fail({ code: 'invalid_input', message: 'No place chosen.' });
  const query = new URLSearchParams({ id, lang, ...(session && { session }) });
  return callFunction(client, `places/details?${query}`, { method: 'GET' }, detailsOf);
}
