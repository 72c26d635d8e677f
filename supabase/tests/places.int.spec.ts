// The places function through the gateway with the anon key, against the Google fake: suggestions
// and details from the gazetteer, answers served from the function's cache without a second Google
// call (counted in the fake's call record), Google's refusals without the key, bad input refused.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createCarebookClient, placeDetails, suggestPlaces } from '@carebook/data';
import { googleControl } from '@carebook/fakes';
import { config } from '@carebook/testing';

const client = createCarebookClient(config.apiUrl, config.anonKey, {
  auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
});
const google = googleControl(config.fakesUrl);
// The local secret (supabase/functions/.env.example): it must never reach a caller.
const LOCAL_KEY = 'local-google-key';

async function viaGateway(path: string) {
  const res = await fetch(`${config.apiUrl}/functions/v1/places/${path}`, {
    headers: { apikey: config.anonKey, authorization: `Bearer ${config.anonKey}` },
  });
  const text = await res.text();
  return { status: res.status, text, body: JSON.parse(text) as { error?: { code?: string } } };
}

const callsFor = async (params: Record<string, string>) =>
  (await google.calls({ api: 'places', params })).length;

describe('places function', () => {
  it('suggests Paris arrondissements for "750"', async () => {
    const result = await suggestPlaces(client, '750', 'fr', randomUUID());
    if (!result.ok) throw new Error(result.error.message);
    expect(result.data.length).toBeGreaterThan(0);
    for (const s of result.data) {
      expect(s.kind).toBe('postcode');
      expect(s.main).toMatch(/^750\d\d$/);
      expect(s.secondary).toMatch(/^Paris \d+e Arrondissement, France$/);
    }
  });

  it('puts Lyon first for "lyon", and its details carry its coordinates', async () => {
    const session = randomUUID();
    const found = await suggestPlaces(client, 'lyon', 'fr', session);
    if (!found.ok) throw new Error(found.error.message);
    expect(found.data[0]).toMatchObject({ main: 'Lyon', kind: 'city', secondary: 'Rhône, France' });
    const lyon = await placeDetails(client, found.data[0]!.placeId, 'fr', session);
    if (!lyon.ok) throw new Error(lyon.error.message);
    expect(lyon.data).toMatchObject({ name: 'Lyon', city: 'Lyon', formattedAddress: 'Lyon, France' });
    expect(lyon.data.latitude).toBeCloseTo(45.75, 1);
    expect(lyon.data.longitude).toBeCloseTo(4.85, 1);
    const paris11 = await suggestPlaces(client, '75011', 'en');
    if (!paris11.ok) throw new Error(paris11.error.message);
    const place = await placeDetails(client, paris11.data[0]!.placeId, 'en');
    expect(place).toMatchObject({ ok: true, data: { city: 'Paris', postcode: '75011' } });
  });

  it('answers a repeated query or place from its cache: no second call to Google', async () => {
    // A query no earlier run asked, so the first answer must come from Google.
    const q = `Saint-Denis ${randomUUID().slice(0, 8)}`;
    expect(await suggestPlaces(client, q, 'fr')).toEqual({ ok: true, data: [] });
    expect(await callsFor({ input: q })).toBe(1);
    expect(await suggestPlaces(client, `  ${q.toUpperCase()} `, 'fr')).toEqual({ ok: true, data: [] });
    expect(await callsFor({ input: q })).toBe(1);

    const found = await suggestPlaces(client, 'marseille', 'fr');
    if (!found.ok) throw new Error(found.error.message);
    const placeId = found.data[0]!.placeId;
    await placeDetails(client, placeId, 'fr');
    const before = await callsFor({ placeId, languageCode: 'fr' });
    expect(before).toBeGreaterThanOrEqual(1);
    expect(await placeDetails(client, placeId, 'fr')).toMatchObject({
      ok: true,
      data: { city: 'Marseille' },
    });
    expect(await callsFor({ placeId, languageCode: 'fr' })).toBe(before);
  });

  it('answers 500 when Google refuses the key, 503 when it is over quota, never showing the key', async () => {
    const refused = await google.addRule({ api: 'places', operation: 'autocomplete', status: 403, times: 1 });
    try {
      const res = await viaGateway(
        `autocomplete?q=${encodeURIComponent(`Nice ${randomUUID().slice(0, 8)}`)}`,
      );
      expect(res.status).toBe(500);
      expect(res.body.error?.code).toBe('internal_error');
      expect(res.text).not.toContain(LOCAL_KEY);
    } finally {
      await refused.remove();
    }
    const quota = await google.addRule({ api: 'places', operation: 'autocomplete', status: 429, times: 1 });
    try {
      const q = `Nice ${randomUUID().slice(0, 8)}`;
      const res = await viaGateway(`autocomplete?q=${encodeURIComponent(q)}`);
      expect(res.status).toBe(503);
      expect(res.body.error?.code).toBe('provider_unavailable');
      // Not cached: the next try reaches Google and succeeds.
      expect((await viaGateway(`autocomplete?q=${encodeURIComponent(q)}`)).status).toBe(200);
      expect(await callsFor({ input: q })).toBe(2);
    } finally {
      await quota.remove();
    }
  });

  it('refuses bad input with 400 invalid_input, before calling Google', async () => {
    const q = `l`;
    for (const path of [
      `autocomplete?q=${q}`,
      'autocomplete?q=lyon&lang=de',
      'details?id=',
      'details?id=a%2Fb',
    ]) {
      const res = await viaGateway(path);
      expect(res.status, path).toBe(400);
      expect(res.body.error?.code, path).toBe('invalid_input');
    }
    expect(await callsFor({ input: q })).toBe(0);
  });
});
