// The practice's time zone from its address. Google files France's overseas departments under
// their own region codes (RE, GP...), in other zones than mainland France; their postcodes start
// with the department's code, for an answer that came without the country. A guess the
// practitioner can change; null when the address says nothing.
const ZONES: readonly { country: string; postcodePrefix: string; zone: string }[] = [
  { country: 'GP', postcodePrefix: '971', zone: 'America/Guadeloupe' },
  { country: 'MQ', postcodePrefix: '972', zone: 'America/Martinique' },
  { country: 'GF', postcodePrefix: '973', zone: 'America/Cayenne' },
  { country: 'RE', postcodePrefix: '974', zone: 'Indian/Reunion' },
  { country: 'YT', postcodePrefix: '976', zone: 'Indian/Mayotte' },
];

export function practiceZone(place: { countryCode: string | null; postcode: string | null }): string | null {
  const country = place.countryCode?.toUpperCase() ?? null;
  if (country === 'FR') return 'Europe/Paris';
  const byCountry = ZONES.find((z) => z.country === country);
  if (byCountry) return byCountry.zone;
  if (country !== null) return null; // abroad: no French zone to guess
  const code = place.postcode?.replace(/\s/g, '') ?? '';
  if (!/^\d{5}$/.test(code)) return null;
  return ZONES.find((z) => code.startsWith(z.postcodePrefix))?.zone ?? 'Europe/Paris';
}
