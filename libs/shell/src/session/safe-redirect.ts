// A `?redirect=` value is attacker-controlled: follow it only when it is a path in this app.
export function safeRedirect(value: unknown, fallback: string): string {
  if (typeof value !== 'string' || !value.startsWith('/')) return fallback;
  // "//host" and "/\host" are protocol-relative URLs to another site in browsers.
  if (value.startsWith('//') || value.startsWith('/\\')) return fallback;
  return value;
}
