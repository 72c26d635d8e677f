// HS256 verification with Web Crypto only, so the same file runs in Deno (the functions server)
// and in Node (its specs). It checks what the Supabase edge runtime checks for verify_jwt: the
// signature with the project's secret, and exp/nbf when present (no leeway).

function base64UrlToBytes(part: string): Uint8Array<ArrayBuffer> {
  const base64 = part
    .replace(/-/g, '+')
    .replace(/_/g, '/')
    .padEnd(Math.ceil(part.length / 4) * 4, '=');
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

function decodeJson(part: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(new TextDecoder().decode(base64UrlToBytes(part)));
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

/** Imports the secret once; verifying a token is then one HMAC. */
export async function hs256Key(secret: string): Promise<CryptoKey> {
  return crypto.subtle.importKey(
    'raw',
    new TextEncoder().encode(secret),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['verify'],
  );
}

/** The token's claims when it is a valid, current HS256 JWT signed with `key`; otherwise null. */
export async function verifyHs256(
  token: string,
  key: CryptoKey,
  nowSeconds = Date.now() / 1000,
): Promise<Record<string, unknown> | null> {
  const parts = token.split('.');
  if (parts.length !== 3) return null;
  const [headerPart, payloadPart, signaturePart] = parts as [string, string, string];
  const header = decodeJson(headerPart);
  if (!header || header.alg !== 'HS256') return null;
  let signature: Uint8Array<ArrayBuffer>;
  try {
    signature = base64UrlToBytes(signaturePart);
  } catch {
    return null;
  }
  const signed = new TextEncoder().encode(`${headerPart}.${payloadPart}`);
  if (!(await crypto.subtle.verify('HMAC', key, signature, signed))) return null;
  const claims = decodeJson(payloadPart);
  if (!claims) return null;
  if (claims.exp !== undefined && (typeof claims.exp !== 'number' || nowSeconds >= claims.exp)) return null;
  if (claims.nbf !== undefined && (typeof claims.nbf !== 'number' || nowSeconds < claims.nbf)) return null;
  return claims;
}
