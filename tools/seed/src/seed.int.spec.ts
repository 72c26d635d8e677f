// The small data set against the running test stack: loads, loads again without change, and what
// it loaded behaves through the API (demo sign-ins, public visibility of published practitioners).
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import type { Database } from '@carebook/data';
import pg from 'pg';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS, demoAccount } from './demo.ts';
import { withExistingAccounts } from './existing-accounts.ts';
import { generate, SCALES, type Dataset } from './generate.ts';
import { readReference, seed, startOfUtcDay, type SeedReport } from './seed.ts';
import { stackStatus, type Profile, type StackStatus } from './stack-status.ts';

const profile = (process.env.CAREBOOK_PROFILE as Profile | undefined) ?? 'test';
const clientOptions = { auth: { persistSession: false, autoRefreshToken: false } };

let stack: StackStatus;
let first: SeedReport;
let second: SeedReport;
let data: Dataset;
let target: { dbUrl: () => string };

const anon = (): SupabaseClient<Database> =>
  createClient<Database>(stack.apiUrl, stack.anonKey, clientOptions);

async function signIn(
  email: string,
  password: string,
): Promise<{ client: SupabaseClient<Database>; id: string }> {
  const client = anon();
  const { data: session, error } = await client.auth.signInWithPassword({ email, password });
  if (error) throw error;
  return { client, id: session.user.id };
}

beforeAll(async () => {
  stack = await stackStatus(profile);
  target = { dbUrl: () => stack.dbUrl };
  first = await seed(target, 'small');
  second = await seed(target, 'small');
  // The same rows, generated again from the database's reference data and moved onto accounts
  // that existed before the seed (as the seed does), to know every seeded id.
  const db = new pg.Client({ connectionString: stack.dbUrl });
  await db.connect();
  try {
    const generated = generate({
      seed: first.seed,
      scale: 'small',
      reference: await readReference(db),
      now: startOfUtcDay(new Date()),
    });
    const { rows } = await db.query<{ id: string; email: string }>(
      'select id, lower(email) as email from auth.users where lower(email) = any($1::text[])',
      [generated.users.map((u) => u.email)],
    );
    data = withExistingAccounts(generated, new Map(rows.map((r) => [r.email, r.id])));
  } finally {
    await db.end();
  }
}, 60_000);

