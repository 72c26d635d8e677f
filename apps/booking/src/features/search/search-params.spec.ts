import { describe, expect, it } from 'vitest';
import {
  EMPTY_SEARCH,
  parseSearchParams,
  toSearchParams,
  toSearchQuery,
  type SearchState,
} from './search-params.ts';

const full: SearchState = {
  text: 'burn-out',
  profession: 'psychologist',
  place: { label: 'Lyon 69003', lat: 45.75917, lng: 4.84139 },
  mode: 'video',
  sort: 'soonest',
  page: 3,
};

describe('search URL state', () => {
  it('round-trips a whole search through the query string', () => {
    const query = toSearchParams(full);
    expect(query).toEqual({
      q: 'burn-out',
      profession: 'psychologist',
      place: 'Lyon 69003',
      lat: '45.75917',
      lng: '4.84139',
      mode: 'video',
      sort: 'soonest',
      page: '3',
    });
    const url = new URLSearchParams(query).toString();
    expect(parseSearchParams(Object.fromEntries(new URLSearchParams(url)))).toEqual(full);
  });

  it('leaves defaults out, so the home page is a bare /', () => {
    expect(toSearchParams(EMPTY_SEARCH)).toEqual({});
    expect(parseSearchParams({})).toEqual(EMPTY_SEARCH);
  });

  it('drops what a hand-edited link got wrong instead of failing', () => {
    expect(
      parseSearchParams({
        mode: 'telepathy',
        sort: 'relevance',
        profession: 'DROP TABLE',
        lat: '91',
        lng: '2',
        page: '-4',
        q: ['first', 'second'],
      }),
    ).toEqual({ ...EMPTY_SEARCH, text: 'first' });
    expect(parseSearchParams({ lat: '48.85', lng: '2.35' }).place).toEqual({
      label: '',
      lat: 48.85,
      lng: 2.35,
    });
  });

  it('asks the data layer for the page and falls back to soonest when distance has no place', () => {
    expect(toSearchQuery(full)).toEqual({
      profession: 'psychologist',
      text: 'burn-out',
      near: { lat: 45.75917, lng: 4.84139 },
      mode: 'video',
      sort: 'soonest',
      limit: 20,
      offset: 40,
    });
    expect(toSearchQuery({ ...EMPTY_SEARCH, sort: 'distance' })).toEqual({
      sort: 'soonest',
      limit: 20,
      offset: 0,
    });
  });
});
