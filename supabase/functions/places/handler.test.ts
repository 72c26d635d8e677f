// places with a fake Google behind `fetch`: input checks, the shapes we answer, caching (counted
// calls), Google's failures mapped without leaking the key.
import assert from 'node:assert/strict';
import { cacheKeyOf, handler, type PlacesDeps } from './handler.ts';

const KEY = 'secret-google-key-123';

interface Seen {
  url: string;
  method: string;
  headers: Headers;
  body: Record<string, unknown> | null;
}

/** A Google that knows Lyon and 75011, answers `status` when set, and records what it was asked. */
function fakeGoogle(options: { status?: number } = {}) {
  const seen: Seen[] = [];
  const fetch = (async (input: string | URL | Request, init?: RequestInit) => {
    const url = String(input);
    const headers = new Headers(init?.headers);
    seen.push({
      url,
      method: init?.method ?? 'GET',
      headers,
      body: init?.body ? JSON.parse(String(init.body)) : null,
    });
    const answer = (status: number, body: unknown) =>
      new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
    if (options.status)
      return answer(options.status, { error: { code: options.status, message: `no (${KEY})`, status: 'X' } });
    if (url.includes('places:autocomplete'))
      return answer(200, {
        suggestions: [
          {
            placePrediction: {
              placeId: 'ChIJlyon',
              structuredFormat: { mainText: { text: 'Lyon' }, secondaryText: { text: 'Rhône, France' } },
              types: ['locality', 'political', 'geocode'],
            },
          },
          {
            placePrediction: {
              placeId: 'ChIJ75011',
              structuredFormat: { mainText: { text: '75011' }, secondaryText: { text: 'Paris, France' } },
              types: ['postal_code', 'geocode'],
            },
          },
          {
            placePrediction: {
              placeId: 'ChIJrue',
              structuredFormat: {
                mainText: { text: '1 Rue de Lyon' },
                secondaryText: { text: 'Paris, France' },
              },
              types: ['street_address', 'geocode'],
            },
          },
          { queryPrediction: { text: { text: 'lyon restaurants' } } },
        ],
      });
    if (url.includes('/v1/places/ChIJ75011'))
      return answer(200, {
        id: 'ChIJ75011',
        displayName: { text: '75011', languageCode: 'fr' },
        formattedAddress: '75011 Paris, France',
        location: { latitude: 48.8583, longitude: 2.3795 },
        addressComponents: [
          { longText: 'Paris', shortText: 'Paris', types: ['locality', 'political'] },
          { longText: '75011', shortText: '75011', types: ['postal_code'] },
          { longText: 'France', shortText: 'FR', types: ['country', 'political'] },
        ],
      });
    return answer(404, { error: { code: 404, message: 'not found', status: 'NOT_FOUND' } });
  }) as typeof globalThis.fetch;
  return { fetch, seen };
}

function setup(overrides: Partial<PlacesDeps> = {}, google = fakeGoogle()) {
  const logs: string[] = [];
  let now = 1_000_000;
  const serve = handler({
    fetch: google.fetch,
    apiUrl: 'http://google.test/google/places/',
    apiKey: KEY,
    now: () => now,
    log: (line) => logs.push(line),
    ...overrides,
  });
  const get = async (path: string, method = 'GET') => {
    const res = await serve(new Request(`http://functions.test/places/${path}`, { method }));
    const text = await res.text();
    const isJson = res.headers.get('content-type')?.includes('json');
    return { status: res.status, headers: res.headers, text, body: isJson ? JSON.parse(text) : null };
  };
  return { get, seen: google.seen, logs, advance: (ms: number) => (now += ms) };
}

Deno.test('autocomplete answers our shape, asks Google for France only and the key in a header', async () => {
  const { get, seen } = setup();
  const res = await get('autocomplete?q=lyon&lang=en&session=abc-123');
  assert.equal(res.status, 200);
  assert.deepEqual(res.body, {
    suggestions: [
      { placeId: 'ChIJlyon', main: 'Lyon', secondary: 'Rhône, France', kind: 'city' },
      { placeId: 'ChIJ75011', main: '75011', secondary: 'Paris, France', kind: 'postcode' },
      { placeId: 'ChIJrue', main: '1 Rue de Lyon', secondary: 'Paris, France', kind: 'address' },
    ],
  });
  assert.equal(seen.length, 1);
  const call = seen[0]!;
  assert.equal(call.url, 'http://google.test/google/places/v1/places:autocomplete');
  assert.equal(call.method, 'POST');
  assert.equal(call.headers.get('x-goog-api-key'), KEY);
  assert.match(call.headers.get('x-goog-fieldmask') ?? '', /suggestions\.placePrediction\.placeId/);
  assert.deepEqual(call.body, {
    input: 'lyon',
    languageCode: 'en',
    regionCode: 'fr',
    includedRegionCodes: ['fr', 'gp', 'mq', 'gf', 're', 'yt'],
    includedPrimaryTypes: ['locality', 'sublocality_level_1', 'postal_code'],
    sessionToken: 'abc-123',
  });
  assert.ok(!call.url.includes(KEY));
  assert.ok(!res.text.includes(KEY));
});

Deno.test('scope=address asks for every type; lang defaults to fr', async () => {
  const { get, seen } = setup();
  assert.equal((await get('autocomplete?q=1 rue de lyon&scope=address')).status, 200);
  assert.equal(seen[0]!.body!.includedPrimaryTypes, undefined);
  assert.equal(seen[0]!.body!.languageCode, 'fr');
  assert.equal(seen[0]!.body!.sessionToken, undefined);
});

