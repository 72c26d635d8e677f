// supabase-js against canned answers of the places function: what each call sends, how answers
// and refusals become Results, and what is refused before sending.
import { describe, expect, it } from 'vitest';
import { createCarebookClient } from './client.ts';
import { placeDetails, suggestPlaces } from './places.ts';

function functions(status: number, body: unknown) {
  const calls: { url: URL; method: string }[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    calls.push({ url: new URL(String(input)), method: init?.method ?? 'GET' });
    return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  };
  const client = createCarebookClient('http://127.0.0.1:1', 'anon-key', {
    auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
    global: { fetch },
  });
  return { client, calls };
}

const lyon = { placeId: 'ChIJlyon', main: 'Lyon', secondary: 'Rhône, France', kind: 'city' };

describe('suggestPlaces', () => {
  it('GETs /functions/v1/places/autocomplete with the query, language and session', async () => {
    const { client, calls } = functions(200, { suggestions: [lyon] });
    expect(await suggestPlaces(client, '  Lyon ', 'fr', 'sess-1')).toEqual({ ok: true, data: [lyon] });
    expect(calls).toHaveLength(1);
    expect(calls[0]!.method).toBe('GET');
    expect(calls[0]!.url.pathname).toBe('/functions/v1/places/autocomplete');
    expect(Object.fromEntries(calls[0]!.url.searchParams)).toEqual({
      q: 'Lyon',
      lang: 'fr',
      session: 'sess-1',
    });
    const scoped = functions(200, { suggestions: [] });
    await suggestPlaces(scoped.client, '12 rue', 'en', undefined, { scope: 'address' });
    expect(Object.fromEntries(scoped.calls[0]!.url.searchParams)).toEqual({
      q: '12 rue',
      lang: 'en',
      scope: 'address',
    });
  });

  it('refuses a query too short or too long, and a bad session token, without a request', async () => {
    const { client, calls } = functions(200, { suggestions: [] });
    for (const q of ['', ' l ', 'x'.repeat(101)])
      expect(await suggestPlaces(client, q, 'fr')).toMatchObject({
        ok: false,
        error: { code: 'invalid_input' },
      });
    expect(await suggestPlaces(client, 'lyon', 'fr', 'not a token')).toMatchObject({ ok: false });
    expect(calls).toHaveLength(0);
  });

  it("reads the function's refusal code, a 503 as network, and an odd answer as unexpected_data", async () => {
    const refused = functions(400, {
      error: { code: 'invalid_input', message: 'q is 2 to 100 characters.' },
    });
    expect(await suggestPlaces(refused.client, 'lyon', 'fr')).toEqual({
      ok: false,
      error: { code: 'invalid_input', message: 'q is 2 to 100 characters.', status: 400 },
    });
    const down = functions(503, { error: { code: 'provider_unavailable', message: 'try again' } });
    expect(await suggestPlaces(down.client, 'lyon', 'fr')).toMatchObject({
      ok: false,
      error: { code: 'network', status: 503 },
    });
    const odd = functions(200, { suggestions: [{ placeId: 1 }] });
    expect(await suggestPlaces(odd.client, 'lyon', 'fr')).toMatchObject({
      ok: false,
      error: { code: 'unexpected_data' },
    });
  });
});

describe('placeDetails', () => {
  const paris11 = {
    placeId: 'ChIJ75011',
    name: '75011',
    formattedAddress: '75011 Paris, France',
    city: 'Paris',
    postcode: '75011',
    countryCode: 'FR',
    latitude: 48.8583,
    longitude: 2.3795,
  };

  it('GETs /functions/v1/places/details and answers the place', async () => {
    const { client, calls } = functions(200, paris11);
    expect(await placeDetails(client, 'ChIJ75011', 'en', 'sess-1')).toEqual({ ok: true, data: paris11 });
    expect(calls[0]!.url.pathname).toBe('/functions/v1/places/details');
    expect(Object.fromEntries(calls[0]!.url.searchParams)).toEqual({
      id: 'ChIJ75011',
      lang: 'en',
      session: 'sess-1',
    });
  });

  it('reads an answer cached before the country was given as having none', async () => {
    const { countryCode: _, ...older } = paris11;
    const { client } = functions(200, older);
    expect(await placeDetails(client, 'ChIJ75011', 'fr')).toEqual({
      ok: true,
      data: { ...older, countryCode: null },
    });
  });

  it('answers not_found for an unknown place and unexpected_data without coordinates', async () => {
    const missing = functions(404, { error: { code: 'not_found', message: 'No place has this id.' } });
    expect(await placeDetails(missing.client, 'ChIJx', 'fr')).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    const partial = functions(200, { ...paris11, latitude: null });
    expect(await placeDetails(partial.client, 'ChIJ75011', 'fr')).toMatchObject({
      ok: false,
      error: { code: 'unexpected_data' },
    });
    expect(await placeDetails(missing.client, '', 'fr')).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
  });
});
