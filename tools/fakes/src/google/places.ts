// The part of Places API (New) (https://places.googleapis.com) that the `places` edge function
// calls, answered from the French gazetteer: `POST /v1/places:autocomplete` and
// `GET /v1/places/{placeId}` (field mask required). Mounted at /google/places, so a client whose
// base URL is `${fakesUrl}/google/places` calls it unchanged. What it leaves out: street
// addresses and businesses (only communes, arrondissements and postcodes exist here), query
// predictions, `origin`/distance, and biasing (`locationBias` is accepted and ignored).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { BodyTooLargeError, readBody, sendJson } from '../http-util.ts';
import type { GoogleBook } from './control.ts';
import { sendGoogleError } from './errors.ts';
import {
  prefixLength,
  type Commune,
  type Gazetteer,
  type GazetteerPlace,
  type RegionCode,
} from './gazetteer.ts';

const PLACE_ID_PREFIX = 'ChIJ';
/** Google answers five suggestions at most. */
const MAX_SUGGESTIONS = 5;

/** Stable ids that look like Google's: "ChIJ" + base64url("fr:<INSEE>[:<postcode>]"). */
export function placeIdOf(place: { commune: Commune; postcode?: string }): string {
  const raw = place.postcode ? `fr:${place.commune.insee}:${place.postcode}` : `fr:${place.commune.insee}`;
  return `${PLACE_ID_PREFIX}${Buffer.from(raw).toString('base64url')}`;
}

export function parsePlaceId(id: string): { insee: string; postcode?: string } | null {
  if (!id.startsWith(PLACE_ID_PREFIX) || !/^[A-Za-z0-9_-]+$/.test(id)) return null;
  const m = /^fr:(\d[0-9AB]\d{3})(?::(\d{5}))?$/.exec(Buffer.from(id.slice(4), 'base64url').toString('utf8'));
  return m ? { insee: m[1]!, ...(m[2] && { postcode: m[2] }) } : null;
}

function typesOf(place: { commune: Commune; postcode?: string }): string[] {
  if (place.postcode) return ['postal_code'];
  return place.commune.arrondissement
    ? ['sublocality_level_1', 'sublocality', 'political']
    : ['locality', 'political'];
}

/** Google's type collections, and plain types, as sets of primary types they accept. */
const COLLECTIONS: Record<string, string[]> = {
  '(cities)': ['locality', 'administrative_area_level_3'],
  '(regions)': [
    'locality',
    'sublocality',
    'sublocality_level_1',
    'postal_code',
    'country',
    'administrative_area_level_1',
    'administrative_area_level_2',
    'administrative_area_level_3',
  ],
};

function acceptsTypes(included: string[] | undefined): (place: GazetteerPlace) => boolean {
  if (!included || included.length === 0) return () => true;
  const wanted = new Set(included.flatMap((t) => COLLECTIONS[t] ?? [t]));
  return (place) => typesOf(place).some((t) => wanted.has(t));
}

/** The country Google names in an address: France, or an overseas department under its own name. */
const COUNTRY_NAMES: Record<RegionCode, { fr: string; en: string }> = {
  FR: { fr: 'France', en: 'France' },
  GP: { fr: 'Guadeloupe', en: 'Guadeloupe' },
  MQ: { fr: 'Martinique', en: 'Martinique' },
  GF: { fr: 'Guyane française', en: 'French Guiana' },
  RE: { fr: 'La Réunion', en: 'Réunion' },
  YT: { fr: 'Mayotte', en: 'Mayotte' },
};
function countryName(code: RegionCode, lang: string): string {
  return COUNTRY_NAMES[code][lang === 'fr' ? 'fr' : 'en'];
}

function texts(place: { commune: Commune; postcode?: string }, lang: string) {
  const c = place.commune;
  if (place.postcode)
    return {
      main: place.postcode,
      secondary: `${c.name}, ${countryName(c.regionCode, lang)}`,
      full: `${place.postcode} ${c.name}, ${countryName(c.regionCode, lang)}`,
    };
  // An overseas department is its own "country" at Google: not named twice.
  const secondary =
    c.regionCode === 'FR'
      ? `${c.department.name}, ${countryName('FR', lang)}`
      : countryName(c.regionCode, lang);
  return { main: c.name, secondary, full: `${c.name}, ${secondary}` };
}

