import { describe, expect, it } from 'vitest';
import {
  anonWriteGrants,
  authCallsNotWrapped,
  checkCatalog,
  definerFunctionsInApi,
  ident,
  materializedViewsInApi,
  mutableSearchPath,
  policyReadsUserMetadata,
  rlsDisabled,
  rlsWithoutPolicy,
  unindexedForeignKeys,
  unwrappedAuthCalls,
  viewsNotInvoker,
  type ForeignKeyRow,
  type FunctionRow,
  type PolicyRow,
  type RelationRow,
} from './checks.ts';

const table = (over: Partial<RelationRow> = {}): RelationRow => ({
  schema: 'public',
  name: 'notes',
  kind: 'r',
  rlsEnabled: true,
  policyCount: 1,
  options: [],
  anonInsert: false,
  anonUpdate: false,
  anonDelete: false,
  anonTruncate: false,
  apiSelect: true,
  ...over,
});

const policy = (over: Partial<PolicyRow> = {}): PolicyRow => ({
  schema: 'public',
  table: 'notes',
  name: 'owners read their notes',
  usingExpr: '(owner_id = ( SELECT auth.uid() AS uid))',
  checkExpr: null,
  calledFunctions: [],
  ...over,
});

const fn = (over: Partial<FunctionRow> = {}): FunctionRow => ({
  schema: 'public',
  name: 'do_thing',
  args: 'p_id uuid',
  securityDefiner: false,
  config: ['search_path=""'],
  isTrigger: false,
  anonExecute: false,
  authenticatedExecute: true,
  ...over,
});

const fk = (over: Partial<ForeignKeyRow> = {}): ForeignKeyRow => ({
  schema: 'public',
  table: 'notes',
  name: 'notes_owner_id_fkey',
  keys: [2],
  columns: ['owner_id'],
  references: 'public.profiles',
  indexes: [
    { keys: [1], partial: false, valid: true },
    { keys: [2], partial: false, valid: true },
  ],
  ...over,
});

describe('ident', () => {
  it('quotes only names Postgres would need quoted', () => {
    expect(ident('staff_members')).toBe('staff_members');
    expect(ident('Weird Name')).toBe('"Weird Name"');
    expect(ident('a"b')).toBe('"a""b"');
  });
});

describe('rlsDisabled', () => {
  it('reports exposed tables and partitioned tables without RLS, not views', () => {
    const findings = rlsDisabled([
      table({ name: 'open', rlsEnabled: false, policyCount: 2 }),
      table({ name: 'parted', kind: 'p', rlsEnabled: false, policyCount: 0 }),
      table({ name: 'closed' }),
      table({ name: 'a_view', kind: 'v', rlsEnabled: false }),
    ]);
    expect(findings.map((f) => [f.check, f.level, f.object])).toEqual([
      ['rls_disabled_in_exposed_schema', 'error', 'public.open'],
      ['rls_disabled_in_exposed_schema', 'error', 'public.parted'],
    ]);
    expect(findings[0]!.message).toContain('its 2 policies do nothing');
    expect(findings[0]!.hint).toContain('alter table public.open enable row level security');
  });
});

describe('rlsWithoutPolicy', () => {
  it('warns about a table that RLS closes to everybody', () => {
    const findings = rlsWithoutPolicy([
      table({ name: 'lonely', policyCount: 0 }),
      table(),
      table({ name: 'off', rlsEnabled: false, policyCount: 0 }),
    ]);
    expect(findings.map((f) => [f.level, f.object])).toEqual([['warn', 'public.lonely']]);
  });
});

describe('policyReadsUserMetadata', () => {
  it('reports a policy that reads user_metadata from the JWT or raw_user_meta_data', () => {
    const findings = policyReadsUserMetadata([
      policy({
        name: 'by jwt',
        usingExpr: "(((auth.jwt() -> 'user_metadata'::text) ->> 'role'::text) = 'staff'::text)",
      }),
      policy({
        name: 'by users',
        checkExpr: "(EXISTS ( SELECT 1 FROM auth.users u WHERE (u.raw_user_meta_data ->> 'role') = 'staff'))",
      }),
      policy(),
    ]);
    expect(findings.map((f) => f.object)).toEqual([
      'policy "by jwt" on public.notes',
      'policy "by users" on public.notes',
    ]);
    expect(findings.every((f) => f.level === 'error')).toBe(true);
  });

  it('reports a policy whose helper function reads the metadata, naming the helper', () => {
    const findings = policyReadsUserMetadata([
      policy({
        usingExpr: '( SELECT private.claims_staff() AS claims_staff)',
        calledFunctions: [
          {
            name: 'private.claims_staff()',
            source: "select (auth.jwt() -> 'user_metadata' ->> 'staff')::boolean",
          },
        ],
      }),
      policy({
        name: 'fine',
        calledFunctions: [
          { name: 'private.is_staff()', source: 'select exists (select 1 from public.staff_members)' },
        ],
      }),
    ]);
    expect(findings).toHaveLength(1);
    expect(findings[0]!.message).toContain('private.claims_staff()');
  });
});

