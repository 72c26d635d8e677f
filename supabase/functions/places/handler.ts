// places: city, postcode and address suggestions and the place picked, from Google Places API
// (New), for the apps' place fields (search near a place, the practice address). Anyone may call
// it with the anon key (people search before they sign in); the Google key never leaves here.
//   GET /places/autocomplete?q=<2..100 chars>&lang=fr|en[&scope=area|address][&session=<token>]
//     -> 200 { suggestions: [{ placeId, main, secondary, kind: 'city'|'postcode'|'address' }] }
//   GET /places/details?id=<placeId>&lang=fr|en[&session=<token>]
//     -> 200 { placeId, name, formattedAddress, city, postcode, countryCode, latitude, longitude }
// Answers are cached per isolate (query+lang+scope, placeId+lang) so repeated keystrokes and
// popular places cost no Google call; `X-Cache: hit|miss` says which. `session` is Google's session
// token (one per place field focus, ended by the details call), which bills a typing session once.
import { apiError, internalError, methodNotAllowed, type ApiError } from '../_shared/api-error.ts';
import { preflight } from '../_shared/cors.ts';
import { json } from '../_shared/http.ts';
import {
  autocomplete,
  details,
  GoogleError,
  type GoogleConfig,
  type Lang,
  type Scope,
} from './google-places.ts';
import { TtlCache } from './ttl-cache.ts';

export interface PlacesDeps {
  fetch: typeof fetch;
  /** GOOGLE_PLACES_API_URL, default https://places.googleapis.com. */
  apiUrl: string;
  /** GOOGLE_MAPS_API_KEY; undefined when the secret is missing (every call then answers 500). */
  apiKey: string | undefined;
  now: () => number;
  log: (line: string) => void;
  /** Defaults: 6 hours, 2,000 entries per cache, 5 s per Google call. */
  ttlMs?: number;
  maxEntries?: number;
  timeoutMs?: number;
}

const FN = 'places';
const Q_MIN = 2;
const Q_MAX = 100;
const SESSION = /^[A-Za-z0-9_-]{1,36}$/;
const PLACE_ID = /^[A-Za-z0-9_-]{1,255}$/;

function invalid(fields: Record<string, string>, message: string): Response {
  return apiError(400, { code: 'invalid_input', message, fields });
}

/** The same query typed twice reads the same: case, spaces and Unicode forms folded. */
export function cacheKeyOf(q: string): string {
  return q.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

function readLang(params: URLSearchParams): Lang | null {
  const lang = params.get('lang') ?? 'fr';
  return lang === 'fr' || lang === 'en' ? lang : null;
}

export function handler(deps: PlacesDeps): (req: Request) => Promise<Response> {
  const ttl = deps.ttlMs ?? 6 * 60 * 60 * 1000;
  const max = deps.maxEntries ?? 2000;
  const suggestionsCache = new TtlCache<Awaited<ReturnType<typeof autocomplete>>>(ttl, max, deps.now);
  const detailsCache = new TtlCache<Awaited<ReturnType<typeof details>>>(ttl, max, deps.now);

  /** Google's refusal as our answer; the key is scrubbed from whatever gets logged. */
  function fromGoogle(error: unknown, what: 'autocomplete' | 'details'): Response {
    const scrub = (text: string) => (deps.apiKey ? text.split(deps.apiKey).join('[key]') : text);
    if (!(error instanceof GoogleError)) return internalError(deps.log, FN, scrub(String(error)));
    const line = `${FN}: Google ${what} ${error.status || 'unreachable'} ${error.googleStatus}: ${scrub(error.message)}`;
    if (what === 'details' && (error.status === 400 || error.status === 404)) {
      const body: ApiError =
        error.status === 404
          ? { code: 'not_found', message: 'No place has this id.' }
          : { code: 'invalid_input', message: 'This is not a place id.', fields: { id: 'invalid' } };
      return apiError(error.status, body);
    }
    if (error.status === 0 || error.status === 429 || error.status >= 500) {
      deps.log(line);
      return apiError(
        503,
        {
          code: 'provider_unavailable',
          message: 'Place suggestions are unavailable for a moment; try again.',
        },
        { headers: { 'Retry-After': error.status === 429 ? '10' : '2' } },
      );
    }
    // 400 on autocomplete, 401/403 (key refused): ours to fix, not the caller's.
    return internalError(deps.log, FN, line);
  }

  function config(): GoogleConfig | null {
    return deps.apiKey
      ? { apiUrl: deps.apiUrl, apiKey: deps.apiKey, fetch: deps.fetch, timeoutMs: deps.timeoutMs ?? 5000 }
      : null;
  }

  return async (req) => {
    const early = preflight(req);
    if (early) return early;
    if (req.method !== 'GET') return methodNotAllowed(['GET']);
    const url = new URL(req.url);
    const route = /\/(autocomplete|details)\/?$/.exec(url.pathname)?.[1];
    if (!route)
      return apiError(404, { code: 'not_found', message: 'Use /places/autocomplete or /places/details.' });
    const params = url.searchParams;
    const lang = readLang(params);
    if (!lang) return invalid({ lang: 'invalid' }, 'lang is fr or en.');
    const session = params.get('session');
    if (session !== null && !SESSION.test(session))
      return invalid({ session: 'invalid' }, 'session is up to 36 letters, digits, - or _.');

    if (route === 'autocomplete') {
      const q = (params.get('q') ?? '').trim();
      const length = Array.from(q).length;
      if (length < Q_MIN || length > Q_MAX)
        return invalid({ q: length === 0 ? 'required' : 'length' }, `q is ${Q_MIN} to ${Q_MAX} characters.`);
      const scope = (params.get('scope') ?? 'area') as Scope;
      if (scope !== 'area' && scope !== 'address')
        return invalid({ scope: 'invalid' }, 'scope is area or address.');
      const google = config();
      if (!google) return internalError(deps.log, FN, 'GOOGLE_MAPS_API_KEY is not set');
      try {
        const key = `${scope}|${lang}|${cacheKeyOf(q)}`;
        const { value, hit } = await suggestionsCache.get(key, () =>
          autocomplete(google, q, lang, scope, session),
        );
        return json({ suggestions: value }, 200, { 'X-Cache': hit ? 'hit' : 'miss' });
      } catch (error) {
        return fromGoogle(error, 'autocomplete');
      }
    }

    const id = params.get('id') ?? '';
    if (!PLACE_ID.test(id)) return invalid({ id: id === '' ? 'required' : 'invalid' }, 'id is a place id.');
    const google = config();
    if (!google) return internalError(deps.log, FN, 'GOOGLE_MAPS_API_KEY is not set');
    try {
      const { value, hit } = await detailsCache.get(`${lang}|${id}`, () =>
        details(google, id, lang, session),
      );
      return json(value, 200, { 'X-Cache': hit ? 'hit' : 'miss' });
    } catch (error) {
      return fromGoogle(error, 'details');
    }
  };
}
