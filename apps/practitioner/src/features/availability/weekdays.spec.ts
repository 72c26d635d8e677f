import { describe, expect, it } from 'vitest';
import { slotsByDay, weekdayName } from './weekdays.ts';

describe('weekdays', () => {
  it('names ISO weekdays in each language, Monday first', () => {
    expect(weekdayName(1, 'fr')).toBe('lundi');
    expect(weekdayName(7, 'fr')).toBe('dimanche');
    expect(weekdayName(3, 'en')).toBe('Wednesday');
  });

  it('groups slots by their local date in the zone, not in UTC', () => {
    const slots = [
      { startsAt: '2027-03-01T23:30:00.000Z' }, // 00:30 on 2 March in Paris
      { startsAt: '2027-03-01T08:00:00.000Z' },
      { startsAt: '2027-03-01T09:00:00.000Z' },
    ];
    expect(slotsByDay(slots, 'Europe/Paris')).toEqual([
      { date: '2027-03-01', slots: [slots[1], slots[2]] },
      { date: '2027-03-02', slots: [slots[0]] },
    ]);
  });
});
