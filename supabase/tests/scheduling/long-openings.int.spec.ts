// Openings that run over several days (extra openings across midnight), and ones that never end:
// the slot grid must not depend on how wide a window the caller asks for, or booking would
// refuse what the list offered and accept what it did not; and no opening may cost more than the
// asked window.
import { describe, expect, it } from 'vitest';
import { addDays, localDate, zonedInstant } from '@carebook/domain';
import { scenario, sql, user } from '@carebook/testing';

const zone = 'Europe/Paris';
const local = (days: number, time: string) =>
  new Date(zonedInstant(zone, addDays(localDate(zone, Date.now()), days), time)).toISOString();

describe('an extra opening over several days', () => {
  it('offers the same grid whatever the window, and booking agrees with the list', async () => {
    const s = await scenario()
      .practitioner({ timeZone: zone })
      .type({ minutes: 30, step: 15, notice: 0 })
      .extra(local(2, '18:00'), local(5, '12:00'))
      // A short time off at the very start: it removes the starts it covers and moves nothing.
      .timeOff(local(2, '18:00'), local(2, '18:10'))
      .build();
    const wide = (await s.slots(local(2, '00:00'), local(6, '00:00'))).map((x) => x.starts_at);
    const narrow = (await s.slots(local(5, '00:00'), local(6, '00:00'))).map((x) => x.starts_at);
    const day5 = wide.filter((t) => t >= local(5, '00:00'));
    expect(day5).toEqual(narrow);
    // Each local day's grid starts at midnight once the opening runs through it.
    expect(narrow).toContain(local(5, '10:00'));
    expect(wide).not.toContain(local(2, '18:00'));
    expect(wide).not.toContain(local(2, '18:10'));
    expect(wide).toContain(local(2, '18:15'));

    const patient = await user('patient');
    expect((await s.book(patient, local(5, '10:00'))).error).toBeNull();
    const offGrid = await s.book(await user('patient'), local(5, '10:55'));
    expect(offGrid.status).toBe(409);
  });
});

describe('an opening or busy time without an end', () => {
  it('is refused with a clear 400 instead of making every slot request run forever', async () => {
    const s = await scenario().practitioner({ timeZone: zone }).type({ minutes: 30 }).build();
    const client = s.practitioner.client;
    const forever = await client
      .from('availability_exceptions')
      .insert({
        practitioner_id: s.practitioner.id,
        kind: 'extra',
        during: `[${local(3, '09:00')},infinity)`,
      });
    expect(forever.status).toBe(400);
    expect(forever.error?.code).toBe('23514');
    const rows = await sql(
      `select count(*)::int as n from public.availability_exceptions where practitioner_id = $1`,
      [s.practitioner.id],
    );
    expect(rows[0]).toEqual({ n: 0 });
  });
});
