// The two size notations in play: supabase/config.toml ("50MiB", read by the Supabase CLI with
// binary units) and the bucket API's file_size_limit strings ("20MB", decimal units in Storage).
import { errors } from './errors.ts';

/** Hosted's default global upload cap, and the CLI's `[storage] file_size_limit` default. */
export const DEFAULT_GLOBAL_LIMIT = 50 * 1024 * 1024;

const BINARY: Record<string, number> = { '': 1, b: 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3, t: 1024 ** 4 };

/**
 * "10MiB", "10MB", "10M", "512KiB", "1.5GiB" or a plain byte count. The CLI parses sizes as RAM
 * sizes, so "MB" means MiB there as well.
 */
export function parseConfigSize(value: string | number): number {
  if (typeof value === 'number') {
    if (!Number.isInteger(value) || value < 0) throw new Error(`invalid size ${value}`);
    return value;
  }
  const m = /^\s*(\d+(?:\.\d+)?)\s*([kmgt]?)(?:i?b)?\s*$/i.exec(value);
  if (!m) throw new Error(`invalid size "${value}" (expected e.g. "10MiB")`);
  return Math.floor(Number(m[1]) * BINARY[m[2]!.toLowerCase()]!);
}

const DECIMAL: Record<string, number> = { b: 1, kb: 1e3, mb: 1e6, gb: 1e9 };

/** The bucket API's notation: a byte count, or "20GB" / "20MB" / "30KB" / "3B" (powers of ten). */
export function parseApiSize(value: string | number): number {
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || value < 0) throw errors.invalidFileSizeLimit();
    return Math.floor(value);
  }
  const m = /^(\d+(?:\.\d+)?)(gb|mb|kb|b)$/i.exec(value);
  if (!m) throw errors.invalidFileSizeLimit();
  // Storage keeps three significant digits of the number before applying the unit.
  return Math.round(Number(Number(m[1]).toPrecision(3)) * DECIMAL[m[2]!.toLowerCase()]!);
}

/** The cap an upload to a bucket must respect: the bucket's own limit, never above the global one. */
export function effectiveLimit(globalLimit: number, bucketLimit: number | string | null | undefined): number {
  const own =
    bucketLimit === null || bucketLimit === undefined ? Number.POSITIVE_INFINITY : Number(bucketLimit);
  return Math.min(globalLimit, own > 0 ? own : globalLimit);
}