/** The one postcode a place has, if it has exactly one (a commune with several has none). */
function singlePostcode(place: { commune: Commune; postcode?: string }): string | undefined {
  return place.postcode ?? (place.commune.postcodes.length === 1 ? place.commune.postcodes[0] : undefined);
}

function placeResource(
  place: { commune: Commune; postcode?: string },
  lang: string,
): Record<string, unknown> {
  const c = place.commune;
  const postcode = singlePostcode(place);
  const country = countryName(c.regionCode, lang);
  const component = (text: string, types: string[], short = text) => ({
    longText: text,
    shortText: short,
    types,
    languageCode: lang,
  });
  const components = [
    ...(c.arrondissement ? [component(c.name, ['sublocality_level_1', 'sublocality', 'political'])] : []),
    component(c.city, ['locality', 'political']),
    component(c.department.name, ['administrative_area_level_2', 'political'], c.department.code),
    component(c.region.name, ['administrative_area_level_1', 'political']),
    component(country, ['country', 'political'], c.regionCode),
    ...(postcode ? [component(postcode, ['postal_code'])] : []),
  ];
  const id = placeIdOf(place);
  return {
    name: `places/${id}`,
    id,
    types: typesOf(place),
    formattedAddress: postcode ? `${postcode} ${c.city}, ${country}` : `${c.city}, ${country}`,
    addressComponents: components,
    location: { latitude: c.latitude, longitude: c.longitude },
    displayName: { text: place.postcode ?? c.name, languageCode: lang },
  };
}

