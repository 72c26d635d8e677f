// A single "Range: bytes=..." request (what browsers send for media); multi-range is not served.
import { errors } from './errors.ts';

export interface ByteRange {
  start: number;
  end: number; // inclusive
}

/** undefined: serve the whole file. Throws InvalidRange when the range cannot be satisfied. */
export function parseRange(header: string | undefined, size: number): ByteRange | undefined {
  if (!header) return undefined;
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m || (m[1] === '' && m[2] === '')) return undefined; // unknown or multi-range form: ignore, as HTTP allows
  let start: number;
  let end: number;
  if (m[1] === '') {
    // "bytes=-N": the last N bytes
    const suffix = Number(m[2]);
    if (suffix === 0) throw errors.invalidRange();
    start = Math.max(0, size - suffix);
    end = size - 1;
  } else {
    start = Number(m[1]);
    end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
  }
  if (start >= size || start > end) throw errors.invalidRange();
  return { start, end };
}
