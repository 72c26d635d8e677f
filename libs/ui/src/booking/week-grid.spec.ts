import { describe, expect, it } from 'vitest';
import { groupSlotsByDay, weekStartAt, weekStartOf, weekWindow } from './week-grid.ts';

describe('the week grid', () => {
  it('starts weeks on Monday', () => {
    expect(weekStartOf('2027-01-04')).toBe('2027-01-04'); // a Monday
    expect(weekStartOf('2027-01-10')).toBe('2027-01-04'); // the Sunday after
    expect(weekStartOf('2027-01-11')).toBe('2027-01-11');
  });

  it('reads the week of an instant in the viewer zone, not UTC', () => {
    // Sunday 23:30 in UTC is already Monday in Paris.
    const at = Date.parse('2027-01-10T23:30:00Z');
    expect(weekStartAt('UTC', at)).toBe('2027-01-04');
    expect(weekStartAt('Europe/Paris', at)).toBe('2027-01-11');
  });

  it('bounds a week by local midnights, across a clock change', () => {
    // The week of the spring change in Paris (Sunday 28 March 2027) is 167 hours long.
    const w = weekWindow('Europe/Paris', '2027-03-22');
    expect(w.from).toBe('2027-03-21T23:00:00.000Z');
    expect(w.to).toBe('2027-03-28T22:00:00.000Z');
  });

  it('puts each slot under its local day, in time order, and drops slots of other weeks', () => {
    const days = groupSlotsByDay(
      [
        { startsAt: '2027-01-05T10:00:00Z' },
        { startsAt: '2027-01-05T08:00:00Z' },
        { startsAt: '2027-01-10T23:30:00Z' }, // Monday 11 in Paris: next week
        { startsAt: '2027-01-03T23:30:00Z' }, // Monday 4 in Paris
      ],
      'Europe/Paris',
      '2027-01-04',
    );
    expect(days.map((d) => d.date)).toEqual([
      '2027-01-04',
      '2027-01-05',
      '2027-01-06',
      '2027-01-07',
      '2027-01-08',
      '2027-01-09',
      '2027-01-10',
    ]);
    expect(days[0]?.slots).toEqual([{ startsAt: '2027-01-03T23:30:00.000Z', time: '00:30' }]);
    expect(days[1]?.slots.map((s) => s.time)).toEqual(['09:00', '11:00']);
    expect(days[6]?.slots).toEqual([]);
  });
});
