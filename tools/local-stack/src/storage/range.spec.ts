import { describe, expect, it } from 'vitest';
import { StorageError } from './errors.ts';
import { parseRange } from './range.ts';

describe('Range header', () => {
  it('reads start-end, open-ended and suffix ranges', () => {
    expect(parseRange('bytes=0-9', 100)).toEqual({ start: 0, end: 9 });
    expect(parseRange('bytes=90-', 100)).toEqual({ start: 90, end: 99 });
    expect(parseRange('bytes=-10', 100)).toEqual({ start: 90, end: 99 });
    expect(parseRange('bytes=50-500', 100)).toEqual({ start: 50, end: 99 });
  });

  it('serves the whole file without a header or for forms it does not handle', () => {
    expect(parseRange(undefined, 100)).toBeUndefined();
    expect(parseRange('bytes=0-1,5-6', 100)).toBeUndefined();
  });

  it('refuses unsatisfiable ranges', () => {
    expect(() => parseRange('bytes=100-', 100)).toThrow(StorageError);
    expect(() => parseRange('bytes=9-3', 100)).toThrow(StorageError);
    expect(() => parseRange('bytes=-0', 100)).toThrow(StorageError);
  });
});
