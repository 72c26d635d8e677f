// public.profiles through the gateway with real JWTs: who reads and changes which row.
import { describe, expect, it } from 'vitest';
import { anon, patient, service, user } from '@carebook/testing';

describe('profiles', () => {
  it('are created at sign-up with the role chosen there', async () => {
    const patient = await user('patient', { meta: { locale: 'en' } });
    const practitioner = await user('practitioner');
    const p = await patient.client.from('profiles').select('*').single();
    expect(p.error).toBeNull();
    expect(p.data).toMatchObject({ id: patient.id, email: patient.email, role: 'patient', locale: 'en', full_name: 'Test patient' });
    const q = await practitioner.client.from('profiles').select('role, locale').single();
    expect(q.data).toEqual({ role: 'practitioner', locale: 'fr' });
  });

  it('never become staff from sign-up metadata', async () => {
    const user = await patient({ meta: { role: 'staff' } });
    const { data } = await user.client.from('profiles').select('role').single();
    expect(data?.role).toBe('patient');
  });

  it('are readable by their owner only, and by staff', async () => {
    const a = await patient();
    const b = await patient();
    const staff = await user('staff');
    const mine = await a.client.from('profiles').select('id');
    expect(mine.data).toEqual([{ id: a.id }]);
    const other = await a.client.from('profiles').select('id').eq('id', b.id);
    expect(other.data).toEqual([]);
    const all = await staff.client.from('profiles').select('id').in('id', [a.id, b.id, staff.id]);
    expect(all.data?.map((r) => r.id).sort()).toEqual([a.id, b.id, staff.id].sort());
  });

  it('are invisible to anonymous callers', async () => {
    await patient();
    const res = await anon().from('profiles').select('id');
    expect(res.error).toBeNull();
    expect(res.data).toEqual([]);
  });

  it('let their owner change name and language, and nobody else', async () => {
    const a = await patient();
    const b = await patient();
    const ok = await a.client.from('profiles').update({ full_name: 'Élodie Durand', locale: 'en' }).eq('id', a.id).select().single();
    expect(ok.error).toBeNull();
    expect(ok.data).toMatchObject({ full_name: 'Élodie Durand', locale: 'en' });
    const theirs = await a.client.from('profiles').update({ full_name: 'hijacked' }).eq('id', b.id).select();
    expect(theirs.data).toEqual([]);
    const check = await service().from('profiles').select('full_name').eq('id', b.id).single();
    expect(check.data?.full_name).toBe('Test patient');
  });

  it('refuse a change of role by the user, even their own', async () => {
    const a = await patient();
    const res = await a.client.from('profiles').update({ role: 'staff' }).eq('id', a.id);
    expect(res.error?.code).toBe('42501');
    expect(res.status).toBe(403);
    const { data } = await service().from('profiles').select('role').eq('id', a.id).single();
    expect(data?.role).toBe('patient');
  });

  it('cannot be inserted or deleted by users', async () => {
    const a = await patient();
    const ins = await a.client.from('profiles').insert({ id: crypto.randomUUID(), role: 'patient' });
    expect(ins.error?.code).toBe('42501');
    const del = await a.client.from('profiles').delete().eq('id', a.id);
    expect(del.error?.code).toBe('42501');
    const still = await service().from('profiles').select('id').eq('id', a.id);
    expect(still.data).toHaveLength(1);
  });

  it('follow the user’s e-mail and disappear with the user', async () => {
    const a = await patient();
    const admin = service();
    const newEmail = `renamed-${a.id}@tests.carebook.test`;
    const upd = await admin.auth.admin.updateUserById(a.id, { email: newEmail, email_confirm: true });
    expect(upd.error).toBeNull();
    expect((await admin.from('profiles').select('email').eq('id', a.id).single()).data?.email).toBe(newEmail);
    expect((await admin.auth.admin.deleteUser(a.id)).error).toBeNull();
    expect((await admin.from('profiles').select('id').eq('id', a.id)).data).toEqual([]);
  });
});
