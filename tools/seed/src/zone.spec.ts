import { describe, expect, it } from 'vitest';
import { DAY_MS, isoUtc, isoWeekday, localDayOf, localToUtc, minutesOf, offsetAt } from './zone.ts';

const dayOf = (date: string) => Date.parse(`${date}T00:00:00Z`) / DAY_MS;
const at = (tz: string, date: string, time: string) =>
  new Date(localToUtc(tz, dayOf(date), minutesOf(time))).toISOString();

describe('localToUtc', () => {
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
});

describe('offsetAt and localDayOf', () => {
  it('reads the offset in force at an instant', () => {
    expect(offsetAt('Europe/Paris', Date.parse('2026-01-10T12:00:00Z'))).toBe(3_600_000);
    expect(offsetAt('Europe/Paris', Date.parse('2026-07-10T12:00:00Z'))).toBe(7_200_000);
    expect(offsetAt('America/Martinique', Date.parse('2026-07-10T12:00:00Z'))).toBe(-4 * 3_600_000);
  });

  it('gives the local calendar day, which may differ from the UTC one', () => {
    expect(localDayOf('Europe/Paris', Date.parse('2026-11-20T23:30:00Z'))).toBe(dayOf('2026-11-21'));
    expect(localDayOf('America/Martinique', Date.parse('2026-11-21T02:00:00Z'))).toBe(dayOf('2026-11-20'));
  });
});

describe('isoWeekday', () => {
  it('numbers Monday 1 to Sunday 7', () => {
    expect(isoWeekday(dayOf('2026-11-23'))).toBe(1);
    expect(isoWeekday(dayOf('2026-11-21'))).toBe(6);
    expect(isoWeekday(dayOf('2026-11-22'))).toBe(7);
    expect(isoWeekday(dayOf('1969-12-29'))).toBe(1);
  });
});

describe('isoUtc', () => {
  it('formats exactly like Date#toISOString', () => {
    const samples = [
      0,
      1,
      999,
      60_000,
      Date.parse('2026-03-29T01:00:00Z'),
      Date.parse('2026-12-31T23:59:59.999Z'),
    ];
    for (let i = 0; i < 2000; i++) samples.push(Date.parse('2026-01-01T00:00:00Z') + i * 7_919_993);
    for (const ms of samples) expect(isoUtc(ms)).toBe(new Date(ms).toISOString());
  });
});
