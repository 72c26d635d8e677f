// Which columns of a published practitioner each API role may read (migration
// 20261206083100_restrict_practitioner_columns.sql, decision 0009): anon only the public list, so
// an internal column added later is private unless a migration grants it; search still works.
import { describe, expect, it } from 'vitest';
import { anon, patient as newPatient, publishedPractitioner } from '@carebook/testing';

const PUBLIC_COLUMNS = [
  'id',
  'slug',
  'display_name',
  'profession_code',
  'bio_fr',
  'bio_en',
  'languages',
  'photo_path',
  'registration_number',
  'place_id',
  'formatted_address',
  'latitude',
  'longitude',
  'modes',
  'time_zone',
  'published',
];

describe('practitioner columns', () => {
  it('anon reads the public columns of a published practitioner, and nothing else', async () => {
    const practitioner = await publishedPractitioner();
    const listed = await anon()
      .from('practitioners')
      .select(PUBLIC_COLUMNS.join(','))
      .eq('id', practitioner.id)
      .single();
    expect(listed.error).toBeNull();
    expect(Object.keys(listed.data ?? {}).sort()).toEqual([...PUBLIC_COLUMNS].sort());

    for (const internal of [
      'submitted_at',
      'verified_at',
      'status_reason',
      'verification_status',
      'search_text',
      'created_at',
      '*',
    ]) {
      const { data, error } = await anon().from('practitioners').select(internal).eq('id', practitioner.id);
      expect(data, internal).toBeNull();
      expect(error, internal).toMatchObject({ code: '42501' });
    }
  });

  it('search still finds them for anon, by name and specialty text', async () => {
    const practitioner = await publishedPractitioner({ display_name: 'Dr Columnar Zephyrine' });
    const { data, error } = await anon().rpc('search_practitioners', { p_text: 'zephyrine', p_limit: 10 });
    expect(error).toBeNull();
    expect((data ?? []).map((r) => r.id)).toContain(practitioner.id);
  });

  it('the owner still reads their whole row; a patient reads the signed-in list', async () => {
    const practitioner = await publishedPractitioner();
    const own = await practitioner.client
      .from('practitioners')
      .select('*')
      .eq('id', practitioner.id)
      .single();
    expect(own.error).toBeNull();
    expect(own.data?.submitted_at).toEqual(expect.any(String));
    const patient = await newPatient();
    const seen = await patient.client
      .from('practitioners')
      .select('id, verification_status')
      .eq('id', practitioner.id)
      .single();
    expect(seen.data).toEqual({ id: practitioner.id, verification_status: 'verified' });
  });
});
