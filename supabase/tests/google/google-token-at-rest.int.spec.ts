// The refresh token is a password to the practitioner's calendar: stored only encrypted
// (AES-GCM, key in the functions' secrets), in a schema the API does not serve, and never in plain
// text in a dump of the database (issue 15, "Connect").
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { config, sql } from '@carebook/testing';
import { connectGoogle, google, videoPractitioner } from './support.ts';

/** pg_dump's major version, or null when none is installed. */
function pgDumpMajor(): number | null {
  try {
    return Number(/(\d+)\.\d+/.exec(execFileSync('pg_dump', ['--version'], { encoding: 'utf8' }))?.[1]);
  } catch {
    return null;
  }
}

/**
 * A dump of the whole database: pg_dump itself when its version can read the server, else every
 * row of every table (all schemas) as text, the same values pg_dump's data section holds, plus
 * function bodies and comments.
 */
async function dumpDatabase(): Promise<string> {
  const [{ server }] = (await sql<{ server: number }>(
    "select current_setting('server_version_num')::int / 10000 as server",
  )) as [{ server: number }];
  if (pgDumpMajor() === server)
    return execFileSync('pg_dump', [config.dbUrl('postgres')], { encoding: 'utf8', maxBuffer: 1 << 30 });
  const tables = await sql<{ name: string }>(
    `select format('%I.%I', n.nspname, c.relname) as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where c.relkind in ('r', 'p') and n.nspname not in ('pg_catalog', 'information_schema') and n.nspname not like 'pg_toast%'`,
  );
  const parts: string[] = [];
  for (const t of tables) {
    const rows = await sql<{ row: string }>(`select t::text as row from ${t.name} t`);
    parts.push(`-- ${t.name}`, ...rows.map((r) => r.row));
  }
  const code = await sql<{ src: string }>(
    "select coalesce(prosrc, '') || coalesce(obj_description(oid), '') as src from pg_proc",
  );
  return parts.concat(code.map((c) => c.src)).join('\n');
}

describe('refresh tokens at rest', () => {
  it('never appear in plain text in a dump of the database, nor through the API', async () => {
    const s = await videoPractitioner();
    const { email } = await connectGoogle(s.practitioner);
    const tokens = await google.calendar.refreshTokens(email);
    expect(tokens.length).toBeGreaterThan(0);
    const [stored] = await sql<{ refresh_token_cipher: string }>(
      'select refresh_token_cipher from private.google_connections where practitioner_id = $1',
      [s.practitioner.id],
    );
    expect(stored?.refresh_token_cipher).toMatch(/^[A-Za-z0-9+/]+=*$/);

    const dump = await dumpDatabase();
    expect(dump).toContain(stored!.refresh_token_cipher); // the dump did read the table
    for (const token of tokens) {
      expect(dump).not.toContain(token);
      expect(dump).not.toContain(token.slice(-24)); // not even the random part alone
    }

    // What the practitioner reads of their connection carries no secret.
    const mine = await s.practitioner.client.rpc('my_google_connection');
    expect(mine.error).toBeNull();
    expect(JSON.stringify(mine.data)).not.toMatch(/cipher|token/i);
    expect(mine.data).toMatchObject({ status: 'active', account_email: email });
    // The private tables are out of the API's reach.
    const direct = await s.practitioner.client
      .schema('private' as 'public')
      .from('google_connections' as never)
      .select();
    expect(direct.error).not.toBeNull();
  });
});
