// A link that opens the practice in the person's maps app: Google Maps' universal URL opens the
// app on Android and iOS when installed, the website otherwise; coordinates when known, so the pin
// is exact, with the address as the label.
export function mapsUrl(address: string, location: { lat: number; lng: number } | null): string {
  const url = new URL('https://www.google.com/maps/search/');
  url.searchParams.set('api', '1');
  url.searchParams.set('query', location ? `${location.lat},${location.lng}` : address);
  return url.toString();
}

/** Names of languages ("fr" -> "français"), in the reader's language; unknown codes as given. */
export function languageNames(codes: readonly string[], locale: string): string[] {
  let names: Intl.DisplayNames | null = null;
  try {
    names = new Intl.DisplayNames([locale], { type: 'language' });
  } catch {
    names = null;
  }
  return codes.map((code) => {
    try {
      return names?.of(code) ?? code;
    } catch {
      return code;
    }
  });
}
