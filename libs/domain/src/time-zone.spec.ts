import { describe, expect, it } from 'vitest';
import {
  addDays,
  DAY_MS,
  dateOfDay,
  dayOfDate,
  isoWeekday,
  localDate,
  localDayOf,
  localToInstant,
  minutesToTime,
  nextOffsetChange,
  offsetAt,
  offsetChanges,
  offsetMinutes,
  timeToMinutes,
  zonedInstant,
  zonedParts,
} from './time-zone.ts';

const iso = (ms: number) => new Date(ms).toISOString();
const at = (zone: string, date: string, time: string) => iso(zonedInstant(zone, date, time));

describe('localToInstant and zonedInstant', () => {
  it('keeps 09:00 at 09:00 local on both Paris DST days (29 March and 25 October 2026)', () => {
    expect(at('Europe/Paris', '2026-03-28', '09:00')).toBe('2026-03-28T08:00:00.000Z');
    expect(at('Europe/Paris', '2026-03-29', '09:00')).toBe('2026-03-29T07:00:00.000Z');
    expect(at('Europe/Paris', '2026-10-24', '09:00')).toBe('2026-10-24T07:00:00.000Z');
    expect(at('Europe/Paris', '2026-10-25', '09:00')).toBe('2026-10-25T08:00:00.000Z');
  });

  it('handles midnight on a change day and zones without DST', () => {
    expect(at('Europe/Paris', '2026-03-29', '00:00')).toBe('2026-03-28T23:00:00.000Z');
    expect(at('Europe/Paris', '2026-10-26', '00:00')).toBe('2026-10-25T23:00:00.000Z');
    expect(at('America/Martinique', '2026-07-01', '09:30')).toBe('2026-07-01T13:30:00.000Z');
    expect(at('Indian/Reunion', '2026-01-15', '18:45')).toBe('2026-01-15T14:45:00.000Z');
    expect(at('America/New_York', '2026-03-08', '09:00')).toBe('2026-03-08T13:00:00.000Z');
  });

  it('reads a time in a spring-forward gap with the offset from before the change, like Postgres', () => {
    expect(at('Europe/Paris', '2026-03-29', '02:30')).toBe('2026-03-29T01:30:00.000Z'); // 03:30 CEST
    expect(at('Europe/Paris', '2027-03-28', '02:30')).toBe('2027-03-28T01:30:00.000Z');
    expect(at('America/New_York', '2027-03-14', '02:30')).toBe('2027-03-14T07:30:00.000Z'); // 03:30 EDT
    expect(at('America/New_York', '2027-03-14', '01:59')).toBe('2027-03-14T06:59:00.000Z');
    expect(at('America/New_York', '2027-03-14', '03:00')).toBe('2027-03-14T07:00:00.000Z');
  });

  it('reads a repeated fall-back time with the offset from after the change (the second one)', () => {
    expect(at('Europe/Paris', '2026-10-25', '02:30')).toBe('2026-10-25T01:30:00.000Z');
    expect(at('Europe/Paris', '2027-10-31', '02:30')).toBe('2027-10-31T01:30:00.000Z');
    expect(at('Europe/Paris', '2027-10-31', '01:59')).toBe('2027-10-30T23:59:00.000Z');
    expect(at('America/New_York', '2027-11-07', '01:30')).toBe('2027-11-07T06:30:00.000Z');
    expect(at('America/New_York', '2027-11-07', '00:59')).toBe('2027-11-07T04:59:00.000Z');
    expect(at('Australia/Lord_Howe', '2027-04-04', '01:45')).toBe('2027-04-03T15:15:00.000Z');
  });

  it('takes minutes as well as times, and day numbers as well as dates', () => {
    expect(zonedInstant('Europe/Paris', '2026-07-01', 9 * 60)).toBe(Date.parse('2026-07-01T07:00:00Z'));
    expect(localToInstant('Europe/Paris', dayOfDate('2026-07-01'), 9 * 60)).toBe(
      Date.parse('2026-07-01T07:00:00Z'),
    );
  });
});

