// A patient keeps reading who their appointment is with after the practitioner stops being
// published (suspended here; an ended subscription works the same way), and the type they booked
// even once it is deactivated. Nobody else gains anything.
import { describe, expect, it } from 'vitest';
import { scenario, service, user } from '@carebook/testing';

describe('practitioners of one’s own appointments', () => {
  it('stay readable by their patients after unpublishing; others still see nothing', async () => {
    const patient = await user('patient');
    const stranger = await user('patient');
    const s = await scenario()
      .practitioner()
      .weeklyHours('mon-sun', '09:00-17:00')
      .type({ minutes: 30 })
      .booked({ day: 3, at: '10:00', patient })
      .build();

    const suspended = await service()
      .from('practitioners')
      .update({ verification_status: 'suspended', status_reason: 'Plainte en cours d’examen' })
      .eq('id', s.practitioner.id);
    expect(suspended.error).toBeNull();
    const deactivated = await service().from('consultation_types').update({ active: false }).eq('id', s.type.id);
    expect(deactivated.error).toBeNull();

    const mine = await patient.client
      .from('appointments')
      .select('id, practitioners(slug, display_name, time_zone), consultation_types(name_fr)')
      .eq('id', s.appointments[0]!.id)
      .single();
    expect(mine.error).toBeNull();
    expect(mine.data?.practitioners?.display_name).toBeTruthy();
    expect(mine.data?.practitioners?.time_zone).toBe(s.timeZone);
    expect(mine.data?.consultation_types?.name_fr).toBeTruthy();

    for (const who of [stranger.client, (await user('practitioner')).client]) {
      const read = await who.from('practitioners').select('id').eq('id', s.practitioner.id);
      expect(read.data).toEqual([]);
      const types = await who.from('consultation_types').select('id').eq('id', s.type.id);
      expect(types.data).toEqual([]);
    }
  });
});
