import { describe, expect, it } from 'vitest';
import { StorageError } from './errors.ts';
import { DEFAULT_GLOBAL_LIMIT, effectiveLimit, parseApiSize, parseConfigSize } from './size.ts';

describe('config.toml sizes (binary units, as the Supabase CLI reads them)', () => {
  it.each([
    ['10MiB', 10 * 1024 * 1024],
    ['10MB', 10 * 1024 * 1024],
    ['10M', 10 * 1024 * 1024],
    ['512KiB', 512 * 1024],
    ['1.5GiB', 1.5 * 1024 ** 3],
    ['100', 100],
    ['7B', 7],
    [' 2 mib ', 2 * 1024 * 1024],
  ])('%s is %d bytes', (text, bytes) => {
    expect(parseConfigSize(text)).toBe(bytes);
  });

  it('accepts a plain byte count as a number', () => {
    expect(parseConfigSize(2048)).toBe(2048);
  });

  it('rejects what it cannot read, naming the value', () => {
    expect(() => parseConfigSize('ten megs')).toThrow(/ten megs/);
    expect(() => parseConfigSize(-1)).toThrow();
  });

  it('has hosted default of 50 MiB as the global cap', () => {
    expect(DEFAULT_GLOBAL_LIMIT).toBe(52_428_800);
  });
});

describe('bucket API sizes (decimal units, as Storage reads them)', () => {
  it.each([
    ['20GB', 20e9],
    ['20MB', 20e6],
    ['30KB', 30e3],
    ['3B', 3],
    ['1.5mb', 1.5e6],
  ])('%s is %d bytes', (text, bytes) => {
    expect(parseApiSize(text)).toBe(bytes);
  });

  it('takes numbers as bytes', () => {
    expect(parseApiSize(1000)).toBe(1000);
  });

  it('answers Storage invalid-size error for other notations', () => {
    expect(() => parseApiSize('10MiB')).toThrow(StorageError);
    expect(() => parseApiSize('10MiB')).toThrow(/Invalid file size format/);
  });
});

describe('effective upload cap', () => {
  it('is the bucket limit, never above the global one', () => {
    expect(effectiveLimit(1000, '200')).toBe(200);
    expect(effectiveLimit(1000, 5000)).toBe(1000);
    expect(effectiveLimit(1000, null)).toBe(1000);
    expect(effectiveLimit(1000, 0)).toBe(1000);
  });
});
