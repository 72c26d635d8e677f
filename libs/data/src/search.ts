// Finding practitioners: search_practitioners, one page of published practitioners with their
// next available time.
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

export async function searchPractitioners(
  client: CarebookClient,
  query: SearchQuery = {},
): Promise<Result<SearchHit[]>> {
  if ((query.text?.length ?? 0) > TEXT_LIMITS.searchText) {
    return refuse('text_too_long', `search text over ${TEXT_LIMITS.searchText} characters`);
  }
  const request = client.rpc('search_practitioners', {
    ...(query.profession && { p_profession: query.profession }),
    ...(query.text?.trim() && { p_text: query.text.trim() }),
    ...(query.near && { p_lat: query.near.lat, p_lng: query.near.lng }),
    ...(query.near?.radiusKm !== undefined && { p_radius_km: query.near.radiusKm }),
    ...(query.mode && { p_mode: query.mode }),
    ...(query.sort && { p_sort: query.sort }),
    p_limit: query.limit ?? 20,
    p_offset: query.offset ?? 0,
  });
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
