// Who is staff is written by the service role only (profiles.role follows, and both are audited);
// content pages are edited by staff and read by everybody once published.
import { describe, expect, it } from 'vitest';
import { anon, patient, practitioner, service, uniqueSlug, user } from '@carebook/testing';

async function role(id: string): Promise<string | undefined> {
  return (await service().from('profiles').select('role').eq('id', id).single()).data?.role;
}

describe('staff_members', () => {
  it('cannot be written by users, staff included', async () => {
    const patient = await user('patient');
    const staff = await user('staff');
    const self = await patient.client.from('staff_members').insert({ user_id: patient.id });
    expect(self.error?.code).toBe('42501');
    const byStaff = await staff.client.from('staff_members').insert({ user_id: patient.id });
    expect(byStaff.error?.code).toBe('42501');
    const removal = await staff.client.from('staff_members').delete().eq('user_id', staff.id);
    expect(removal.error?.code).toBe('42501');
    expect(await role(patient.id)).toBe('patient');
    expect(await role(staff.id)).toBe('staff');
  });

  it('is read by staff only', async () => {
    const staff = await user('staff');
    const practitioner = await user('practitioner');
    expect((await staff.client.from('staff_members').select('user_id').eq('user_id', staff.id)).data).toEqual(
      [{ user_id: staff.id }],
    );
    expect((await practitioner.client.from('staff_members').select('user_id')).data).toEqual([]);
    expect((await anon().from('staff_members').select('user_id')).error?.code).toBe('42501');
  });

  it('is granted and revoked by the service role; profiles.role follows and both are audited', async () => {
    const user = await practitioner();
    const admin = service();
    expect((await admin.from('staff_members').insert({ user_id: user.id })).error).toBeNull();
    expect(await role(user.id)).toBe('staff');
    // The user's next request already counts as staff: the role is read per request, not from the token.
    expect((await user.client.from('staff_members').select('user_id').eq('user_id', user.id)).data).toEqual([
      { user_id: user.id },
    ]);

    expect((await admin.from('staff_members').delete().eq('user_id', user.id)).error).toBeNull();
    expect(await role(user.id)).toBe('practitioner');
    expect((await user.client.from('staff_members').select('user_id')).data).toEqual([]);

    const audit = await admin
      .from('audit_log')
      .select('action, table_name, old_values, new_values')
      .eq('record_id', user.id)
      .order('id');
    expect(audit.data?.map((a) => [a.action, a.table_name, a.old_values, a.new_values])).toEqual([
      ['staff_granted', 'staff_members', null, expect.objectContaining({ user_id: user.id })],
      ['role_changed', 'profiles', { role: 'practitioner' }, { role: 'staff' }],
      ['staff_revoked', 'staff_members', expect.objectContaining({ user_id: user.id }), null],
      ['role_changed', 'profiles', { role: 'staff' }, { role: 'practitioner' }],
    ]);
  });

  it('decides profiles.role: setting staff there directly is refused, even for the service role', async () => {
    const user = await patient();
    const res = await service().from('profiles').update({ role: 'staff' }).eq('id', user.id);
    expect(res.status).toBe(409);
    expect(res.error).toMatchObject({
      code: 'PT409',
      message: 'profiles.role is staff exactly for staff members',
    });
    expect(await role(user.id)).toBe('patient');
  });
});

describe('content pages', () => {
  it('are read by everybody once published, drafts by staff only', async () => {
    const staff = await user('staff');
    const patient = await user('patient');
    const slug = uniqueSlug('cgu');
    const made = await staff.client
      .from('content_pages')
      .insert([
        { slug, locale: 'fr', title: 'Conditions générales', body_md: '## Article 1', published: false },
        { slug, locale: 'en', title: 'Terms', body_md: '## Article 1', published: false },
      ])
      .select('id, locale, updated_by');
    expect(made.error).toBeNull();
    expect(made.data?.every((p) => p.updated_by === staff.id)).toBe(true);

    const readers = [anon(), patient.client];
    for (const client of readers)
      expect((await client.from('content_pages').select('locale').eq('slug', slug)).data).toEqual([]);
    // locale is an enum: it sorts in its declared order, French first.
    expect(
      (await staff.client.from('content_pages').select('locale').eq('slug', slug).order('locale')).data,
    ).toEqual([{ locale: 'fr' }, { locale: 'en' }]);

    const published = await staff.client
      .from('content_pages')
      .update({ published: true })
      .eq('slug', slug)
      .eq('locale', 'fr')
      .select('published')
      .single();
    expect(published.data).toEqual({ published: true });
    for (const client of readers) {
      expect(
        (await client.from('content_pages').select('locale, title, body_md').eq('slug', slug)).data,
      ).toEqual([{ locale: 'fr', title: 'Conditions générales', body_md: '## Article 1' }]);
    }
  });

  it('are edited by staff only, one page per slug and locale', async () => {
    const staff = await user('staff');
    const otherStaff = await user('staff');
    const practitioner = await user('practitioner');
    const slug = uniqueSlug('aide');
    const page = await staff.client
      .from('content_pages')
      .insert({ slug, locale: 'fr', title: 'Aide', published: true })
      .select('id')
      .single();
    expect(page.error).toBeNull();
    const id = page.data?.id as string;

    const duplicate = await staff.client
      .from('content_pages')
      .insert({ slug, locale: 'fr', title: 'Aide bis' });
    expect([duplicate.status, duplicate.error?.code]).toEqual([409, '23505']);
    const inserted = await practitioner.client
      .from('content_pages')
      .insert({ slug: uniqueSlug('spam'), locale: 'fr', title: 'Spam', published: true });
    expect(inserted.error?.code).toBe('42501');
    const edited = await practitioner.client
      .from('content_pages')
      .update({ title: 'Piraté' })
      .eq('id', id)
      .select();
    expect(edited.data).toEqual([]);
    const removed = await practitioner.client.from('content_pages').delete().eq('id', id).select();
    expect(removed.data).toEqual([]);

    const byOther = await otherStaff.client
      .from('content_pages')
      .update({ body_md: 'Nouvelle aide' })
      .eq('id', id)
      .select('title, body_md, updated_by')
      .single();
    expect(byOther.data).toEqual({ title: 'Aide', body_md: 'Nouvelle aide', updated_by: otherStaff.id });
    expect((await staff.client.from('content_pages').delete().eq('id', id).select('id')).data).toEqual([
      { id },
    ]);
  });
});
