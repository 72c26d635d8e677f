// The practice's time zone from its postcode: the overseas departments' postcodes start with their
// department's code, and they are in other zones than mainland France. A guess the practitioner
// can change; null when the postcode says nothing (none, or not French).
const OVERSEAS_ZONES: readonly [prefix: string, zone: string][] = [
  ['971', 'America/Guadeloupe'],
  ['972', 'America/Martinique'],
  ['973', 'America/Cayenne'],
  ['974', 'Indian/Reunion'],
  ['976', 'Indian/Mayotte'],
];

export function zoneForPostcode(postcode: string | null): string | null {
  const code = postcode?.replace(/\s/g, '') ?? '';
  if (!/^\d{5}$/.test(code)) return null;
  return OVERSEAS_ZONES.find(([prefix]) => code.startsWith(prefix))?.[1] ?? 'Europe/Paris';
}
