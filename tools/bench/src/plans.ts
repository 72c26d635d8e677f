// Query plans of what a missed target ran: the same SQL PostgREST runs, as the same role with
// the same JWT claims, inside a transaction that rolls back. auto_explain (loaded by the
// superuser for this session only) also shows the statements inside the PL/pgSQL functions,
// where the time goes; a plain EXPLAIN would stop at "Function Scan".
import pg from 'pg';
import { claimsOf } from './jwt.ts';

export interface PlanRequest {
  role: 'anon' | 'authenticated';
  userId: string | null;
  sql: string;
  params: unknown[];
}

export interface NestedPlan {
  durationMs: number;
  text: string;
}

/** Runs the request's SQL as its role and claims, in a transaction that rolls back. */
async function runAs(
  client: pg.Client,
  request: PlanRequest,
  around: (run: () => Promise<unknown>) => Promise<unknown>,
) {
  await client.query('begin');
  try {
    await client.query(`set local role ${request.role === 'anon' ? 'anon' : 'authenticated'}`);
    await client.query("select set_config('request.jwt.claims', $1, true)", [
      JSON.stringify(claimsOf(request.userId)),
    ]);
    await around(() => client.query(request.sql, request.params));
  } finally {
    await client.query('rollback');
  }
}

/** Every plan auto_explain printed, slowest first; the outermost statement is among them. */
export async function capturePlans(superuserUrl: string, request: PlanRequest): Promise<NestedPlan[]> {
  const client = new pg.Client({ connectionString: superuserUrl });
  const plans: NestedPlan[] = [];
  let capturing = false;
  client.on('notice', (notice) => {
    if (!capturing) return;
    const m = /^duration: ([\d.]+) ms\s+plan:\n?([\s\S]*)$/.exec(notice.message ?? '');
    if (m) plans.push({ durationMs: Number(m[1]), text: m[2]!.trim() });
  });
  client.on('error', () => undefined);
  await client.connect();
  try {
    await client.query("load 'auto_explain'");
    for (const [name, value] of Object.entries({
      'auto_explain.log_min_duration': '0',
      'auto_explain.log_analyze': 'on',
      'auto_explain.log_buffers': 'on',
      'auto_explain.log_timing': 'on',
      'auto_explain.log_nested_statements': 'on',
      'auto_explain.log_level': 'notice',
    })) {
      await client.query('select set_config($1, $2, false)', [name, value]);
    }
    // Once unmeasured first: a new session compiles the PL/pgSQL functions and fills its caches.
    await runAs(client, request, (run) => run());
    await runAs(client, request, async (run) => {
      capturing = true;
      try {
        await run();
      } finally {
        capturing = false;
      }
    });
  } finally {
    await client.end();
  }
  return plans.sort((a, b) => b.durationMs - a.durationMs);
}
