// Employer-sponsored access: an individual whose confirmed e-mail is on a client company's domain
// is linked to it; an unconfirmed address links nobody. Companies are managed by staff only.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  anon,
  confirmedUser,
  patient,
  service,
  sql,
  unconfirmedUser,
  uniqueLetters,
  user,
} from '@carebook/testing';

async function company(active = true): Promise<{ id: string; domain: string }> {
  const domain = `${uniqueLetters(10)}.example.com`;
  const { data, error } = await service()
    .from('companies')
    .insert({ name: `Company ${domain}`, email_domains: [domain], active })
    .select('id')
    .single();
  if (error) throw error;
  return { id: data.id, domain };
}

async function memberships(userId: string): Promise<string[]> {
  const { data, error } = await service().from('company_members').select('company_id').eq('user_id', userId);
  if (error) throw error;
  return data.map((m) => m.company_id);
}

const createUser = async (email: string, confirmed: boolean) =>
  (await (confirmed ? confirmedUser : unconfirmedUser)('patient', { email })).id;

describe('company linking', () => {
  it('links a user created with a confirmed address on the company domain', async () => {
    const c = await company();
    const id = await createUser(`alice.${randomUUID().slice(0, 8)}@${c.domain}`, true);
    expect(await memberships(id)).toEqual([c.id]);
  });

  it('links a user whose row arrives already confirmed, as a bulk load writes it', async () => {
    const c = await company();
    const id = randomUUID();
    // One INSERT with email_confirmed_at set: the profile trigger must have run before the link.
    await sql(
      `insert into auth.users (instance_id, id, aud, role, email, email_confirmed_at, raw_user_meta_data, raw_app_meta_data, created_at, updated_at)
       values ('00000000-0000-0000-0000-000000000000', $1, 'authenticated', 'authenticated', $2, now(), '{"role": "patient"}', '{}', now(), now())`,
      [id, `gina.${id.slice(0, 8)}@${c.domain}`],
      { as: 'supabase_auth_admin' },
    );
    expect(await memberships(id)).toEqual([c.id]);
  });

  it('does not link an unconfirmed address, then links it once confirmed', async () => {
    const c = await company();
    const id = await createUser(`bob.${randomUUID().slice(0, 8)}@${c.domain}`, false);
    expect(await memberships(id)).toEqual([]);
    const { error } = await service().auth.admin.updateUserById(id, { email_confirm: true });
    expect(error).toBeNull();
    expect(await memberships(id)).toEqual([c.id]);
  });

  it('matches the domain whatever its case, and ignores other and inactive companies', async () => {
    const c = await company();
    const other = await company();
    const inactive = await company(false);
    const id = await createUser(`Carla.${randomUUID().slice(0, 8)}@${c.domain.toUpperCase()}`, true);
    expect(await memberships(id)).toEqual([c.id]);
    expect(await memberships(id)).not.toContain(other.id);
    const lookalike = await createUser(`dan.${randomUUID().slice(0, 8)}@mail.${inactive.domain}`, true);
    expect(await memberships(lookalike)).toEqual([]);
    const inactiveUser = await createUser(`eve.${randomUUID().slice(0, 8)}@${inactive.domain}`, true);
    expect(await memberships(inactiveUser)).toEqual([]);
  });

  it('lets members read their company and membership, and nobody else', async () => {
    const c = await company();
    const outsider = await patient();
    const email = `fay.${randomUUID().slice(0, 8)}@${c.domain}`;
    const password = `pw-${randomUUID()}`;
    const created = await service().auth.admin.createUser({
      email,
      password,
      email_confirm: true,
      user_metadata: { role: 'patient' },
    });
    expect(created.error).toBeNull();
    const member = anon();
    expect((await member.auth.signInWithPassword({ email, password })).error).toBeNull();
    expect((await member.from('companies').select('id, name').eq('id', c.id)).data).toEqual([
      { id: c.id, name: `Company ${c.domain}` },
    ]);
    expect((await member.from('company_members').select('company_id')).data).toEqual([{ company_id: c.id }]);
    expect((await outsider.client.from('companies').select('id').eq('id', c.id)).data).toEqual([]);
    expect(
      (await outsider.client.from('company_members').select('company_id').eq('company_id', c.id)).data,
    ).toEqual([]);
  });

  it('are managed by staff only', async () => {
    const staff = await user('staff');
    const patient = await user('patient');
    const domain = `${uniqueLetters(10)}.example.org`;
    const denied = await patient.client.from('companies').insert({ name: 'Sneaky', email_domains: [domain] });
    expect(denied.error?.code).toBe('42501');
    const made = await staff.client
      .from('companies')
      .insert({ name: 'Acme', email_domains: [domain] })
      .select('id')
      .single();
    expect(made.error).toBeNull();
    const bad = await staff.client
      .from('companies')
      .insert({ name: 'Bad domain', email_domains: ['Not A Domain'] });
    expect(bad.error?.code).toBe('23514');
  });
});
