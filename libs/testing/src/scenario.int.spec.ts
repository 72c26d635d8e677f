// The builder's short forms against the stack: what the README promises is what the database gets.
import { addDays, isoWeekday, localDate, zonedParts } from '@carebook/domain';
import { describe, expect, it } from 'vitest';
import { iso, patient, scenario, service } from './index.ts';

/** The next Monday at least a week ahead in a zone, as a local date. */
function mondayAhead(zone: string): string {
  let date = addDays(localDate(zone, Date.now()), 7);
  while (isoWeekday(date) !== 1) date = addDays(date, 1);
  return date;
}

describe('scenario()', () => {
  it('reads weekdays and hours as text, and books a local wall-clock time for a given patient', async () => {
    const ana = await patient();
    const monday = mondayAhead('Europe/Paris');
    const s = await scenario()
      .practitioner({ timeZone: 'Europe/Paris' })
      .weeklyHours('mon-fri', '09:00-18:00')
      .type({ minutes: 30, price: 6000 })
      .published()
      .booked(ana, `${monday}T09:00`)
      .build();

    const rules = await s.practitioner.client
      .from('availability_rules')
      .select('weekday, start_time, end_time')
      .order('weekday');
    expect(rules.data).toEqual(
      [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start_time: '09:00:00', end_time: '18:00:00' })),
    );
    expect(s.type).toMatchObject({ duration_minutes: 30, price_cents: 6000 });
    expect(s.appointments).toHaveLength(1);
    const [booked] = s.appointments;
    expect(booked).toMatchObject({ patient_id: ana.id, status: 'held' });
    expect(iso(booked!.starts_at)).toBe(s.at(monday, '09:00'));
    // Read back on the Paris wall clock, whatever the time of year.
    expect(zonedParts('Europe/Paris', Date.parse(booked!.starts_at))).toEqual({
      date: monday,
      time: '09:00',
      isoWeekday: 1,
    });
  });

  it('keeps a draft out of sight', async () => {
    const s = await scenario().practitioner().draft().weeklyHours('daily', '09:00-12:00').type().build();
    const seen = await service()
      .from('practitioners')
      .select('published')
      .eq('id', s.practitioner.id)
      .single();
    expect(seen.data).toEqual({ published: false });
  });
});
