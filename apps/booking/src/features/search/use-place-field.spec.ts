import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ref } from 'vue';
import { fail, ok } from '@carebook/data';
import type { PlaceSource } from './place-source.ts';
import { PLACE_DEBOUNCE_MS, usePlaceField } from './use-place-field.ts';

const lyon = { placeId: 'p1', main: 'Lyon', secondary: '69003, France', kind: 'city' as const };

function source(overrides: Partial<PlaceSource> = {}): PlaceSource & { asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    suggest: async (text, lang) => {
      asked.push(`${text}/${lang}`);
      return ok([lyon]);
    },
    details: async () =>
      ok({
        placeId: 'p1',
        name: 'Lyon',
        formattedAddress: '69003 Lyon, France',
        city: 'Lyon',
        postcode: '69003',
        countryCode: 'FR',
        latitude: 45.76,
        longitude: 4.84,
      }),
    ...overrides,
  };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('usePlaceField', () => {
  it('asks once typing pauses, in the page’s language, and reads the chosen place', async () => {
    const s = source();
    const field = usePlaceField(s, ref('en'));
    void field.type('Ly');
    const last = field.type('Lyo');
    await vi.advanceTimersByTimeAsync(PLACE_DEBOUNCE_MS);
    await last;
    expect(s.asked).toEqual(['Lyo/en']);
    expect(field.suggestions.value).toEqual([lyon]);
    expect(await field.choose(lyon)).toEqual({ label: 'Lyon 69003', lat: 45.76, lng: 4.84 });
  });

  it('says the service is unavailable when it fails, and searches go on without a place', async () => {
    const field = usePlaceField(
      source({ suggest: async () => fail({ code: 'network', message: 'down' }) }),
      ref('fr'),
    );
    const done = field.type('Lyon');
    await vi.advanceTimersByTimeAsync(PLACE_DEBOUNCE_MS);
    await done;
    expect(field.unavailable.value).toBe(true);
    expect(field.suggestions.value).toEqual([]);
    await field.type('L');
    expect(field.suggestions.value).toEqual([]);
  });
});
