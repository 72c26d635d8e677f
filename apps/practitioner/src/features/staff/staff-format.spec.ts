import { describe, expect, it } from 'vitest';
import { nextDay, pageCount, startOfDayIn, waitingTime } from './staff-format.ts';

describe('waitingTime', () => {
  const now = new Date('2027-03-10T12:00:00Z');
  it('counts minutes, then hours, then days', () => {
    expect(waitingTime('2027-03-10T11:59:30Z', now)).toEqual({ unit: 'minutes', n: 0 });
    expect(waitingTime('2027-03-10T11:15:00Z', now)).toEqual({ unit: 'minutes', n: 45 });
    expect(waitingTime('2027-03-10T09:00:00Z', now)).toEqual({ unit: 'hours', n: 3 });
    expect(waitingTime('2027-03-07T11:00:00Z', now)).toEqual({ unit: 'days', n: 3 });
  });
  it('never goes negative on a clock ahead of ours', () => {
    expect(waitingTime('2027-03-10T12:05:00Z', now)).toEqual({ unit: 'minutes', n: 0 });
  });
});

describe('pageCount', () => {
  it('rounds up and is at least one', () => {
    expect([pageCount(0, 20), pageCount(20, 20), pageCount(21, 20)]).toEqual([1, 1, 2]);
  });
});

describe('startOfDayIn', () => {
  it('gives midnight in the zone, across DST changes', () => {
    expect(startOfDayIn('2027-01-15', 'Europe/Paris')).toBe('2027-01-14T23:00:00.000Z');
    expect(startOfDayIn('2027-07-15', 'Europe/Paris')).toBe('2027-07-14T22:00:00.000Z');
    expect(startOfDayIn('2027-03-28', 'Europe/Paris')).toBe('2027-03-27T23:00:00.000Z');
    expect(startOfDayIn('2027-01-15', 'UTC')).toBe('2027-01-15T00:00:00.000Z');
  });
  it('refuses a malformed day', () => {
    expect(startOfDayIn('15/01/2027', 'UTC')).toBeNull();
  });
  it('steps to the next day across months', () => {
    expect(nextDay('2027-02-28')).toBe('2027-03-01');
  });
});
