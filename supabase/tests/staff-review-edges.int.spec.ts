// Staff actions that reach practitioners' rows indirectly, and a staff member who is also a
// practitioner: found by review, each pinned here.
import { describe, expect, it } from 'vitest';
import {
  advance,
  createPractitionerProfile,
  practitioner,
  publishedPractitioner,
  service,
  sql,
  staff,
  uniqueLetters,
  user,
} from '@carebook/testing';

async function specialtyFor(profession: string): Promise<{ id: string; code: string }> {
  const code = `edge_${uniqueLetters(12)}`;
  const { data, error } = await service()
    .from('specialties')
    .insert({ profession_code: profession, code, name_fr: 'Herboristerie', name_en: 'Herbalism' })
    .select('id, code')
    .single();
  if (error) throw error;
  return data;
}

const searchTextOf = async (id: string) =>
  (await sql<{ search_text: string }>(`select search_text from public.practitioners where id = $1`, [id]))[0]!
    .search_text;

describe('staff editing the catalogue', () => {
  it('can remove a specialty that practitioners offer, and their search text follows', async () => {
    const practitioner = await publishedPractitioner();
    const staff = await user('staff');
    const specialty = await specialtyFor('psychologist');
    const add = await practitioner.client
      .from('practitioner_specialties')
      .insert({ practitioner_id: practitioner.id, specialty_id: specialty.id });
    expect(add.error).toBeNull();
    expect(await searchTextOf(practitioner.id)).toContain('herboristerie');

    const removed = await staff.client.from('specialties').delete().eq('id', specialty.id);
    expect(removed.error).toBeNull();
    expect(await searchTextOf(practitioner.id)).not.toContain('herboristerie');
  });

  it('renaming a specialty renames it in the search text of those who offer it', async () => {
    const practitioner = await publishedPractitioner();
    const staff = await user('staff');
    const specialty = await specialtyFor('psychologist');
    await practitioner.client
      .from('practitioner_specialties')
      .insert({ practitioner_id: practitioner.id, specialty_id: specialty.id });
    const renamed = await staff.client
      .from('specialties')
      .update({ name_en: 'Phytotherapy' })
      .eq('id', specialty.id);
    expect(renamed.error).toBeNull();
    const text = await searchTextOf(practitioner.id);
    expect(text).toContain('phytotherapy');
    expect(text).not.toContain('herbalism');
  });
});

describe('a staff member who is also a practitioner', () => {
  it('cannot approve their own profile; another staff member can', async () => {
    const both = await practitioner();
    await createPractitionerProfile(both);
    await advance(both.id, 'submitted');
    const { error: grant } = await service().from('staff_members').insert({ user_id: both.id });
    expect(grant).toBeNull();

    const self = await both.client.rpc('review_practitioner', {
      p_practitioner_id: both.id,
      p_action: 'approve',
    });
    expect(self.status).toBe(403);
    expect(self.error?.message).toMatch(/own profile/);
    const [row] = await sql<{ verification_status: string }>(
      `select verification_status from public.practitioners where id = $1`,
      [both.id],
    );
    expect(row!.verification_status).toBe('submitted');

    const other = await staff();
    const approved = await other.client.rpc('review_practitioner', {
      p_practitioner_id: both.id,
      p_action: 'approve',
    });
    expect(approved.error).toBeNull();
  });
});
