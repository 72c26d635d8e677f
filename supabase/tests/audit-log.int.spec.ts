// The audit log is append-only for everybody: the API roles have no write privilege on it, and a
// trigger refuses changes even from its owner, so a row once written stays as written.
import { describe, expect, it } from 'vitest';
import {
  advance,
  createPractitionerProfile,
  practitioner,
  service,
  sql,
  type TestUser,
  user,
} from '@carebook/testing';

async function auditRowOfNewVerification(): Promise<{
  id: number;
  action: string;
  practitionerId: string;
  owner: TestUser;
}> {
  const owner = await practitioner();
  await createPractitionerProfile(owner);
  await advance(owner.id, 'submitted');
  const { data, error } = await service()
    .from('audit_log')
    .select('id, action')
    .eq('table_name', 'practitioners')
    .eq('record_id', owner.id)
    .single();
  if (error) throw error;
  return { ...data, practitionerId: owner.id, owner };
}

describe('audit_log', () => {
  it('cannot be changed or deleted through the API, even by the service role', async () => {
    const row = await auditRowOfNewVerification();
    const admin = service();
    const staff = await user('staff');
    for (const client of [admin, staff.client]) {
      const upd = await client.from('audit_log').update({ action: 'nothing_happened' }).eq('id', row.id);
      expect(upd.error?.code).toBe('42501');
      const del = await client.from('audit_log').delete().eq('id', row.id);
      expect(del.error?.code).toBe('42501');
      const ins = await client.from('audit_log').insert({
        actor_role: 'service_role',
        action: 'forged',
        table_name: 'practitioners',
        record_id: row.practitionerId,
      });
      expect(ins.error?.code).toBe('42501');
    }
    expect((await admin.from('audit_log').select('id, action').eq('id', row.id).single()).data).toEqual({
      id: row.id,
      action: row.action,
    });
    expect(
      (await admin.from('audit_log').select('id').eq('record_id', row.practitionerId)).data,
    ).toHaveLength(1);
  });

  it('refuses changes even from its owner, in SQL', async () => {
    const row = await auditRowOfNewVerification();
    for (const statement of [
      `update public.audit_log set action = 'nothing_happened' where id = ${row.id}`,
      `delete from public.audit_log where id = ${row.id}`,
    ]) {
      await expect(sql(statement)).rejects.toMatchObject({
        code: 'PT403',
        message: 'audit_log rows cannot be changed or deleted',
      });
    }
    // TRUNCATE runs inside a transaction that is rolled back whatever happens, so that a broken
    // guard could never empty the log for the tests running beside this one.
    await expect(
      sql(`do $$ begin truncate public.audit_log; raise exception 'truncate went through'; end $$`),
    ).rejects.toMatchObject({
      code: 'PT403',
    });
    expect(
      (await sql<{ action: string }>('select action from public.audit_log where id = $1', [row.id]))[0]
        ?.action,
    ).toBe(row.action);
  });

  it('is read by staff only, not even by the person a row is about', async () => {
    const row = await auditRowOfNewVerification();
    const staff = await user('staff');
    expect((await staff.client.from('audit_log').select('id').eq('id', row.id)).data).toEqual([
      { id: row.id },
    ]);
    expect((await row.owner.client.from('audit_log').select('id').eq('id', row.id)).data).toEqual([]);
  });
});
