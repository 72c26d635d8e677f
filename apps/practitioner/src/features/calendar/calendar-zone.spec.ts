// The browser runs in another zone than the practitioner's: every conversion must ignore it.
// Europe/Paris changes clock on 2027-03-28 (02:00 -> 03:00) and 2027-10-31 (03:00 -> 02:00).
process.env.TZ = 'America/New_York';

import { describe, expect, it } from 'vitest';
import {
  addMinutes,
  instantFromFields,
  instantOf,
  localFields,
  minutesBetween,
  utcOffsetLabel,
} from './calendar-zone.ts';

const PARIS = 'Europe/Paris';

describe('calendar-zone', () => {
  it('runs with the machine in New York, not Paris', () => {
    expect(new Date('2027-03-28T12:00:00Z').getTimezoneOffset()).toBe(240);
  });

  it('reads strings with an offset as absolute instants', () => {
    expect(instantOf('2027-03-29T09:00:00+02:00', PARIS)).toBe('2027-03-29T07:00:00.000Z');
    expect(instantOf('2027-03-29T07:00:00Z', PARIS)).toBe('2027-03-29T07:00:00.000Z');
  });

  it('reads wall-clock strings in the practitioner zone on both sides of the spring change', () => {
    expect(instantOf('2027-03-27T09:00:00', PARIS)).toBe('2027-03-27T08:00:00.000Z'); // winter, UTC+1
    expect(instantOf('2027-03-28T09:00:00', PARIS)).toBe('2027-03-28T07:00:00.000Z'); // summer, UTC+2
    // 02:30 does not exist that night: read as Postgres reads it (03:30 summer time).
    expect(instantOf('2027-03-28T02:30', PARIS)).toBe('2027-03-28T01:30:00.000Z');
    // A date alone is that day's local midnight.
    expect(instantOf('2027-03-28', PARIS)).toBe('2027-03-27T23:00:00.000Z');
  });

  it('reads the autumn change: the week of 2027-10-31', () => {
    expect(instantOf('2027-10-30T09:00:00', PARIS)).toBe('2027-10-30T07:00:00.000Z'); // still summer
    expect(instantOf('2027-10-31T09:00:00', PARIS)).toBe('2027-10-31T08:00:00.000Z'); // winter again
    // The repeated hour: the second 02:30 (after the change), as Postgres does.
    expect(instantOf('2027-10-31T02:30', PARIS)).toBe('2027-10-31T01:30:00.000Z');
  });

  it('fills date and time fields in the practitioner zone and reads them back', () => {
    expect(localFields('2027-03-28T07:00:00.000Z', PARIS)).toEqual({ date: '2027-03-28', time: '09:00' });
    expect(localFields('2027-10-31T08:00:00.000Z', PARIS)).toEqual({ date: '2027-10-31', time: '09:00' });
    // Late evening in Paris is still the previous evening in New York: the fields follow Paris.
    expect(localFields('2027-03-28T22:30:00.000Z', PARIS)).toEqual({ date: '2027-03-29', time: '00:30' });
    expect(instantFromFields({ date: '2027-03-29', time: '00:30' }, PARIS)).toBe('2027-03-28T22:30:00.000Z');
    expect(instantFromFields({ date: '2027-10-31', time: '09:00' }, PARIS)).toBe('2027-10-31T08:00:00.000Z');
    expect(instantFromFields({ date: '', time: '09:00' }, PARIS)).toBeNull();
    expect(instantFromFields({ date: '2027-10-31', time: '9h' }, PARIS)).toBeNull();
  });

  it('names the offset in force, which changes within the DST weeks', () => {
    expect(utcOffsetLabel(PARIS, Date.parse('2027-03-27T12:00:00Z'))).toBe('UTC+01:00');
    expect(utcOffsetLabel(PARIS, Date.parse('2027-03-29T12:00:00Z'))).toBe('UTC+02:00');
    expect(utcOffsetLabel('America/St_Johns', Date.parse('2027-01-10T12:00:00Z'))).toBe('UTC-03:30');
  });

  it('counts lengths in real minutes: the night of the change is an hour shorter', () => {
    const evening = instantOf('2027-03-27T20:00', PARIS);
    const morning = instantOf('2027-03-28T08:00', PARIS);
    expect(minutesBetween(evening, morning)).toBe(11 * 60);
    expect(addMinutes(evening, 30)).toBe('2027-03-27T19:30:00.000Z');
  });
});
