// The Places fake as the `places` edge function calls it: plain HTTP with Google's headers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { googleControl, type GoogleControl } from '../index.ts';
import { startTestFakes, type TestFakes } from '../testing.ts';
import { parsePlaceId } from './places.ts';

let fakes: TestFakes;
let control: GoogleControl;
let base: string;
const KEY = { 'X-Goog-Api-Key': 'local-google-key' };

beforeAll(async () => {
  fakes = await startTestFakes();
  base = `${fakes.fakesUrl}/google/places`;
  control = googleControl(fakes.fakesUrl);
  // The gazetteer loads on the first call: here, so no test carries that time.
  await fetch(`${base}/v1/places:autocomplete`, { method: 'POST', headers: KEY, body: '{"input":"ly"}' });
});
afterAll(() => fakes.dispose());

interface Prediction {
  placeId: string;
  place: string;
  text: { text: string; matches: { startOffset?: number; endOffset: number }[] };
  structuredFormat: { mainText: { text: string }; secondaryText: { text: string } };
  types: string[];
}

async function autocomplete(body: Record<string, unknown>, headers: Record<string, string> = KEY) {
  const res = await fetch(`${base}/v1/places:autocomplete`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  const json = (await res.json()) as { suggestions?: { placePrediction: Prediction }[]; error?: unknown };
  return { status: res.status, json, predictions: (json.suggestions ?? []).map((s) => s.placePrediction) };
}

async function details(id: string, mask: string | null, query = 'languageCode=fr') {
  const res = await fetch(`${base}/v1/places/${id}?${query}`, {
    headers: { ...KEY, ...(mask !== null && { 'X-Goog-FieldMask': mask }) },
  });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

describe('autocomplete', () => {
  it('suggests Lyon first for "lyon", then its arrondissements, with Google\'s prediction shape', async () => {
    const { status, predictions } = await autocomplete({
      input: 'lyon',
      languageCode: 'fr',
      regionCode: 'fr',
    });
    expect(status).toBe(200);
    expect(predictions.length).toBeLessThanOrEqual(5);
    const [first] = predictions;
    expect(first).toMatchObject({
      text: { text: 'Lyon, Rhône, France', matches: [{ endOffset: 4 }] },
      structuredFormat: { mainText: { text: 'Lyon' }, secondaryText: { text: 'Rhône, France' } },
      types: ['locality', 'political', 'geocode'],
    });
    expect(first!.place).toBe(`places/${first!.placeId}`);
    expect(parsePlaceId(first!.placeId)).toEqual({ insee: '69123' });
    expect(predictions.slice(1).every((p) => p.structuredFormat.mainText.text.startsWith('Lyon '))).toBe(
      true,
    );
  });

  it('folds case and accents, and matches arrondissements by number', async () => {
    const stEtienne = await autocomplete({ input: 'SAINT-etienne', languageCode: 'fr' });
    expect(stEtienne.predictions[0]!.structuredFormat.mainText.text).toBe('Saint-Étienne');
    const paris11 = await autocomplete({ input: 'paris 11', languageCode: 'fr' });
    expect(paris11.predictions.map((p) => p.structuredFormat.mainText.text)).toEqual([
      'Paris 11e Arrondissement',
    ]);
  });

  it('suggests postcodes by prefix: "750" gives Paris arrondissements, biggest first', async () => {
    const { predictions } = await autocomplete({ input: '750', languageCode: 'fr' });
    expect(predictions).toHaveLength(5);
    for (const p of predictions) {
      expect(p.types).toEqual(['postal_code', 'geocode']);
      expect(p.structuredFormat.mainText.text).toMatch(/^750\d\d$/);
      expect(p.structuredFormat.secondaryText.text).toMatch(/^Paris \d+e Arrondissement, France$/);
    }
    expect(predictions[0]!.structuredFormat.mainText.text).toBe('75015');
    const exact = await autocomplete({ input: '75011', languageCode: 'fr' });
    expect(exact.predictions.map((p) => p.text.text)).toEqual(['75011 Paris 11e Arrondissement, France']);
  });

  it('filters by includedPrimaryTypes and includedRegionCodes; no match answers {}', async () => {
    const cities = await autocomplete({ input: '750', includedPrimaryTypes: ['(cities)'] });
    expect(cities.json).toEqual({});
    const postcodes = await autocomplete({ input: 'lyon', includedPrimaryTypes: ['postal_code'] });
    expect(postcodes.json).toEqual({});
    const abroad = await autocomplete({ input: 'lyon', includedRegionCodes: ['de'] });
    expect(abroad.json).toEqual({});
    const inFrance = await autocomplete({
      input: 'lyon',
      includedRegionCodes: ['FR'],
      includedPrimaryTypes: ['locality'],
    });
    expect(inFrance.predictions.map((p) => p.structuredFormat.mainText.text)).toEqual([
      'Lyon',
      'Lyons-la-Forêt',
    ]);
  });

  it('files the overseas departments under their own region codes, as Google does', async () => {
    const mainland = await autocomplete({ input: 'saint-denis', includedRegionCodes: ['fr'] });
    expect(mainland.predictions.map((p) => p.text.text)).not.toContain('Saint-Denis, La Réunion');
    const reunion = await autocomplete({
      input: 'saint-denis',
      includedRegionCodes: ['re'],
      languageCode: 'fr',
    });
    expect(reunion.predictions[0]!.text.text).toBe('Saint-Denis, La Réunion');
    const both = await autocomplete({ input: 'fort-de-fr', includedRegionCodes: ['fr', 'mq'] });
    expect(both.predictions[0]!.structuredFormat.mainText.text).toBe('Fort-de-France');
    const postcode = await autocomplete({
      input: '97400',
      includedRegionCodes: ['fr', 're'],
      languageCode: 'en',
    });
    const { json } = await details(
      postcode.predictions[0]!.placeId,
      'formattedAddress,addressComponents',
      'languageCode=en',
    );
    expect(json.formattedAddress).toBe('97400 Saint-Denis, Réunion');
    const components = json.addressComponents as { longText: string; shortText: string; types: string[] }[];
    expect(components.find((c) => c.types.includes('country'))).toMatchObject({ shortText: 'RE' });
  });

  it("refuses a call without API key (403) and a body without input (400), in Google's error shape", async () => {
    const noKey = await autocomplete({ input: 'lyon' }, {});
    expect(noKey.status).toBe(403);
    expect(noKey.json).toEqual({
      error: { code: 403, message: 'The request is missing a valid API key.', status: 'PERMISSION_DENIED' },
    });
    const noInput = await autocomplete({ languageCode: 'fr' });
    expect(noInput.status).toBe(400);
    expect(noInput.json).toMatchObject({ error: { code: 400, status: 'INVALID_ARGUMENT' } });
  });
});

describe('place details', () => {
  it('answers only the fields of the mask', async () => {
    const [lyon] = (await autocomplete({ input: 'lyon' })).predictions;
    const { status, json } = await details(lyon!.placeId, 'id,displayName,location');
    expect(status).toBe(200);
    expect(Object.keys(json).sort()).toEqual(['displayName', 'id', 'location']);
    expect(json.displayName).toEqual({ text: 'Lyon', languageCode: 'fr' });
    const { latitude, longitude } = json.location as { latitude: number; longitude: number };
    expect(latitude).toBeCloseTo(45.75, 1);
    expect(longitude).toBeCloseTo(4.85, 1);
  });

  it('gives a postcode place its commune, postcode and address components', async () => {
    const [p] = (await autocomplete({ input: '75011' })).predictions;
    const { json } = await details(p!.placeId, 'formattedAddress,addressComponents,types');
    expect(json.formattedAddress).toBe('75011 Paris, France');
    expect(json.types).toEqual(['postal_code']);
    const components = json.addressComponents as { longText: string; shortText: string; types: string[] }[];
    const of = (type: string) => components.find((c) => c.types.includes(type));
    expect(of('locality')?.longText).toBe('Paris');
    expect(of('sublocality_level_1')?.longText).toBe('Paris 11e Arrondissement');
    expect(of('postal_code')?.longText).toBe('75011');
    expect(of('country')).toMatchObject({ longText: 'France', shortText: 'FR' });
  });

  it('requires a field mask (400), refuses unknown fields and ids, finds no unknown place (404)', async () => {
    const [lyon] = (await autocomplete({ input: 'lyon' })).predictions;
    const noMask = await details(lyon!.placeId, null);
    expect(noMask.status).toBe(400);
    expect(noMask.json).toMatchObject({ error: { code: 400, status: 'INVALID_ARGUMENT' } });
    expect((noMask.json.error as { message: string }).message).toMatch(/FieldMask is a required parameter/);
    expect((await details(lyon!.placeId, 'id,rating')).status).toBe(400);
    expect((await details('not-a-place-id', 'id')).status).toBe(400);
    const unknown = `ChIJ${Buffer.from('fr:99999').toString('base64url')}`;
    expect((await details(unknown, 'id')).json).toMatchObject({ error: { code: 404, status: 'NOT_FOUND' } });
    const all = await details(lyon!.placeId, '*');
    expect(Object.keys(all.json)).toEqual(
      expect.arrayContaining(['formattedAddress', 'addressComponents', 'types']),
    );
  });
});

describe('control', () => {
  it('records every call without the key and injects failures', async () => {
    const input = 'toulouse';
    await autocomplete({ input, languageCode: 'en', sessionToken: 'session-1' });
    const calls = await control.calls({ api: 'places', operation: 'autocomplete', params: { input } });
    expect(calls.at(-1)).toMatchObject({
      status: 200,
      withKey: true,
      params: { input, languageCode: 'en', sessionToken: 'session-1' },
    });
    expect(JSON.stringify(calls)).not.toContain('local-google-key');

    const rule = await control.addRule({ api: 'places', operation: 'autocomplete', status: 429, times: 1 });
    const limited = await autocomplete({ input: 'nice' });
    expect(limited.status).toBe(429);
    expect(limited.json).toMatchObject({ error: { code: 429, status: 'RESOURCE_EXHAUSTED' } });
    expect((await autocomplete({ input: 'nice' })).status).toBe(200);
    await rule.remove();

    const broken = await control.addRule({ operation: 'details', status: 500 });
    const [nice] = (await autocomplete({ input: 'nice' })).predictions;
    expect((await details(nice!.placeId, 'id')).json).toMatchObject({
      error: { code: 500, status: 'INTERNAL' },
    });
    await broken.remove();
    expect((await details(nice!.placeId, 'id')).status).toBe(200);
    await expect(control.addRule({ status: 200 } as never)).rejects.toThrow(/400/);
  });
});
