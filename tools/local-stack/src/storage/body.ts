// Request bodies: JSON for the API calls, and uploads either as raw bytes (supabase-js with a
// Buffer, ArrayBuffer or string) or as multipart form-data (supabase-js with a Blob/File/FormData).
import type { IncomingMessage } from 'node:http';
import { errors } from './errors.ts';

export interface RawBody {
  bytes: Buffer;
  /** More bytes arrived than `cap`; only the first cap + 1 are kept. */
  truncated: boolean;
}

/** Reads the whole body, keeping at most cap + 1 bytes but always draining the stream. */
export async function readBody(req: IncomingMessage, cap: number): Promise<RawBody> {
  const chunks: Buffer[] = [];
  let kept = 0;
  let truncated = false;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    if (kept > cap) {
      truncated = true;
      continue;
    }
    const room = cap + 1 - kept;
    const piece = chunk.length > room ? chunk.subarray(0, room) : chunk;
    chunks.push(piece);
    kept += piece.length;
    if (kept > cap) truncated = true;
  }
  return { bytes: Buffer.concat(chunks), truncated };
}

const JSON_CAP = 1024 * 1024;

export async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const { bytes, truncated } = await readBody(req, JSON_CAP);
  if (truncated) throw errors.entityTooLarge();
  if (bytes.length === 0) return {};
  try {
    const value: unknown = JSON.parse(bytes.toString('utf8'));
    if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new Error('not an object');
    return value as Record<string, unknown>;
  } catch {
    throw errors.invalidRequest('Body is not a valid JSON object');
  }
}

export interface UploadBody {
  bytes: Buffer;
  mimeType: string;
  cacheControl: string;
  userMetadata?: Record<string, unknown>;
  /** The file is larger than the cap it was read with. */
  tooLarge: boolean;
}

// Room for the multipart boundaries and the small fields around the file.
const MULTIPART_OVERHEAD = 1024 * 1024;

function parseMetadata(text: string | null | undefined): Record<string, unknown> | undefined {
  if (!text) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

function header(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

/** Reads an upload and the options that travel with it, in either encoding. */
export async function readUpload(req: IncomingMessage, cap: number): Promise<UploadBody> {
  const contentType = header(req, 'content-type') ?? '';
  if (contentType.toLowerCase().startsWith('multipart/form-data')) {
    const raw = await readBody(req, cap + MULTIPART_OVERHEAD);
    if (raw.truncated) return { bytes: Buffer.alloc(0), mimeType: '', cacheControl: '', tooLarge: true };
    let form: FormData;
    try {
      form = await new Response(new Uint8Array(raw.bytes), {
        headers: { 'content-type': contentType },
      }).formData();
    } catch {
      throw errors.noContent();
    }
    // supabase-js appends the file under an empty field name; take the first file whatever its name.
    const file = [...form.values()].find((v): v is File => typeof v !== 'string');
    if (!file) throw errors.noContent();
    const bytes = Buffer.from(await file.arrayBuffer());
    const field = (name: string) => {
      const v = form.get(name);
      return typeof v === 'string' ? v : undefined;
    };
    const cacheTime = field('cacheControl');
    const userMetadata = parseMetadata(field('metadata') ?? field('userMetadata'));
    return {
      bytes,
      mimeType: field('contentType') || file.type || 'application/octet-stream',
      cacheControl: cacheTime ? `max-age=${cacheTime}` : 'no-cache',
      ...(userMetadata ? { userMetadata } : {}),
      tooLarge: bytes.length > cap,
    };
  }
  const raw = await readBody(req, cap);
  const encodedMetadata = header(req, 'x-metadata');
  const userMetadata = encodedMetadata
    ? parseMetadata(Buffer.from(encodedMetadata, 'base64').toString('utf8'))
    : undefined;
  return {
    bytes: raw.bytes,
    mimeType: contentType || 'application/octet-stream',
    cacheControl: header(req, 'cache-control') ?? 'no-cache',
    ...(userMetadata ? { userMetadata } : {}),
    tooLarge: raw.truncated,
  };
}