describe('unwrappedAuthCalls', () => {
  it('accepts calls that are the target list of a sub-select, as pg_get_expr prints them', () => {
    expect(unwrappedAuthCalls('(owner_id = ( SELECT auth.uid() AS uid))')).toEqual([]);
    expect(unwrappedAuthCalls("(( SELECT (auth.jwt() ->> 'role'::text)) = 'staff'::text)")).toEqual([]);
    expect(
      unwrappedAuthCalls(
        '(EXISTS ( SELECT 1 FROM company_members m WHERE ((m.company_id = companies.id) AND (m.user_id = ( SELECT auth.uid() AS uid)))))',
      ),
    ).toEqual([]);
    expect(
      unwrappedAuthCalls(
        "((bucket_id = 'avatars'::text) AND ((storage.foldername(name))[1] = (( SELECT auth.uid() AS uid))::text))",
      ),
    ).toEqual([]);
  });

  it('finds bare calls, and calls in the WHERE of a sub-select, which run once per row', () => {
    expect(unwrappedAuthCalls('(owner_id = auth.uid())')).toEqual(['auth.uid()']);
    expect(unwrappedAuthCalls("((auth.jwt() ->> 'email'::text) = email)")).toEqual(['auth.jwt()']);
    expect(
      unwrappedAuthCalls('(EXISTS ( SELECT 1 FROM staff_members s WHERE (s.user_id = auth.uid())))'),
    ).toEqual(['auth.uid()']);
    expect(unwrappedAuthCalls("(tenant = current_setting('app.tenant'::text))")).toEqual([
      'current_setting(...)',
    ]);
    expect(
      unwrappedAuthCalls("((auth.role() = 'authenticated'::text) AND (auth.email() IS NOT NULL))"),
    ).toEqual(['auth.role()', 'auth.email()']);
  });

  it('ignores names inside string literals and quoted identifiers', () => {
    expect(unwrappedAuthCalls("(note <> 'auth.uid()'::text)")).toEqual([]);
    expect(unwrappedAuthCalls('("auth.uid()" IS NULL)')).toEqual([]);
    expect(unwrappedAuthCalls("(note <> 'it''s auth.uid()'::text)")).toEqual([]);
  });
});

describe('authCallsNotWrapped', () => {
  it('reports each policy once, listing its bare calls and the wrapped form', () => {
    const findings = authCallsNotWrapped([
      policy({ usingExpr: '(owner_id = auth.uid())', checkExpr: '(owner_id = auth.uid())' }),
      policy({ name: 'wrapped' }),
    ]);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      check: 'auth_rls_initplan',
      level: 'error',
      object: 'policy "owners read their notes" on public.notes',
    });
    expect(findings[0]!.hint).toContain('(select auth.uid())');
  });
});

describe('mutableSearchPath', () => {
  it('is an error for security definer functions and a warning for the others', () => {
    const findings = mutableSearchPath([
      fn({ name: 'definer', securityDefiner: true, config: [] }),
      fn({ name: 'invoker', config: ['statement_timeout=1s'] }),
      fn({ name: 'pinned', securityDefiner: true }),
    ]);
    expect(findings.map((f) => [f.check, f.level, f.object])).toEqual([
      ['security_definer_function_mutable_search_path', 'error', 'public.definer(p_id uuid)'],
      ['function_search_path_mutable', 'warn', 'public.invoker(p_id uuid)'],
    ]);
    expect(findings[0]!.hint).toBe(
      "alter function public.definer(p_id uuid) set search_path = ''; and schema-qualify every name in its body",
    );
  });
});