describe('offsets', () => {
  it('reads the offset in force at an instant', () => {
    expect(offsetAt('Europe/Paris', Date.parse('2026-01-10T12:00:00Z'))).toBe(3_600_000);
    expect(offsetAt('Europe/Paris', Date.parse('2026-07-10T12:00:00Z'))).toBe(7_200_000);
    expect(offsetAt('America/Martinique', Date.parse('2026-07-10T12:00:00Z'))).toBe(-4 * 3_600_000);
    expect(offsetMinutes('Europe/Paris', Date.parse('2026-01-10T12:00:00Z'))).toBe(60);
    expect(offsetMinutes('America/St_Johns', Date.parse('2026-01-10T12:00:00Z'))).toBe(-210);
  });

  it('switches exactly at the change', () => {
    const change = Date.parse('2026-03-29T01:00:00Z');
    expect(offsetMinutes('Europe/Paris', change - 1)).toBe(60);
    expect(offsetMinutes('Europe/Paris', change)).toBe(120);
  });

  it('finds the changes in a range, to the minute', () => {
    const from = Date.parse('2026-01-01T00:00:00Z');
    const to = Date.parse('2026-12-31T00:00:00Z');
    expect(offsetChanges('Europe/Paris', from, to).map(iso)).toEqual([
      '2026-03-29T01:00:00.000Z',
      '2026-10-25T01:00:00.000Z',
    ]);
    expect(offsetChanges('America/New_York', from, to).map(iso)).toEqual([
      '2026-03-08T07:00:00.000Z',
      '2026-11-01T06:00:00.000Z',
    ]);
    expect(offsetChanges('Indian/Reunion', from, to)).toEqual([]);
  });

  it('finds the next change in a direction', () => {
    const from = Date.parse('2026-11-21T00:00:00Z');
    expect(iso(nextOffsetChange('Europe/Paris', 'forward', from)!)).toBe('2027-03-28T01:00:00.000Z');
    expect(iso(nextOffsetChange('Europe/Paris', 'back', from)!)).toBe('2027-10-31T01:00:00.000Z');
    expect(iso(nextOffsetChange('America/New_York', 'back', from)!)).toBe('2027-11-07T06:00:00.000Z');
    expect(nextOffsetChange('Asia/Kolkata', 'forward', from)).toBeUndefined();
  });
});

describe('local dates and parts', () => {
  it('gives the local calendar day, which may differ from the UTC one', () => {
    expect(localDayOf('Europe/Paris', Date.parse('2026-11-20T23:30:00Z'))).toBe(dayOfDate('2026-11-21'));
    expect(localDayOf('America/Martinique', Date.parse('2026-11-21T02:00:00Z'))).toBe(
      dayOfDate('2026-11-20'),
    );
    expect(localDate('Europe/Paris', Date.parse('2026-11-20T23:30:00Z'))).toBe('2026-11-21');
  });

  it('splits an instant into local date, time and weekday', () => {
    expect(zonedParts('Europe/Paris', Date.parse('2026-10-25T00:30:00Z'))).toEqual({
      date: '2026-10-25',
      time: '02:30',
      isoWeekday: 7,
    });
    expect(zonedParts('Europe/Paris', Date.parse('2026-10-25T01:30:59Z')).time).toBe('02:30');
    expect(zonedParts('America/New_York', Date.parse('2026-11-23T04:59:00Z'))).toEqual({
      date: '2026-11-22',
      time: '23:59',
      isoWeekday: 7,
    });
  });

  it('converts between dates and day numbers and adds days', () => {
    expect(dayOfDate('1970-01-02')).toBe(1);
    expect(dateOfDay(-1)).toBe('1969-12-31');
    expect(dayOfDate('2026-11-21') * DAY_MS).toBe(Date.parse('2026-11-21T00:00:00Z'));
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(() => dayOfDate('2026-3-1')).toThrow('Not a date');
  });
});

describe('isoWeekday', () => {
  it('numbers Monday 1 to Sunday 7', () => {
    expect(isoWeekday(dayOfDate('2026-11-23'))).toBe(1);
    expect(isoWeekday(dayOfDate('2026-11-21'))).toBe(6);
    expect(isoWeekday(dayOfDate('2026-11-22'))).toBe(7);
    expect(isoWeekday(dayOfDate('1969-12-29'))).toBe(1);
    expect(isoWeekday('2026-11-22')).toBe(7);
  });
});

describe('"HH:MM" and minutes', () => {
  it('parses times like Postgres', () => {
    expect(timeToMinutes('09:30')).toBe(570);
    expect(timeToMinutes('09:30:00')).toBe(570);
    expect(timeToMinutes('09:30:30')).toBe(570.5);
    expect(timeToMinutes('24:00')).toBe(1440);
    expect(() => timeToMinutes('9:30')).toThrow('Not a time');
  });

  it('formats minutes', () => {
    expect(minutesToTime(570)).toBe('09:30');
    expect(minutesToTime(0)).toBe('00:00');
    expect(minutesToTime(1435)).toBe('23:55');
  });
});
