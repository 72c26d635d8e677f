// The RLS matrix (rls-matrix.ts), cell by cell, through the gateway with real JWTs: every table
// and view the API exposes and every storage bucket, for anon, two patients, two practitioners and
// staff, for select, insert, update and delete. A relation or bucket without a row fails.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '@carebook/testing';
import { buildFixture, type Adapter, type Fixture, type Probe } from './rls-fixture.ts';
import {
  BUCKETS,
  CASE_COUNT,
  OPERATIONS,
  RELATIONS,
  ROLES,
  type MatrixRow,
  type Read,
  type Role,
  type Write,
} from './rls-matrix.ts';

// Schemas PostgREST serves (supabase/config.toml [api] schemas).
const EXPOSED_SCHEMAS = ['public', 'graphql_public'];
// A refusal must come from privileges or a policy (or a trigger saying "forbidden"), not from a
// constraint that a wrong probe happened to break.
const PERMISSION_CODES = ['42501', 'PT403'];

let fixture: Fixture;
let checked = 0;

beforeAll(async () => {
  fixture = await buildFixture();
}, 120_000);

afterAll(() => {
  // The count the issue's closing note quotes; asserted below as well.
  console.log(`RLS matrix: ${checked} of ${CASE_COUNT} cases checked`);
});

function expectedKeys(adapter: Adapter, role: Role, read: Read): string[] {
  const mine = (owners: readonly Role[]) => owners.includes(role);
  const rows = adapter.rows.filter((r) => {
    switch (read) {
      case 'all':
        return true;
      case 'own':
        return mine(r.owners);
      case 'published':
        return r.published;
      case 'own+published':
        return r.published || mine(r.owners);
      case 'none':
      case 'denied':
        return false;
    }
  });
  return rows.map((r) => r.key).sort();
}

async function checkRead(adapter: Adapter, role: Role, read: Read, isBucket: boolean): Promise<void> {
  const { keys, error } = await adapter.read(fixture.actors[role]);
  // Buckets answer an unreadable file with an error, so for them "denied" is "nothing readable".
  if (read === 'denied' && !isBucket) {
    expect(error, 'expected an error').not.toBeNull();
    expect(PERMISSION_CODES).toContain(error?.code);
    return;
  }
  expect(error).toBeNull();
  expect(keys.sort()).toEqual(expectedKeys(adapter, role, read));
}

function describeProbe(p: Probe | null): string {
  return p
    ? `error=${p.error ? `${p.error.code ?? ''} ${p.error.message}` : 'none'}, effect=${p.effect}`
    : 'n/a';
}

async function checkWrite(
  probe: Adapter['insert'],
  role: Role,
  write: Write,
  isBucket: boolean,
): Promise<void> {
  const actor = fixture.actors[role];
  const other = await probe(actor, 'other');
  const self = actor.id ? await probe(actor, 'self') : null;
  if (!other) throw new Error('every write has a probe on somebody else’s row');
  const where = `other: ${describeProbe(other)}; self: ${describeProbe(self)}`;
  const probes = [other, self].filter((p): p is Probe => p !== null);
  switch (write) {
    case 'all':
      for (const p of probes) {
        expect(p.error, where).toBeNull();
        expect(p.effect, where).toBe(true);
      }
      break;
    case 'own':
      expect(self, 'an "own" cell needs a row the caller owns').not.toBeNull();
      expect(self?.error, where).toBeNull();
      expect(self?.effect, where).toBe(true);
      expect(other.effect, where).toBe(false);
      break;
    case 'none':
      for (const p of probes) {
        expect(p.error, where).toBeNull();
        expect(p.effect, where).toBe(false);
      }
      break;
    case 'denied':
      for (const p of probes) {
        expect(p.error, where).not.toBeNull();
        if (!isBucket) expect(PERMISSION_CODES, where).toContain(p.error?.code);
        expect(p.effect, where).toBe(false);
      }
      break;
  }
}

function matrixTests(
  kind: 'relation' | 'bucket',
  rows: Record<string, MatrixRow>,
  adapterOf: (name: string) => Adapter,
): void {
  for (const [name, row] of Object.entries(rows)) {
    describe(`${kind} ${name}`, () => {
      for (const op of OPERATIONS) {
        for (const role of ROLES) {
          const cell = row[op][role];
          it(`${op} by ${role}: ${cell}`, async () => {
            const adapter = adapterOf(name);
            if (op === 'select') await checkRead(adapter, role, cell as Read, kind === 'bucket');
            else await checkWrite(adapter[op], role, cell as Write, kind === 'bucket');
            checked++;
          });
        }
      }
    });
  }
}

describe('RLS matrix', () => {
  it('has a row for every exposed table and view and every bucket, and no row for anything else', async () => {
    const relations = await sql<{ name: string }>(
      `select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = any($1) and c.relkind in ('r', 'p', 'v', 'm', 'f') order by 1`,
      [EXPOSED_SCHEMAS],
    );
    const buckets = await sql<{ id: string }>('select id from storage.buckets order by 1');
    expect(relations.map((r) => r.name)).toEqual(Object.keys(RELATIONS).sort());
    expect(buckets.map((b) => b.id)).toEqual(Object.keys(BUCKETS).sort());
  });

  it(`has ${CASE_COUNT} cells, one per role and operation`, () => {
    for (const row of [...Object.values(RELATIONS), ...Object.values(BUCKETS)] as MatrixRow[]) {
      for (const op of OPERATIONS) expect(Object.keys(row[op]).sort()).toEqual([...ROLES].sort());
    }
    expect(CASE_COUNT).toBe(
      (Object.keys(RELATIONS).length + Object.keys(BUCKETS).length) * ROLES.length * OPERATIONS.length,
    );
  });

  matrixTests('relation', RELATIONS, (name) => fixture.relations[name as keyof Fixture['relations']]);
  matrixTests('bucket', BUCKETS, (name) => fixture.buckets[name as keyof Fixture['buckets']]);

  // Runs last (tests in a file run in order): every cell above passed or this fails too.
  it(`checked all ${CASE_COUNT} cells`, () => {
    expect(checked).toBe(CASE_COUNT);
  });
});