describe('seed small', () => {
  it('loads every generated row', () => {
    const size = SCALES.small;
    expect(first.generated.practitioners).toBe(size.practitioners);
    expect(first.generated.users).toBe(size.practitioners + size.patients + size.staff);
    expect(first.generated.companies).toBe(size.companies);
    expect(first.present).toEqual(first.generated);
    expect(first.published).toBeGreaterThan(0);
    expect(first.published).toBeLessThan(size.practitioners);
  });

  it('changes nothing when run again', () => {
    for (const n of Object.values(second.inserted)) expect(n).toBe(0);
    expect(second.present).toEqual(first.present);
    expect(second.published).toBe(first.published);
  });

  it('lets every demo account sign in with its role', async () => {
    for (const account of DEMO_ACCOUNTS) {
      const { client, id } = await signIn(account.email, account.password);
      const { data: me, error } = await client.from('profiles').select('role, email').eq('id', id).single();
      expect(error).toBeNull();
      expect(me).toEqual({ role: account.role, email: account.email });
    }
  });

  it('lets any seeded user sign in with the demo password', async () => {
    const patient = data.users.find((u) => u.role === 'patient' && !u.email.endsWith('@demo.carebook.test'))!;
    const { id } = await signIn(patient.email, demoAccount('patient').password);
    expect(id).toBe(patient.id);
  });

  it('shows the demo practitioner to anonymous visitors, bookable', async () => {
    const { id } = await signIn(demoAccount('practitioner').email, demoAccount('practitioner').password);
    const visitor = anon();
    const { data: profile, error } = await visitor
      .from('practitioners')
      .select('id, slug, published')
      .eq('id', id)
      .single();
    expect(error).toBeNull();
    expect(profile).toMatchObject({ id, published: true });
    const types = await visitor.from('consultation_types').select('id').eq('practitioner_id', id);
    expect(types.error).toBeNull();
    expect(types.data?.length).toBe(3);
    const search = await visitor.rpc('search_practitioners', { p_text: 'Julien Moreau', p_limit: 100 });
    expect(search.error).toBeNull();
    const found = search.data?.find((p) => p.id === id);
    expect(found?.next_available_at).toBeTruthy();
  });

  it('shows the demo patient their own appointments, past and upcoming', async () => {
    const { client, id } = await signIn(demoAccount('patient').email, demoAccount('patient').password);
    const expected = data.appointments
      .filter((a) => a.patient_id === id)
      .map((a) => a.id)
      .sort();
    expect(expected.length).toBeGreaterThan(1);
    const { data: rows, error } = await client
      .from('appointments')
      .select('id, starts_at')
      .in(
        'id',
        data.appointments.map((a) => a.id),
      );
    expect(error).toBeNull();
    expect(rows?.map((r) => r.id).sort()).toEqual(expected);
  });

  it('puts upcoming appointments on times the database itself would offer', async () => {
    const upcoming = data.appointments.filter(
      (a) =>
        (a.status === 'confirmed' || a.status === 'held') &&
        Date.parse(a.starts_at) > Date.now() + 86_400_000,
    );
    expect(upcoming.length).toBeGreaterThan(0);
    const db = new pg.Client({ connectionString: stack.dbUrl });
    await db.connect();
    try {
      // The slot computation booking uses, with each appointment's own time not counted as taken.
      const { rows } = await db.query<{ id: string; offered: boolean }>(
        `select a.id, exists (select 1 from private.slots(a.practitioner_id, a.consultation_type_id, a.starts_at,
                                                          a.starts_at + interval '1 microsecond', a.id) s
                               where s.starts_at = a.starts_at) as offered
           from public.appointments a where a.id = any ($1::uuid[])`,
        [upcoming.map((a) => a.id)],
      );
      expect(rows.filter((r) => !r.offered)).toEqual([]);
      expect(rows).toHaveLength(upcoming.length);
    } finally {
      await db.end();
    }
  });

  it('shows anonymous visitors and patients the published practitioners only', async () => {
    const ids = data.practitioners.map((p) => p.id);
    const running = new Set(
      data.subscriptions
        // Past due counts for 7 days (decision 0018); the seed's are minutes old.
        .filter((s) => s.status === 'active' || s.status === 'trialing' || s.status === 'past_due')
        .map((s) => s.practitioner_id),
    );
    const expected = data.practitioners
      .filter((p) => p.verification_status === 'verified' && running.has(p.id))
      .map((p) => p.id)
      .sort();
    expect(expected).toHaveLength(first.published);
    const patient = await signIn(demoAccount('patient').email, demoAccount('patient').password);
    for (const client of [anon(), patient.client]) {
      const { data: rows, error } = await client.from('practitioners').select('id').in('id', ids);
      expect(error).toBeNull();
      expect(rows?.map((r) => r.id).sort()).toEqual(expected);
    }
  });
  it('runs again over a practitioner whose profession changed since, without that profession’s specialties', async () => {
    // As if the catalogue had changed between two runs and a draft been given another profession.
    const draft = data.practitioners.find(
      (p) =>
        p.verification_status === 'draft' &&
        data.practitioner_specialties.some((s) => s.practitioner_id === p.id),
    )!;
    expect(draft).toBeDefined();
    const db = new pg.Client({ connectionString: stack.dbUrl });
    await db.connect();
    const specialtiesOfDraft = async () =>
      (
        await db.query<{ n: number }>(
          'select count(*)::int as n from public.practitioner_specialties where practitioner_id = $1',
          [draft.id],
        )
      ).rows[0]!.n;
    const setProfession = (code: string) =>
      db.query('update public.practitioners set profession_code = $2 where id = $1', [draft.id, code]);
    try {
      await db.query('delete from public.practitioner_specialties where practitioner_id = $1', [draft.id]);
      const { rows } = await db.query<{ code: string }>(
        'select code from public.professions where code <> $1 and active order by code limit 1',
        [draft.profession_code],
      );
      await setProfession(rows[0]!.code);
      const third = await seed(target, 'small');
      expect(third.inserted.practitioner_specialties).toBe(0);
      expect(await specialtiesOfDraft()).toBe(0);
      // Its own profession back: the next run gives the specialties back.
      await setProfession(draft.profession_code);
      await seed(target, 'small');
      expect(await specialtiesOfDraft()).toBeGreaterThan(0);
    } finally {
      await setProfession(draft.profession_code);
      await db.end();
    }
  });
});
