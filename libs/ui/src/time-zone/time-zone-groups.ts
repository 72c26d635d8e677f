// The IANA zones a time-zone field offers: the browser's own list grouped by region (Europe,
// America...), with an optional first group of the likely ones, and the current value kept even
// when this browser does not list it.
export interface TimeZoneGroup {
  label: string;
  zones: string[];
}

export function timeZoneGroups(
  current: string,
  first: { label: string; zones: readonly string[] } | null = null,
  known: readonly string[] = Intl.supportedValuesOf('timeZone'),
): TimeZoneGroup[] {
  const zones = new Set(known);
  zones.add('UTC');
  zones.add(current);
  const groups = new Map<string, string[]>();
  for (const name of [...zones].sort()) {
    const region = name.includes('/') ? name.slice(0, name.indexOf('/')) : 'UTC';
    groups.set(region, [...(groups.get(region) ?? []), name]);
  }
  const byRegion = [...groups].map(([label, names]) => ({ label, zones: names }));
  return first ? [{ label: first.label, zones: [...first.zones] }, ...byRegion] : byRegion;
}

/** Where French practices are: mainland, then the overseas departments and territories. */
export const FRENCH_TIME_ZONES = [
  'Europe/Paris',
  'America/Guadeloupe',
  'America/Martinique',
  'America/Cayenne',
  'Indian/Reunion',
  'Indian/Mayotte',
  'America/Miquelon',
  'Pacific/Noumea',
  'Pacific/Tahiti',
] as const;
