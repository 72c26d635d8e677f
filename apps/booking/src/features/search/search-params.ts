// The search as the URL holds it, so a search can be shared, bookmarked and reloaded. Pure: the
// page turns the route's query into a SearchState and back; anything malformed is dropped, never
// an error (a hand-edited link still opens a search).
import {
  CONSULTATION_MODES,
  SEARCH_SORTS,
  TEXT_LIMITS,
  type ConsultationMode,
  type SearchSort,
} from '@carebook/domain';
import type { SearchQuery } from '@carebook/data';

export const PAGE_SIZE = 20;

export interface SearchPlace {
  /** What the place field shows ("Lyon 69003"). */
  label: string;
  lat: number;
  lng: number;
}

export interface SearchState {
  /** Free text (a name, a specialty...), unless a profession was picked. */
  text: string;
  /** A profession code picked from the suggestions. */
  profession: string | null;
  place: SearchPlace | null;
  mode: ConsultationMode | null;
  /** null: distance with a place, soonest without (the server's default). */
  sort: SearchSort | null;
  /** 1-based. */
  page: number;
}

export const EMPTY_SEARCH: SearchState = {
  text: '',
  profession: null,
  place: null,
  mode: null,
  sort: null,
  page: 1,
};

type QueryValue = string | null | (string | null)[] | undefined;

function one(value: QueryValue): string | null {
  const v = Array.isArray(value) ? value[0] : value;
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : null;
}

function number(value: QueryValue, min: number, max: number): number | null {
  const v = one(value);
  if (v === null) return null;
  const n = Number(v);
  return Number.isFinite(n) && n >= min && n <= max ? n : null;
}

const PROFESSION_CODE = /^[a-z][a-z_]{1,60}$/;

export function parseSearchParams(query: Record<string, QueryValue>): SearchState {
  const mode = one(query.mode);
  const sort = one(query.sort);
  const profession = one(query.profession);
  const lat = number(query.lat, -90, 90);
  const lng = number(query.lng, -180, 180);
  const page = number(query.page, 1, 10_000);
  return {
    text: (one(query.q) ?? '').slice(0, TEXT_LIMITS.searchText),
    profession: profession && PROFESSION_CODE.test(profession) ? profession : null,
    place: lat !== null && lng !== null ? { label: one(query.place) ?? '', lat, lng } : null,
    mode: (CONSULTATION_MODES as readonly string[]).includes(mode ?? '') ? (mode as ConsultationMode) : null,
    sort:
      (SEARCH_SORTS as readonly string[]).includes(sort ?? '') && sort !== 'relevance'
        ? (sort as SearchSort)
        : null,
    page: page === null ? 1 : Math.floor(page),
  };
}

/** The route query of a search: only what differs from the defaults, in a stable order. */
export function toSearchParams(state: SearchState): Record<string, string> {
  const q: Record<string, string> = {};
  if (state.text.trim()) q.q = state.text.trim();
  if (state.profession) q.profession = state.profession;
  if (state.place) {
    if (state.place.label) q.place = state.place.label;
    // Five decimals: about a metre, and short links.
    q.lat = state.place.lat.toFixed(5);
    q.lng = state.place.lng.toFixed(5);
  }
  if (state.mode) q.mode = state.mode;
  if (state.sort) q.sort = state.sort;
  if (state.page > 1) q.page = String(state.page);
  return q;
}

/** What the data layer is asked for this state's page. */
export function toSearchQuery(state: SearchState): SearchQuery {
  // Distance without a place means nothing: the server would refuse nothing but sort by null.
  const sort = state.sort === 'distance' && !state.place ? 'soonest' : state.sort;
  return {
    ...(state.profession && { profession: state.profession }),
    ...(state.text.trim() && { text: state.text.trim() }),
    ...(state.place && { near: { lat: state.place.lat, lng: state.place.lng } }),
    ...(state.mode && { mode: state.mode }),
    ...(sort && { sort }),
    limit: PAGE_SIZE,
    offset: (state.page - 1) * PAGE_SIZE,
  };
}
