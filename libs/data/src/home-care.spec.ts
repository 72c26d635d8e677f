import { describe, expect, it } from 'vitest';
import { parseRange } from './home-care.ts';

describe('parseRange', () => {
  it('reads the ranges PostgREST writes, whatever the offset', () => {
    expect(parseRange('["2027-03-01 08:00:00+00","2027-03-01 10:00:00+00")')).toEqual([
      '2027-03-01T08:00:00.000Z',
      '2027-03-01T10:00:00.000Z',
    ]);
    expect(parseRange('["2027-03-01 08:00:00+05:30","2027-03-01 10:00:00.5+01")')).toEqual([
      '2027-03-01T02:30:00.000Z',
      '2027-03-01T09:00:00.500Z',
    ]);
  });

  it('refuses what is not a range of instants', () => {
    expect(() => parseRange('[tomorrow,later)')).toThrow(RangeError);
  });
});
