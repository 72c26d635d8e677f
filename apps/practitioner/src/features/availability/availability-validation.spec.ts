import { describe, expect, it } from 'vitest';
import { exceptionIssue, nextRange, rangeIssue, type RangeDraft } from './availability-validation.ts';

const range = (key: string, start: string, end: string, more: Partial<RangeDraft> = {}): RangeDraft => ({
  key,
  weekday: 1,
  start,
  end,
  typeIds: null,
  validFrom: null,
  validUntil: null,
  ...more,
});

describe('weekly ranges', () => {
  it('refuses an end before (or at) the start, and a missing time', () => {
    expect(rangeIssue(range('a', '12:00', '09:00'), [])).toEqual({ kind: 'end_before_start' });
    expect(rangeIssue(range('a', '09:00', '09:00'), [])).toEqual({ kind: 'end_before_start' });
    expect(rangeIssue(range('a', '', '09:00'), [])).toEqual({ kind: 'missing_time' });
    expect(rangeIssue(range('a', '09:00', '24:30'), [])).toEqual({ kind: 'missing_time' });
    expect(rangeIssue(range('a', '9:00', '10:00'), [])).toEqual({ kind: 'missing_time' });
  });

  it('finds two ranges of one day that overlap, naming the other', () => {
    const a = range('a', '09:00', '12:00');
    const b = range('b', '11:30', '14:00');
    expect(rangeIssue(b, [a, b])).toEqual({ kind: 'overlap', with: a });
  });

  it('lets ranges touch, and leaves other days, other types and other dates alone', () => {
    const a = range('a', '09:00', '12:00');
    expect(rangeIssue(range('b', '12:00', '14:00'), [a])).toBeNull();
    expect(rangeIssue(range('b', '10:00', '11:00', { weekday: 2 }), [a])).toBeNull();
    const typed = range('t', '09:00', '12:00', { typeIds: ['x'] });
    expect(rangeIssue(range('b', '10:00', '11:00', { typeIds: ['y'] }), [typed])).toBeNull();
    expect(rangeIssue(range('b', '10:00', '11:00', { typeIds: ['y', 'x'] }), [typed])?.kind).toBe('overlap');
    // "All types" meets any typed range.
    expect(rangeIssue(range('b', '10:00', '11:00'), [typed])?.kind).toBe('overlap');
    const old = range('o', '09:00', '12:00', { validUntil: '2027-01-31' });
    expect(rangeIssue(range('b', '09:00', '12:00', { validFrom: '2027-02-01' }), [old])).toBeNull();
    expect(rangeIssue(range('b', '09:00', '12:00', { validFrom: '2027-01-31' }), [old])?.kind).toBe(
      'overlap',
    );
  });

  it('refuses validity dates in the wrong order', () => {
    expect(
      rangeIssue(range('a', '09:00', '10:00', { validFrom: '2027-02-01', validUntil: '2027-01-01' }), []),
    ).toEqual({
      kind: 'until_before_from',
    });
  });

  it('proposes the next range after the last one of the day', () => {
    expect(nextRange([])).toEqual({ start: '09:00', end: '12:00' });
    expect(nextRange([range('a', '09:00', '12:00')])).toEqual({ start: '13:00', end: '16:00' });
    expect(nextRange([range('a', '20:00', '23:00')])).toEqual({ start: '22:00', end: '23:59' });
  });
});

describe('exceptions', () => {
  const day = { fromDate: '2027-03-01', toDate: '2027-03-01' };
  it('accepts whole days and hours that end after they start', () => {
    expect(exceptionIssue({ ...day, fromTime: null, toTime: null })).toBeNull();
    expect(exceptionIssue({ ...day, fromTime: '09:00', toTime: '10:00' })).toBeNull();
    expect(
      exceptionIssue({ fromDate: '2027-03-01', toDate: '2027-03-02', fromTime: '18:00', toTime: '08:00' }),
    ).toBeNull();
  });
  it('says what is wrong', () => {
    expect(exceptionIssue({ ...day, fromTime: '10:00', toTime: '09:00' })).toBe('end_before_start');
    expect(
      exceptionIssue({ fromDate: '2027-03-02', toDate: '2027-03-01', fromTime: null, toTime: null }),
    ).toBe('end_before_start');
    expect(exceptionIssue({ ...day, fromTime: '09:00', toTime: null })).toBe('missing_time');
    expect(exceptionIssue({ fromDate: '', toDate: '2027-03-01', fromTime: null, toTime: null })).toBe(
      'missing_date',
    );
  });
});