/** Keeps the fields a `X-Goog-FieldMask` names (top-level paths; `*` keeps all). */
function masked(
  resource: Record<string, unknown>,
  mask: string,
): Record<string, unknown> | { unknown: string } {
  const paths = mask
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  if (paths.includes('*')) return resource;
  const out: Record<string, unknown> = {};
  for (const p of paths) {
    const top = p.split('.')[0]!;
    if (!(top in resource)) return { unknown: p };
    out[top] = resource[top];
  }
  return out;
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  try {
    const raw = await readBody(req);
    return raw.trim() === '' ? {} : (JSON.parse(raw) as unknown);
  } catch (error) {
    return error instanceof BodyTooLargeError ? Symbol.for('too-large') : Symbol.for('bad-json');
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function header(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
}

export function createPlacesFake(book: GoogleBook, gazetteer: () => Gazetteer) {
  return async function handlePlaces(
    req: IncomingMessage,
    res: ServerResponse,
    subPath: string,
  ): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://places.local');
    const method = req.method ?? 'GET';
    const autocomplete = method === 'POST' && subPath === '/v1/places:autocomplete';
    const detailsMatch = method === 'GET' ? /^\/v1\/places\/([^/:]+)$/.exec(subPath) : null;
    if (!autocomplete && !detailsMatch) {
      sendGoogleError(
        res,
        404,
        `The Google Places fake does not implement ${method} ${subPath}; see tools/fakes/src/google/README.md`,
      );
      return;
    }
    const operation = autocomplete ? 'autocomplete' : 'details';
    const body = autocomplete ? await readJson(req) : undefined;
    const b = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
    const params: Record<string, string> = autocomplete
      ? Object.fromEntries(
          ['input', 'languageCode', 'sessionToken'].flatMap((k) =>
            typeof b[k] === 'string' ? [[k, b[k] as string]] : [],
          ),
        )
      : {
          placeId: decodeURIComponent(detailsMatch![1]!),
          ...Object.fromEntries(
            ['languageCode', 'sessionToken'].flatMap((k) =>
              url.searchParams.get(k) ? [[k, url.searchParams.get(k)!]] : [],
            ),
          ),
        };
    const withKey = Boolean(header(req, 'x-goog-api-key') ?? url.searchParams.get('key'));
    const rule = withKey ? book.decide('places', operation) : null;
    const at = new Date().toISOString();
    const answer = (status: number, send: () => void) => {
      book.record({ at, api: 'places', operation, status, params, withKey, ruleId: rule?.id ?? null });
      send();
    };

    if (!withKey)
      return answer(403, () => sendGoogleError(res, 403, 'The request is missing a valid API key.'));
    if (rule?.delayMs) await sleep(rule.delayMs);
    if (rule?.status) {
      const status = rule.status;
      return answer(status, () =>
        sendGoogleError(
          res,
          status,
          status === 429
            ? 'Resource has been exhausted (e.g. check quota).'
            : `Injected by a test rule (${rule.id})`,
        ),
      );
    }

    if (autocomplete) {
      if (typeof body === 'symbol' || typeof body !== 'object' || body === null || Array.isArray(body))
        return answer(400, () => sendGoogleError(res, 400, 'Invalid JSON payload received.'));
      if (typeof b.input !== 'string' || b.input === '')
        return answer(400, () => sendGoogleError(res, 400, 'Invalid request. input must be set.'));
      const included = b.includedPrimaryTypes;
      if (
        included !== undefined &&
        (!Array.isArray(included) || included.length > 5 || included.some((t) => typeof t !== 'string'))
      )
        return answer(400, () => sendGoogleError(res, 400, 'includedPrimaryTypes accepts at most 5 types.'));
      const regions = b.includedRegionCodes;
      if (regions !== undefined && (!Array.isArray(regions) || regions.length > 15))
        return answer(400, () =>
          sendGoogleError(res, 400, 'includedRegionCodes accepts at most 15 region codes.'),
        );
      const lang = typeof b.languageCode === 'string' ? b.languageCode : 'en';
      const wantedRegions = regions
        ? new Set(regions.filter((r): r is string => typeof r === 'string').map((r) => r.toUpperCase()))
        : null;
      const types = acceptsTypes(included as string[] | undefined);
      const hits = gazetteer().search(
        b.input,
        (place) => (!wantedRegions || wantedRegions.has(place.commune.regionCode)) && types(place),
        MAX_SUGGESTIONS,
      );
      // proto3 JSON leaves out an empty list: no match answers `{}`.
      const suggestions = hits.map((place) => {
        const t = texts(place, lang);
        const end = prefixLength(t.full, b.input as string) ?? 0;
        const mainEnd = prefixLength(t.main, b.input as string) ?? 0;
        const id = placeIdOf(place);
        return {
          placePrediction: {
            place: `places/${id}`,
            placeId: id,
            text: { text: t.full, matches: end > 0 ? [{ endOffset: end }] : [] },
            structuredFormat: {
              mainText: { text: t.main, matches: mainEnd > 0 ? [{ endOffset: mainEnd }] : [] },
              secondaryText: { text: t.secondary },
            },
            types: [...typesOf(place), 'geocode'],
          },
        };
      });
      return answer(200, () => sendJson(res, 200, suggestions.length > 0 ? { suggestions } : {}));
    }

    const mask =
      header(req, 'x-goog-fieldmask') ?? url.searchParams.get('fields') ?? url.searchParams.get('$fields');
    if (!mask)
      return answer(400, () =>
        sendGoogleError(
          res,
          400,
          "FieldMask is a required parameter. See https://cloud.google.com/apis/docs/system-parameters on how to provide it. As an example, you can set the header 'X-Goog-FieldMask' to value 'displayName', 'id' or '*' for all fields.",
        ),
      );
    const ref = parsePlaceId(params.placeId!);
    if (!ref) return answer(400, () => sendGoogleError(res, 400, 'Not a valid Place ID.'));
    const commune = gazetteer().commune(ref.insee);
    if (!commune || (ref.postcode && !commune.postcodes.includes(ref.postcode)))
      return answer(404, () => sendGoogleError(res, 404, `Place ID ${params.placeId} is not found.`));
    const lang = url.searchParams.get('languageCode') ?? 'en';
    const resource = masked(
      placeResource({ commune, ...(ref.postcode && { postcode: ref.postcode }) }, lang),
      mask,
    );
    if ('unknown' in resource && typeof resource.unknown === 'string')
      return answer(400, () =>
        sendGoogleError(
          res,
          400,
          `Error expanding 'fields' parameter. Cannot find matching fields for path '${resource.unknown}'.`,
        ),
      );
    return answer(200, () => sendJson(res, 200, resource));
  };
}
