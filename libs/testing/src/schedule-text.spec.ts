import { describe, expect, it } from 'vitest';
import { parseHours, parseWeekdays, readBookingTime } from './schedule-text.ts';

describe('parseWeekdays', () => {
  it('reads ranges, lists, single days and daily as ISO weekdays', () => {
    expect(parseWeekdays('mon-fri')).toEqual([1, 2, 3, 4, 5]);
    expect(parseWeekdays('mon,wed,fri')).toEqual([1, 3, 5]);
    expect(parseWeekdays('Sun')).toEqual([7]);
    expect(parseWeekdays('daily')).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(parseWeekdays('mon-tue,sat')).toEqual([1, 2, 6]);
  });

  it('wraps a range round the weekend', () => {
    expect(parseWeekdays('sat-mon')).toEqual([1, 6, 7]);
  });

  it('refuses what it cannot read instead of guessing', () => {
    expect(() => parseWeekdays('monday')).toThrow(/Unknown weekday "monday"/);
    expect(() => parseWeekdays('mon-wed-fri')).toThrow(/Cannot read weekdays/);
  });
});

describe('parseHours', () => {
  it('reads HH:MM-HH:MM', () => {
    expect(parseHours('09:00-18:00')).toEqual({ from: '09:00', to: '18:00' });
    expect(parseHours(' 00:00 - 23:45 ')).toEqual({ from: '00:00', to: '23:45' });
  });

  it('refuses other shapes', () => {
    for (const bad of ['9-18', '09:00', '09:00-24:00', '09:00-10:00-11:00']) {
      expect(() => parseHours(bad)).toThrow(/Cannot read opening hours/);
    }
  });
});

describe('readBookingTime', () => {
  it('reads a time without offset as local wall-clock time', () => {
    expect(readBookingTime('2027-03-01T09:00')).toEqual({ local: { date: '2027-03-01', time: '09:00' } });
  });

  it('keeps an instant with an offset as it is', () => {
    expect(readBookingTime('2027-03-01T08:00:00.000Z')).toEqual({ instant: '2027-03-01T08:00:00.000Z' });
    expect(readBookingTime('2027-03-01T09:00:00+01:00')).toEqual({ instant: '2027-03-01T09:00:00+01:00' });
  });

  it('refuses what is no time at all', () => {
    expect(() => readBookingTime('next monday')).toThrow(/Cannot read booking time/);
  });
});
