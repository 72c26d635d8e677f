// Refresh tokens at rest: AES-256-GCM with a key only the functions hold (GOOGLE_TOKEN_KEY, 32
// bytes in base64), a fresh 96-bit IV per encryption, and the practitioner id as additional data,
// so a ciphertext copied onto another practitioner's row does not decrypt. Stored as
// base64(iv || ciphertext+tag): the database and its dumps never see the token (decision 0027).

const enc = new TextEncoder();

function fromBase64(b64: string): Uint8Array<ArrayBuffer> {
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

function toBase64(bytes: Uint8Array): string {
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin);
}

export async function importTokenKey(keyBase64: string): Promise<CryptoKey> {
  const raw = fromBase64(keyBase64);
  if (raw.length !== 32) throw new Error('GOOGLE_TOKEN_KEY must be 32 bytes in base64');
  return crypto.subtle.importKey('raw', raw, 'AES-GCM', false, ['encrypt', 'decrypt']);
}

export async function encryptToken(key: CryptoKey, plain: string, owner: string): Promise<string> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const sealed = new Uint8Array(
    await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: enc.encode(owner) }, key, enc.encode(plain)),
  );
  const out = new Uint8Array(iv.length + sealed.length);
  out.set(iv);
  out.set(sealed, iv.length);
  return toBase64(out);
}

/** Throws when the ciphertext was altered, made with another key or belongs to another owner. */
export async function decryptToken(key: CryptoKey, cipher: string, owner: string): Promise<string> {
  const bytes = fromBase64(cipher);
  const plain = await crypto.subtle.decrypt(
    { name: 'AES-GCM', iv: bytes.slice(0, 12), additionalData: enc.encode(owner) },
    key,
    bytes.slice(12),
  );
  return new TextDecoder().decode(plain);
}
