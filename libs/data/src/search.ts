// Finding practitioners: search_practitioners, one page of published practitioners with their
// next available time; search_practitioners_with_slots, the same page with each hit's next three
// starts, price range and time zone (the search page's data, in one request).
import { TEXT_LIMITS, type ConsultationMode, type SearchSort } from '@carebook/domain';
import type { CarebookClient } from './client.ts';
import { refuse, runMapped, geoPoint, type GeoPoint } from './query.ts';
import type { Result } from './result.ts';

export interface SearchQuery {
  /** A profession code (psychologist...). */
  profession?: string;
  /** Free text over names, professions and specialties; at most TEXT_LIMITS.searchText characters. */
  text?: string;
  near?: { lat: number; lng: number; radiusKm?: number };
  mode?: ConsultationMode;
  /** distance when `near` is given, else soonest, when left out. */
  sort?: SearchSort;
  limit?: number;
  offset?: number;
}

export interface SearchHit {
  id: string;
  slug: string;
  displayName: string;
  professionCode: string;
  professionName: { fr: string; en: string };
  modes: ConsultationMode[];
  languages: string[];
  address: string | null;
  location: GeoPoint | null;
  photoPath: string | null;
  distanceKm: number | null;
  /** ISO instant of the first bookable slot, null when nothing is open in the coming weeks. */
  nextAvailableAt: string | null;
}

/** A search hit as the search page shows it: with its next bookable starts and prices. */
export interface SearchPageHit extends SearchHit {
  /** The practitioner's IANA zone: their slots are shown in it, and it is named. */
  timeZone: string;
  /** Public URL of the photo in the avatars bucket, null without one. */
  photoUrl: string | null;
  /** Cheapest and dearest active type (of the searched mode), null without one. */
  price: { minCents: number; maxCents: number; currency: string } | null;
  /** The next (up to) three starts of the soonest type, and that type: a click books it. */
  nextSlots: { typeId: string; mode: ConsultationMode; startsAt: string[] } | null;
}

function searchArgs(query: SearchQuery) {
  return {
    ...(query.profession && { p_profession: query.profession }),
    ...(query.text?.trim() && { p_text: query.text.trim() }),
    ...(query.near && { p_lat: query.near.lat, p_lng: query.near.lng }),
    ...(query.near?.radiusKm !== undefined && { p_radius_km: query.near.radiusKm }),
    ...(query.mode && { p_mode: query.mode }),
    ...(query.sort && { p_sort: query.sort }),
    p_limit: query.limit ?? 20,
    p_offset: query.offset ?? 0,
  };
}

const tooLong = (query: SearchQuery) => (query.text?.length ?? 0) > TEXT_LIMITS.searchText;

export async function searchPractitioners(
  client: CarebookClient,
  query: SearchQuery = {},
): Promise<Result<SearchHit[]>> {
  if (tooLong(query)) return refuse('text_too_long', `search text over ${TEXT_LIMITS.searchText} characters`);
  const request = client.rpc('search_practitioners', searchArgs(query));
  return runMapped(request, 'search', (rows) =>
    rows.map((r) => ({
      id: r.id,
      slug: r.slug,
      displayName: r.display_name,
      professionCode: r.profession_code,
      professionName: { fr: r.profession_name_fr, en: r.profession_name_en },
      modes: r.modes,
      languages: r.languages,
      address: r.formatted_address,
      location: geoPoint(r.latitude, r.longitude),
      photoPath: r.photo_path,
      distanceKm: r.distance_km,
      nextAvailableAt: r.next_available_at,
    })),
  );
}

/** One page of the search page: hits with their next three slots, from one request. */
export async function searchPractitionersWithSlots(
  client: CarebookClient,
  query: SearchQuery = {},
): Promise<Result<SearchPageHit[]>> {
  if (tooLong(query)) return refuse('text_too_long', `search text over ${TEXT_LIMITS.searchText} characters`);
  const request = client.rpc('search_practitioners_with_slots', searchArgs(query));
  return runMapped(request, 'search', (rows) =>
    rows.map((r) => ({
      id: r.id,
      slug: r.slug,
      displayName: r.display_name,
      professionCode: r.profession_code,
      professionName: { fr: r.profession_name_fr, en: r.profession_name_en },
      modes: r.modes,
      languages: r.languages,
      address: r.formatted_address,
      location: geoPoint(r.latitude, r.longitude),
      photoPath: r.photo_path,
      photoUrl: r.photo_path
        ? client.storage.from('avatars').getPublicUrl(r.photo_path).data.publicUrl
        : null,
      distanceKm: r.distance_km,
      nextAvailableAt: r.next_available_at,
      timeZone: r.time_zone,
      price:
        r.min_price_cents === null
          ? null
          : { minCents: r.min_price_cents, maxCents: r.max_price_cents, currency: r.currency },
      nextSlots:
        r.next_type_id && r.next_slots?.length
          ? {
              typeId: r.next_type_id,
              mode: r.next_type_mode,
              startsAt: r.next_slots.map((at) => new Date(at).toISOString()),
            }
          : null,
    })),
  );
}
