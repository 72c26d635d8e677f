// Limits on the metadata a client may store on its account. The metadata travels inside every
// access token (so a large one breaks sessions once headers grow too big), is merged and written
// as jsonb (whose parser overflows its stack on thousands of nested levels), and feeds profiles
// (full_name, whose maximum libs/domain defines). Anything past these limits is a 400, not a 500.
import { FULL_NAME_MAX_LENGTH } from '@carebook/domain';
import { badRequest } from './errors.ts';
import { obj } from './http.ts';

type Json = Record<string, unknown>;

/** Nesting levels below the metadata object itself; real metadata uses one or two. */
export const METADATA_MAX_DEPTH = 8;
/** Bytes of the metadata as JSON: it is copied into every access token. */
export const METADATA_MAX_BYTES = 16 * 1024;
/** Characters of any other string value. */
export const METADATA_MAX_STRING = 1000;

const invalid = (message: string) => badRequest('validation_failed', message);

/** Walks without recursion, so no input can exhaust the stack. */
function checkShape(root: Json, field: string): void {
  const stack: { value: unknown; depth: number; key: string }[] = [{ value: root, depth: 0, key: '' }];
  while (stack.length > 0) {
    const { value, depth, key } = stack.pop()!;
    if (typeof value === 'string') {
      const max = key === 'full_name' && depth === 1 ? FULL_NAME_MAX_LENGTH : METADATA_MAX_STRING;
      if ([...value].length > max) throw invalid(`${field}.${key} must be at most ${max} characters`);
      continue;
    }
    if (value === null || typeof value !== 'object') continue;
    if (depth > METADATA_MAX_DEPTH) {
      throw invalid(`${field} must not be nested more than ${METADATA_MAX_DEPTH} levels deep`);
    }
    for (const [k, v] of Object.entries(value)) stack.push({ value: v, depth: depth + 1, key: k });
  }
}

/** A metadata member of the body (`data`, `user_metadata`...), checked; undefined when absent. */
export function metadataOf(body: Json, key: string): Json | undefined {
  const value = obj(body, key);
  if (value === undefined) return undefined;
  checkShape(value, key);
  if (Buffer.byteLength(JSON.stringify(value)) > METADATA_MAX_BYTES) {
    throw invalid(`${key} must be at most ${METADATA_MAX_BYTES} bytes as JSON`);
  }
  return value;
}
