// A bucket's allowed_mime_types check, compared the way Storage compares: "type/subtype" exactly
// or "type/*". Parameters are NOT stripped, so "text/plain;charset=UTF-8" (supabase-js's default
// for raw bodies) is refused by a bucket allowing only "text/plain", on hosted and here alike.
import { errors } from './errors.ts';

export function isMimeAllowed(mime: string, allowed: readonly string[]): boolean {
  const [type, subtype, ...rest] = mime.split('/');
  if (!type || subtype === undefined || rest.length > 0) return false;
  return allowed.some((entry) => {
    const [allowedType, allowedSubtype] = entry.split('/');
    return allowedType === type && (allowedSubtype === '*' || allowedSubtype === subtype);
  });
}

export function assertMimeAllowed(mime: string, allowed: readonly string[] | null | undefined): void {
  if (!allowed || allowed.length === 0) return;
  if (!isMimeAllowed(mime, allowed)) throw errors.invalidMimeType(mime);
}

/** Bucket settings must list well-formed MIME types ("image/png", "image/*"). */
export function assertMimeList(list: readonly string[]): void {
  for (const entry of list) {
    if (!/^[\w.+-]+\/([\w.+-]+|\*)$/.test(entry)) throw errors.invalidMimeType(entry);
  }
}
