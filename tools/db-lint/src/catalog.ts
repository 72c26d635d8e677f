// Reads what the checks need from the system catalogs of a migrated database. Privileges are
// asked of Postgres (has_*_privilege) rather than parsed from ACLs, so grants to PUBLIC, column
// grants and role membership all count. Objects that belong to extensions are left out.
import pg from 'pg';
import type { Catalog, ForeignKeyRow, FunctionRow, PolicyRow, RelationRow } from './checks.ts';

const NOT_FROM_EXTENSION = (classTable: string, alias: string) => `not exists (
    select 1 from pg_catalog.pg_depend d
     where d.classid = '${classTable}'::regclass and d.objid = ${alias}.oid and d.deptype = 'e')`;

const RELATIONS = `
select n.nspname as schema, c.relname as name, c.relkind as kind,
       c.relrowsecurity as "rlsEnabled",
       (select count(*)::int from pg_catalog.pg_policy p where p.polrelid = c.oid) as "policyCount",
       coalesce(c.reloptions, '{}') as options,
       has_any_column_privilege('anon', c.oid, 'INSERT') as "anonInsert",
       has_any_column_privilege('anon', c.oid, 'UPDATE') as "anonUpdate",
       has_table_privilege('anon', c.oid, 'DELETE') as "anonDelete",
       has_table_privilege('anon', c.oid, 'TRUNCATE') as "anonTruncate",
       has_any_column_privilege('anon', c.oid, 'SELECT')
         or has_any_column_privilege('authenticated', c.oid, 'SELECT') as "apiSelect"
  from pg_catalog.pg_class c
  join pg_catalog.pg_namespace n on n.oid = c.relnamespace
 where n.nspname = any ($1) and c.relkind in ('r', 'p', 'v', 'm', 'f')
   and ${NOT_FROM_EXTENSION('pg_class', 'c')}
 order by 1, 2`;

const POLICIES = `
select n.nspname as schema, c.relname as table, p.polname as name,
       pg_catalog.pg_get_expr(p.polqual, p.polrelid) as "usingExpr",
       pg_catalog.pg_get_expr(p.polwithcheck, p.polrelid) as "checkExpr",
       coalesce((
         select json_agg(json_build_object('name', f.oid::regprocedure::text, 'source', f.prosrc) order by f.oid)
           from pg_catalog.pg_depend d
           join pg_catalog.pg_proc f on f.oid = d.refobjid
          where d.classid = 'pg_policy'::regclass and d.objid = p.oid and d.refclassid = 'pg_proc'::regclass
       ), '[]') as "calledFunctions"
  from pg_catalog.pg_policy p
  join pg_catalog.pg_class c on c.oid = p.polrelid
  join pg_catalog.pg_namespace n on n.oid = c.relnamespace
 where n.nspname = any ($1)
 order by 1, 2, 3`;

const FUNCTIONS = `
select n.nspname as schema, p.proname as name,
       pg_catalog.pg_get_function_identity_arguments(p.oid) as args,
       p.prosecdef as "securityDefiner",
       coalesce(p.proconfig, '{}') as config,
       p.prorettype in ('pg_catalog.trigger'::regtype, 'pg_catalog.event_trigger'::regtype) as "isTrigger",
       has_function_privilege('anon', p.oid, 'EXECUTE') as "anonExecute",
       has_function_privilege('authenticated', p.oid, 'EXECUTE') as "authenticatedExecute"
  from pg_catalog.pg_proc p
  join pg_catalog.pg_namespace n on n.oid = p.pronamespace
 where n.nspname = any ($1) and p.prokind in ('f', 'p')
   and ${NOT_FROM_EXTENSION('pg_proc', 'p')}
 order by 1, 2, 3`;

const FOREIGN_KEYS = `
select n.nspname as schema, c.relname as table, con.conname as name,
       con.conkey::int[] as keys,
       array(select a.attname::text
               from unnest(con.conkey) with ordinality k(attnum, ord)
               join pg_catalog.pg_attribute a on a.attrelid = con.conrelid and a.attnum = k.attnum
              order by k.ord) as columns,
       (select format('%I.%I', rn.nspname, rc.relname)
          from pg_catalog.pg_class rc join pg_catalog.pg_namespace rn on rn.oid = rc.relnamespace
         where rc.oid = con.confrelid) as references,
       coalesce((
         select json_agg(json_build_object(
                  'keys', string_to_array(i.indkey::text, ' ')::int[],
                  'partial', i.indpred is not null,
                  'valid', i.indisvalid))
           from pg_catalog.pg_index i where i.indrelid = con.conrelid
       ), '[]') as indexes
  from pg_catalog.pg_constraint con
  join pg_catalog.pg_class c on c.oid = con.conrelid
  join pg_catalog.pg_namespace n on n.oid = c.relnamespace
 where con.contype = 'f' and n.nspname = any ($1)
 order by 1, 2, 3`;

// Schemas our migrations create (owned by the migration role `postgres`), besides the exposed ones.
const OWNED_SCHEMAS = `
select nspname from pg_catalog.pg_namespace
 where nspowner = 'postgres'::regrole and nspname <> 'supabase_migrations'`;

/**
 * Policies are read on our schemas and on `storage`, where our migrations write the policies
 * that guard the buckets; storage's own tables and functions are Supabase's, not ours.
 */
export async function readCatalog(client: pg.Client, exposedSchemas: string[]): Promise<Catalog> {
  const owned = (await client.query<{ nspname: string }>(OWNED_SCHEMAS)).rows.map((r) => r.nspname);
  const ours = [...new Set([...exposedSchemas, ...owned])].sort();
  // One connection runs one query at a time.
  const relations = await client.query<RelationRow>(RELATIONS, [exposedSchemas]);
  const policies = await client.query<PolicyRow>(POLICIES, [[...ours, 'storage']]);
  const functions = await client.query<FunctionRow>(FUNCTIONS, [ours]);
  const foreignKeys = await client.query<ForeignKeyRow>(FOREIGN_KEYS, [ours]);
  return {
    exposedSchemas,
    relations: relations.rows,
    policies: policies.rows,
    functions: functions.rows,
    foreignKeys: foreignKeys.rows,
  };
}
