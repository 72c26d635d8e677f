// The two calls to Places API (New) and what we keep of their answers. Plain fetch, not a Google
// SDK: see docs/decisions/0020-places-through-google-places-new.md. The API key travels in the
// X-Goog-Api-Key header only, never in a URL (URLs end up in logs).

export type Lang = 'fr' | 'en';
/** `area`: cities, arrondissements and postcodes (search); `address`: anything Google knows. */
export type Scope = 'area' | 'address';

export interface Suggestion {
  placeId: string;
  main: string;
  secondary: string;
  kind: 'city' | 'postcode' | 'address';
}

export interface PlaceDetails {
  placeId: string;
  name: string;
  formattedAddress: string;
  city: string | null;
  postcode: string | null;
  /** The country's region code as Google files the place: FR, or an overseas department's (RE...). */
  countryCode: string | null;
  latitude: number;
  longitude: number;
}

/** Google said no, or could not be reached (status 0): `googleStatus` is its rpc status name. */
export class GoogleError extends Error {
  constructor(
    readonly status: number,
    readonly googleStatus: string,
    message: string,
  ) {
    super(message);
  }
}

export interface GoogleConfig {
  /** https://places.googleapis.com, or the fake's /google/places. */
  apiUrl: string;
  apiKey: string;
  fetch: typeof fetch;
  timeoutMs: number;
}

// Only what we read: Google bills Places calls by the fields asked for.
const AUTOCOMPLETE_FIELDS = [
  'suggestions.placePrediction.placeId',
  'suggestions.placePrediction.structuredFormat',
  'suggestions.placePrediction.types',
].join(',');
const DETAILS_FIELDS = 'id,displayName,formattedAddress,location,addressComponents';
const AREA_TYPES = ['locality', 'sublocality_level_1', 'postal_code'];

async function call(config: GoogleConfig, path: string, init: RequestInit, fields: string): Promise<unknown> {
  let res: Response;
  try {
    res = await config.fetch(`${config.apiUrl.replace(/\/+$/, '')}${path}`, {
      ...init,
      headers: {
        ...(init.body ? { 'Content-Type': 'application/json' } : {}),
        'X-Goog-Api-Key': config.apiKey,
        'X-Goog-FieldMask': fields,
      },
      signal: AbortSignal.timeout(config.timeoutMs),
    });
  } catch (error) {
    throw new GoogleError(0, 'UNREACHABLE', error instanceof Error ? error.message : String(error));
  }
  const body = (await res.json().catch(() => null)) as {
    error?: { status?: string; message?: string };
  } | null;
  if (!res.ok)
    throw new GoogleError(
      res.status,
      body?.error?.status ?? 'UNKNOWN',
      body?.error?.message ?? res.statusText,
    );
  if (body === null) throw new GoogleError(502, 'BAD_RESPONSE', 'Google answered something that is not JSON');
  return body;
}

function kindOf(types: string[]): Suggestion['kind'] {
  if (types.includes('postal_code')) return 'postcode';
  if (
    types.some((t) => t === 'locality' || t.startsWith('sublocality') || t === 'administrative_area_level_3')
  )
    return 'city';
  return 'address';
}

interface Prediction {
  placeId?: string;
  structuredFormat?: { mainText?: { text?: string }; secondaryText?: { text?: string } };
  types?: string[];
}

/** Mainland France, then the overseas departments Google files under their own region codes. */
export const FRENCH_REGION_CODES = ['fr', 'gp', 'mq', 'gf', 're', 'yt'];

export async function autocomplete(
  config: GoogleConfig,
  q: string,
  lang: Lang,
  scope: Scope,
  session: string | null,
): Promise<Suggestion[]> {
  const body = {
    input: q,
    languageCode: lang,
    regionCode: 'fr',
    includedRegionCodes: FRENCH_REGION_CODES,
    ...(scope === 'area' && { includedPrimaryTypes: AREA_TYPES }),
    ...(session && { sessionToken: session }),
  };
  const answer = (await call(
    config,
    '/v1/places:autocomplete',
    { method: 'POST', body: JSON.stringify(body) },
    AUTOCOMPLETE_FIELDS,
  )) as { suggestions?: { placePrediction?: Prediction }[] };
  // Query predictions (no placePrediction) cannot be looked up: left out.
  return (answer.suggestions ?? []).flatMap(({ placePrediction: p }) =>
    p?.placeId && p.structuredFormat?.mainText?.text
      ? [
          {
            placeId: p.placeId,
            main: p.structuredFormat.mainText.text,
            secondary: p.structuredFormat.secondaryText?.text ?? '',
            kind: kindOf(p.types ?? []),
          },
        ]
      : [],
  );
}

interface Place {
  id?: string;
  displayName?: { text?: string };
  formattedAddress?: string;
  location?: { latitude?: number; longitude?: number };
  addressComponents?: { longText?: string; shortText?: string; types?: string[] }[];
}

export async function details(
  config: GoogleConfig,
  id: string,
  lang: Lang,
  session: string | null,
): Promise<PlaceDetails> {
  const query = new URLSearchParams({
    languageCode: lang,
    regionCode: 'fr',
    ...(session && { sessionToken: session }),
  });
  const place = (await call(
    config,
    `/v1/places/${encodeURIComponent(id)}?${query}`,
    { method: 'GET' },
    DETAILS_FIELDS,
  )) as Place;
  const find = (type: string) => place.addressComponents?.find((c) => c.types?.includes(type));
  const component = (type: string) => find(type)?.longText ?? null;
  const { latitude, longitude } = place.location ?? {};
  if (typeof latitude !== 'number' || typeof longitude !== 'number')
    throw new GoogleError(502, 'BAD_RESPONSE', `place ${id} came without a location`);
  return {
    placeId: place.id ?? id,
    name: place.displayName?.text ?? place.formattedAddress ?? '',
    formattedAddress: place.formattedAddress ?? '',
    city: component('locality') ?? component('postal_town') ?? component('administrative_area_level_3'),
    postcode: component('postal_code'),
    countryCode: find('country')?.shortText ?? null,
    latitude,
    longitude,
  };
}