Deno.test(
  'the same query (case and spaces aside) is answered from the cache until the TTL ends',
  async () => {
    const { get, seen, advance } = setup({ ttlMs: 60_000 });
    const first = await get('autocomplete?q=Lyon&lang=fr');
    const again = await get('autocomplete?q=%20%20lyon%20&lang=fr');
    assert.equal(first.headers.get('x-cache'), 'miss');
    assert.equal(again.headers.get('x-cache'), 'hit');
    assert.deepEqual(again.body, first.body);
    assert.equal(seen.length, 1);
    await get('autocomplete?q=lyon&lang=en');
    assert.equal(seen.length, 2, 'another language is another answer');
    advance(60_001);
    await get('autocomplete?q=lyon&lang=fr');
    assert.equal(seen.length, 3, 'expired');
    assert.equal(cacheKeyOf('  Saint  Étienne '), 'saint étienne');
  },
);

Deno.test('two requests for the same query at once make one Google call', async () => {
  const { get, seen } = setup();
  const [a, b] = await Promise.all([get('autocomplete?q=lyon'), get('autocomplete?q=lyon')]);
  assert.deepEqual(a.body, b.body);
  assert.equal(seen.length, 1);
});

Deno.test('details answers city, postcode and coordinates, cached per id and language', async () => {
  const { get, seen } = setup();
  const res = await get('details?id=ChIJ75011&lang=fr&session=abc');
  assert.equal(res.status, 200);
  assert.deepEqual(res.body, {
    placeId: 'ChIJ75011',
    name: '75011',
    formattedAddress: '75011 Paris, France',
    city: 'Paris',
    postcode: '75011',
    countryCode: 'FR',
    latitude: 48.8583,
    longitude: 2.3795,
  });
  assert.equal(
    seen[0]!.url,
    'http://google.test/google/places/v1/places/ChIJ75011?languageCode=fr&regionCode=fr&sessionToken=abc',
  );
  assert.equal(
    seen[0]!.headers.get('x-goog-fieldmask'),
    'id,displayName,formattedAddress,location,addressComponents',
  );
  assert.equal((await get('details?id=ChIJ75011&lang=fr')).headers.get('x-cache'), 'hit');
  assert.equal(seen.length, 1);
  const unknown = await get('details?id=ChIJnothing');
  assert.equal(unknown.status, 404);
  assert.equal(unknown.body.error.code, 'not_found');
});

Deno.test('bad input is refused with invalid_input before any Google call', async () => {
  const { get, seen } = setup();
  const cases: [string, Record<string, string>][] = [
    ['autocomplete', { q: 'required' }],
    ['autocomplete?q=l', { q: 'length' }],
    [`autocomplete?q=${'a'.repeat(101)}`, { q: 'length' }],
    ['autocomplete?q=lyon&lang=de', { lang: 'invalid' }],
    ['autocomplete?q=lyon&scope=world', { scope: 'invalid' }],
    ['autocomplete?q=lyon&session=not%20a%20token', { session: 'invalid' }],
    ['details', { id: 'required' }],
    ['details?id=places/../x', { id: 'invalid' }],
  ];
  for (const [path, fields] of cases) {
    const res = await get(path);
    assert.equal(res.status, 400, path);
    assert.equal(res.body.error.code, 'invalid_input', path);
    assert.deepEqual(res.body.error.fields, fields, path);
  }
  assert.equal((await get('autocomplete?q=lyon', 'POST')).status, 405);
  assert.equal((await get('nowhere?q=lyon')).status, 404);
  assert.equal((await get('autocomplete?q=lyon', 'OPTIONS')).status, 200);
  assert.equal(seen.length, 0);
});

Deno.test('without GOOGLE_MAPS_API_KEY: 500, no call, the reason logged', async () => {
  const { get, seen, logs } = setup({ apiKey: undefined });
  const res = await get('autocomplete?q=lyon');
  assert.equal(res.status, 500);
  assert.equal(res.body.error.code, 'internal_error');
  assert.equal(seen.length, 0);
  assert.match(logs.join('\n'), /GOOGLE_MAPS_API_KEY is not set/);
});

Deno.test(
  "Google's refusals: key refused -> 500, quota or outage -> 503 provider_unavailable; never cached, key never shown",
  async () => {
    for (const [status, ours, code] of [
      [403, 500, 'internal_error'],
      [400, 500, 'internal_error'],
      [429, 503, 'provider_unavailable'],
      [500, 503, 'provider_unavailable'],
    ] as const) {
      const google = fakeGoogle({ status });
      const { get, seen, logs } = setup({}, google);
      const res = await get('autocomplete?q=lyon');
      assert.equal(res.status, ours, `Google ${status}`);
      assert.equal(res.body.error.code, code);
      assert.ok(!res.text.includes(KEY));
      assert.ok(!logs.join('\n').includes(KEY), 'the key is scrubbed from logs');
      await get('autocomplete?q=lyon');
      assert.equal(seen.length, 2, 'a failure is not cached');
    }
    const unreachable = setup({
      fetch: (() => Promise.reject(new TypeError('connection refused'))) as typeof fetch,
    });
    const res = await unreachable.get('autocomplete?q=lyon');
    assert.equal(res.status, 503);
    assert.equal(res.headers.get('retry-after'), '2');
  },
);
