// The schema checks, as pure functions over rows read from the catalog (catalog.ts), so each rule
// is unit-tested without a database. They follow Supabase's splinter where it has the same check,
// and are stricter where our architecture asks for more (see docs/decisions/0003-database-lint.md).
import type { Finding } from './finding.ts';

/** A table, view or materialized view in a schema PostgREST exposes. */
export interface RelationRow {
  schema: string;
  name: string;
  /** pg_class.relkind: r table, p partitioned table, v view, m materialized view, f foreign table. */
  kind: 'r' | 'p' | 'v' | 'm' | 'f';
  rlsEnabled: boolean;
  policyCount: number;
  /** pg_class.reloptions, e.g. `security_invoker=true`. */
  options: string[];
  anonInsert: boolean;
  anonUpdate: boolean;
  anonDelete: boolean;
  anonTruncate: boolean;
  /** Whether anon or authenticated may select (matters for materialized views, which have no RLS). */
  apiSelect: boolean;
}

export interface PolicyRow {
  schema: string;
  table: string;
  name: string;
  usingExpr: string | null;
  checkExpr: string | null;
  /** Functions the policy's expressions call (from pg_depend), with their source. */
  calledFunctions: { name: string; source: string }[];
}

export interface FunctionRow {
  schema: string;
  name: string;
  /** pg_get_function_identity_arguments, e.g. `p_id uuid`. */
  args: string;
  securityDefiner: boolean;
  /** pg_proc.proconfig, e.g. `search_path=""`. */
  config: string[];
  /** Trigger and event-trigger functions cannot be called through the API. */
  isTrigger: boolean;
  anonExecute: boolean;
  authenticatedExecute: boolean;
}

export interface ForeignKeyRow {
  schema: string;
  table: string;
  name: string;
  /** Column numbers of the referencing columns, in constraint order. */
  keys: number[];
  columns: string[];
  references: string;
  /** Every index of the referencing table, by column numbers (0 for an expression). */
  indexes: { keys: number[]; partial: boolean; valid: boolean }[];
}

export interface Catalog {
  exposedSchemas: string[];
  relations: RelationRow[];
  policies: PolicyRow[];
  functions: FunctionRow[];
  foreignKeys: ForeignKeyRow[];
}

const qualified = (schema: string, name: string) => `${ident(schema)}.${ident(name)}`;

/** Quotes an identifier only when Postgres would need it, so hints read like hand-written SQL. */
export function ident(name: string): string {
  return /^[a-z_][a-z0-9_$]*$/.test(name) ? name : `"${name.replaceAll('"', '""')}"`;
}

const policyObject = (p: Pick<PolicyRow, 'schema' | 'table' | 'name'>) =>
  `policy "${p.name}" on ${qualified(p.schema, p.table)}`;
const functionObject = (f: Pick<FunctionRow, 'schema' | 'name' | 'args'>) =>
  `${qualified(f.schema, f.name)}(${f.args})`;
const isTable = (r: RelationRow) => r.kind === 'r' || r.kind === 'p';

export function rlsDisabled(relations: readonly RelationRow[]): Finding[] {
  return relations
    .filter((r) => isTable(r) && !r.rlsEnabled)
    .map((r) => ({
      check: 'rls_disabled_in_exposed_schema',
      level: 'error' as const,
      object: qualified(r.schema, r.name),
      message:
        `table is exposed through the API without row level security` +
        (r.policyCount ? ` (its ${r.policyCount} policies do nothing until RLS is on)` : ''),
      hint: `alter table ${qualified(r.schema, r.name)} enable row level security; then add policies per role, or move the table to the private schema`,
    }));
}

// Warning, not error: a table with RLS on and no policy is closed to every API role (it fails
// safe), and the RLS matrix test catches a policy that should exist. It is still worth a look:
// a table only the service role uses belongs in the private schema.
export function rlsWithoutPolicy(relations: readonly RelationRow[]): Finding[] {
  return relations
    .filter((r) => isTable(r) && r.rlsEnabled && r.policyCount === 0)
    .map((r) => ({
      check: 'rls_enabled_no_policy',
      level: 'warn' as const,
      object: qualified(r.schema, r.name),
      message: 'row level security is on but no policy exists, so anon and authenticated see nothing',
      hint: `create policy "<who> <do what>" on ${qualified(r.schema, r.name)} ...; or move a service-role-only table to the private schema`,
    }));
}

const USER_METADATA = /user_metadata|raw_user_meta_data/i;

// Users write their own user_metadata (supabase.auth.updateUser), so a policy that trusts it
// trusts the caller. One level of called functions is searched too: a helper that reads the
// metadata is the same hole behind a name.
export function policyReadsUserMetadata(policies: readonly PolicyRow[]): Finding[] {
  const findings: Finding[] = [];
  for (const p of policies) {
    const inline = [p.usingExpr, p.checkExpr].some((e) => e !== null && USER_METADATA.test(e));
    const via = p.calledFunctions.filter((f) => USER_METADATA.test(f.source)).map((f) => f.name);
    if (!inline && via.length === 0) continue;
    findings.push({
      check: 'policy_reads_user_metadata',
      level: 'error',
      object: policyObject(p),
      message: inline
        ? 'policy reads user_metadata, which every user can set for themselves'
        : `policy calls ${via.join(', ')}, which reads user_metadata (every user can set it for themselves)`,
      hint: 'decide from tables only staff or the service role write (staff_members, profiles.role via private.is_staff()), or from app_metadata',
    });
  }
  return findings;
}