describe('viewsNotInvoker and materializedViewsInApi', () => {
  it('reports views without security_invoker in any spelling Postgres accepts', () => {
    const findings = viewsNotInvoker([
      table({ name: 'definer_view', kind: 'v' }),
      table({ name: 'off_view', kind: 'v', options: ['security_invoker=false'] }),
      table({ name: 'invoker_view', kind: 'v', options: ['security_barrier=true', 'security_invoker=on'] }),
      table({ name: 'a_table' }),
    ]);
    expect(findings.map((f) => f.object)).toEqual(['public.definer_view', 'public.off_view']);
    expect(findings[0]!.hint).toBe('alter view public.definer_view set (security_invoker = true);');
  });

  it('warns about materialized views the API roles can read', () => {
    const findings = materializedViewsInApi([
      table({ name: 'stats', kind: 'm' }),
      table({ name: 'hidden', kind: 'm', apiSelect: false }),
    ]);
    expect(findings.map((f) => [f.level, f.object])).toEqual([['warn', 'public.stats']]);
  });
});

describe('anonWriteGrants', () => {
  it('lists every write privilege anon holds on tables and views', () => {
    const findings = anonWriteGrants([
      table({ name: 'inbox', anonInsert: true }),
      table({
        name: 'everything',
        kind: 'v',
        anonInsert: true,
        anonUpdate: true,
        anonDelete: true,
        anonTruncate: true,
      }),
      table({ name: 'read_only' }),
    ]);
    expect(findings.map((f) => [f.object, f.message.split(' (')[0]])).toEqual([
      ['public.inbox', 'anon may insert'],
      ['public.everything', 'anon may insert, update, delete, truncate'],
    ]);
    expect(findings[0]!.hint).toMatch(/^revoke insert on public\.inbox from anon, public;/);
  });
});

describe('definerFunctionsInApi', () => {
  const exposed = ['public', 'graphql_public'];

  it('reports security definer functions an API role can call in an exposed schema', () => {
    const findings = definerFunctionsInApi(
      [
        fn({ name: 'by_anyone', securityDefiner: true, anonExecute: true }),
        fn({ name: 'by_users', securityDefiner: true }),
        fn({ name: 'invoker' }),
        fn({ name: 'revoked', securityDefiner: true, authenticatedExecute: false }),
        fn({ name: 'a_trigger', securityDefiner: true, isTrigger: true, anonExecute: true }),
        fn({ schema: 'private', name: 'helper', securityDefiner: true, anonExecute: true }),
      ],
      exposed,
    );
    expect(findings.map((f) => [f.object, f.message])).toEqual([
      [
        'public.by_anyone(p_id uuid)',
        'security definer function callable as an RPC by anon and authenticated',
      ],
      ['public.by_users(p_id uuid)', 'security definer function callable as an RPC by authenticated'],
    ]);
  });
});

describe('unindexedForeignKeys', () => {
  it('accepts an index whose leading columns are the key, in any order', () => {
    expect(unindexedForeignKeys([fk({ indexes: [{ keys: [2, 5], partial: false, valid: true }] })])).toEqual(
      [],
    );
    expect(
      unindexedForeignKeys([
        fk({
          keys: [3, 2],
          columns: ['a', 'b'],
          indexes: [{ keys: [2, 3, 4], partial: false, valid: true }],
        }),
      ]),
    ).toEqual([]);
  });

  it('warns when the key is not leading, or only a partial or invalid index covers it', () => {
    const findings = unindexedForeignKeys([
      fk({ name: 'second', indexes: [{ keys: [5, 2], partial: false, valid: true }] }),
      fk({ name: 'partial', indexes: [{ keys: [2], partial: true, valid: true }] }),
      fk({ name: 'invalid', indexes: [{ keys: [2], partial: false, valid: false }] }),
    ]);
    expect(findings.map((f) => f.message.split(' ')[2])).toEqual(['second', 'partial', 'invalid']);
    expect(findings[0]).toMatchObject({ level: 'warn', object: 'public.notes (owner_id)' });
    expect(findings[0]!.hint).toBe('create index notes_owner_id_idx on public.notes (owner_id);');
  });
});

describe('checkCatalog', () => {
  it('is empty for a clean catalog and lists errors before warnings', () => {
    const clean = {
      exposedSchemas: ['public'],
      relations: [table()],
      policies: [policy()],
      functions: [fn()],
      foreignKeys: [fk()],
    };
    expect(checkCatalog(clean)).toEqual([]);
    const findings = checkCatalog({
      ...clean,
      relations: [table({ name: 'lonely', policyCount: 0 }), table({ name: 'open', rlsEnabled: false })],
    });
    expect(findings.map((f) => f.level)).toEqual(['error', 'warn']);
  });
});
