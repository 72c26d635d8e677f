import { describe, expect, it } from 'vitest';
import { formatInstantRange, parseInstantRange } from './ranges.ts';

describe('instant ranges', () => {
  it('reads what PostgREST sends for a tstzrange', () => {
    expect(parseInstantRange('["2027-03-01 09:00:00+00","2027-03-01 10:30:00+00")')).toEqual({
      from: '2027-03-01T09:00:00.000Z',
      to: '2027-03-01T10:30:00.000Z',
    });
    expect(parseInstantRange('["2027-03-01 09:00:00+01","2027-03-01 15:00:00.5+05:30")')).toEqual({
      from: '2027-03-01T08:00:00.000Z',
      to: '2027-03-01T09:30:00.500Z',
    });
  });

  it('refuses empty, unbounded, inverted and malformed ranges', () => {
    for (const text of ['empty', '[2027-03-01 09:00:00+00,)', '(,2027-03-01 09:00:00+00)', '[b,a)', '']) {
      expect(parseInstantRange(text), text).toBeNull();
    }
    expect(parseInstantRange('["2027-03-01 10:00:00+00","2027-03-01 09:00:00+00")')).toBeNull();
  });

  it('writes a literal that reads back the same', () => {
    const range = { from: '2027-10-31T00:30:00.000Z', to: '2027-10-31T02:00:00.000Z' };
    expect(formatInstantRange(range)).toBe('[2027-10-31T00:30:00.000Z,2027-10-31T02:00:00.000Z)');
    expect(parseInstantRange(formatInstantRange(range))).toEqual(range);
  });
});