// Sticky (y): each regex matches only where the scanner stands.
const AUTH_CALL = /(auth\s*\.\s*(uid|jwt|role|email)\s*\(\s*\)|current_setting\s*\()/iy;
const WORD = /[a-z_][a-z0-9_$]*/iy;
const CLAUSE_AFTER_TARGETS = /^(from|where|group|having|order|limit|window|union|intersect|except)$/i;

/**
 * The calls to auth.uid()/auth.jwt()/auth.role()/auth.email()/current_setting() in a policy
 * expression that are not the target list of a sub-select. Wrapped as `(select auth.uid())`, Postgres runs the call once
 * per statement (an initPlan); bare, once per row, which makes RLS slow on large tables. The
 * scanner follows parentheses and skips quoted text; it works on pg_get_expr output, where a
 * wrapped call reads `( SELECT auth.uid() AS uid)`.
 */
export function unwrappedAuthCalls(expr: string): string[] {
  interface Group {
    isSelect: boolean;
    pastTargetList: boolean;
  }
  const stack: Group[] = [];
  const found: string[] = [];
  let i = 0;
  while (i < expr.length) {
    const ch = expr[i]!;
    if (ch === "'" || ch === '"') {
      // Skip a literal or quoted identifier; a doubled quote inside is an escaped quote.
      let j = i + 1;
      while (j < expr.length) {
        if (expr[j] === ch) {
          if (expr[j + 1] === ch) j += 2;
          else break;
        } else j++;
      }
      i = j + 1;
      continue;
    }
    if (ch === '(') {
      stack.push({ isSelect: /^\(\s*select\b/i.test(expr.slice(i, i + 20)), pastTargetList: false });
      i++;
      continue;
    }
    if (ch === ')') {
      stack.pop();
      i++;
      continue;
    }
    AUTH_CALL.lastIndex = i;
    const call = AUTH_CALL.exec(expr);
    if (call && (i === 0 || !/[\w.]/.test(expr[i - 1]!))) {
      const select = stack.findLast((g) => g.isSelect);
      if (!select || select.pastTargetList) found.push(call[0].replace(/\s+/g, '').replace(/\($/, '(...)'));
      // Continue right after the name so the call's own parentheses are tracked as a group.
      i += call[0].replace(/\(\s*\)$|\($/, '').length;
      continue;
    }
    WORD.lastIndex = i;
    const word = WORD.exec(expr);
    if (word) {
      const top = stack.at(-1);
      if (top?.isSelect && CLAUSE_AFTER_TARGETS.test(word[0])) {
        top.pastTargetList = true;
      }
      i += word[0].length;
      continue;
    }
    i++;
  }
  return found;
}

export function authCallsNotWrapped(policies: readonly PolicyRow[]): Finding[] {
  const findings: Finding[] = [];
  for (const p of policies) {
    const calls = [...unwrappedAuthCalls(p.usingExpr ?? ''), ...unwrappedAuthCalls(p.checkExpr ?? '')];
    if (calls.length === 0) continue;
    const unique = [...new Set(calls)];
    findings.push({
      check: 'auth_rls_initplan',
      level: 'error',
      object: policyObject(p),
      message: `policy calls ${unique.join(', ')} once per row instead of once per query`,
      hint: `wrap each call in a sub-select: ${unique.map((c) => `(select ${c})`).join(', ')}`,
    });
  }
  return findings;
}

const hasFixedSearchPath = (f: FunctionRow) => f.config.some((c) => c.startsWith('search_path='));

// A security definer function runs as its owner; without a fixed search_path a caller who can
// create objects in any schema on the path can make it call their own code with those rights.
export function mutableSearchPath(functions: readonly FunctionRow[]): Finding[] {
  return functions
    .filter((f) => !hasFixedSearchPath(f))
    .map((f) => ({
      check: f.securityDefiner
        ? 'security_definer_function_mutable_search_path'
        : 'function_search_path_mutable',
      level: f.securityDefiner ? ('error' as const) : ('warn' as const),
      object: functionObject(f),
      message: f.securityDefiner
        ? 'security definer function without a fixed search_path'
        : 'function without a fixed search_path resolves names from the caller’s path',
      hint: `alter function ${functionObject(f)} set search_path = ''; and schema-qualify every name in its body`,
    }));
}

const isSecurityInvoker = (r: RelationRow) =>
  r.options.some((o) => /^security_invoker=(true|on|yes|1)$/i.test(o));

// A view runs with its owner's rights unless security_invoker is set, so it would bypass the RLS
// of every table it reads for whoever can select from it.
export function viewsNotInvoker(relations: readonly RelationRow[]): Finding[] {
  return relations
    .filter((r) => r.kind === 'v' && !isSecurityInvoker(r))
    .map((r) => ({
      check: 'security_definer_view',
      level: 'error' as const,
      object: qualified(r.schema, r.name),
      message:
        'view in an exposed schema is not security_invoker, so it reads its tables bypassing their RLS',
      hint: `alter view ${qualified(r.schema, r.name)} set (security_invoker = true);`,
    }));
}

// Materialized views have no RLS at all: whoever may select reads every row.
export function materializedViewsInApi(relations: readonly RelationRow[]): Finding[] {
  return relations
    .filter((r) => r.kind === 'm' && r.apiSelect)
    .map((r) => ({
      check: 'materialized_view_in_api',
      level: 'warn' as const,
      object: qualified(r.schema, r.name),
      message: 'materialized view readable through the API; it has no RLS',
      hint: `revoke select on ${qualified(r.schema, r.name)} from anon, authenticated; or move it to the private schema`,
    }));
}

// Nothing anonymous writes to a table directly: sign-up goes through auth, and anything else an
// anonymous visitor may do is an RPC that validates its input. Grants (table- or column-level,
// directly or through PUBLIC) are checked, not policies, so RLS mistakes cannot open a hole.
export function anonWriteGrants(relations: readonly RelationRow[]): Finding[] {
  const findings: Finding[] = [];
  for (const r of relations) {
    const privileges = [
      r.anonInsert && 'insert',
      r.anonUpdate && 'update',
      r.anonDelete && 'delete',
      r.anonTruncate && 'truncate',
    ].filter((p): p is string => typeof p === 'string');
    if (privileges.length === 0) continue;
    const name = qualified(r.schema, r.name);
    findings.push({
      check: 'anon_write_grant',
      level: 'error',
      object: name,
      message: `anon may ${privileges.join(', ')} (granted to anon or PUBLIC, on the table or on columns)`,
      hint: `revoke ${privileges.join(', ')} on ${name} from anon, public; (new tables: revoke all ... from anon, authenticated; then grant what each role needs)`,
    });
  }
  return findings;
}

// PostgREST turns every function in an exposed schema into /rest/v1/rpc/<name>. A security
// definer one bypasses RLS for whoever calls it, so it belongs in the private schema behind an
// invoker wrapper (as open_verification_document does), or must not be executable by API roles.
export function definerFunctionsInApi(
  functions: readonly FunctionRow[],
  exposedSchemas: readonly string[],
): Finding[] {
  return functions
    .filter(
      (f) =>
        exposedSchemas.includes(f.schema) &&
        f.securityDefiner &&
        !f.isTrigger &&
        (f.anonExecute || f.authenticatedExecute),
    )
    .map((f) => {
      const roles = [f.anonExecute && 'anon', f.authenticatedExecute && 'authenticated']
        .filter(Boolean)
        .join(' and ');
      return {
        check: 'security_definer_function_executable',
        level: 'error' as const,
        object: functionObject(f),
        message: `security definer function callable as an RPC by ${roles}`,
        hint: `make it security invoker and call a private.* definer helper, or: revoke execute on function ${functionObject(f)} from public, anon, authenticated;`,
      };
    });
}

// Without an index whose leading columns are the foreign key's, deleting or updating a referenced
// row scans the whole referencing table. Partial and invalid indexes do not count: they do not
// cover every row.
export function unindexedForeignKeys(foreignKeys: readonly ForeignKeyRow[]): Finding[] {
  return foreignKeys
    .filter((fk) => {
      const wanted = [...fk.keys].sort((a, b) => a - b).join(',');
      return !fk.indexes.some(
        (ix) =>
          ix.valid &&
          !ix.partial &&
          [...ix.keys.slice(0, fk.keys.length)].sort((a, b) => a - b).join(',') === wanted,
      );
    })
    .map((fk) => ({
      check: 'unindexed_foreign_key',
      level: 'warn' as const,
      object: `${qualified(fk.schema, fk.table)} (${fk.columns.join(', ')})`,
      message: `foreign key ${fk.name} to ${fk.references} has no covering index (partial indexes do not count)`,
      hint: `create index ${fk.table}_${fk.columns.join('_')}_idx on ${qualified(fk.schema, fk.table)} (${fk.columns.map(ident).join(', ')});`,
    }));
}

/** Every schema check, errors first. */
export function checkCatalog(catalog: Catalog): Finding[] {
  const findings = [
    ...rlsDisabled(catalog.relations),
    ...rlsWithoutPolicy(catalog.relations),
    ...policyReadsUserMetadata(catalog.policies),
    ...authCallsNotWrapped(catalog.policies),
    ...mutableSearchPath(catalog.functions),
    ...viewsNotInvoker(catalog.relations),
    ...materializedViewsInApi(catalog.relations),
    ...anonWriteGrants(catalog.relations),
    ...definerFunctionsInApi(catalog.functions, catalog.exposedSchemas),
    ...unindexedForeignKeys(catalog.foreignKeys),
  ];
  return findings.sort((a, b) => (a.level === b.level ? 0 : a.level === 'error' ? -1 : 1));
}
