// Seeds a running stack's database: reads the reference data, generates, loads in one transaction.
import pg from 'pg';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, type DemoAccount } from './demo.ts';
import { withExistingAccounts } from './existing-accounts.ts';
import { generate, type Dataset, type Reference, type Scale } from './generate.ts';
import { countPresent, insertAll, stageAll, type LoadCounts, type Logger } from './load.ts';
import { sharedPasswordHash } from './password.ts';
import { Random } from './random.ts';

/**
 * Where to seed. A StackConfig from @carebook/local-stack fits; the seed does not import that
 * package, so that the stack can import the seed without a circular dependency.
 */
export interface SeedTarget {
  dbUrl(role?: 'postgres'): string;
}

export interface SeedOptions {
  /** Same seed, same data. Default 42. */
  seed?: number;
  /** Reference time for generated dates; default the start of the current UTC day. */
  now?: Date;
}

export interface SeedReport {
  scale: Scale;
  seed: number;
  seconds: number;
  /** Rows generated per table (what a fresh database receives). */
  generated: LoadCounts;
  /** Rows this run's inserts added; all zero when the data set was already there. */
  inserted: LoadCounts;
  /** Generated rows the database holds after the run, whoever inserted them (triggers link companies). */
  present: LoadCounts;
  /** Seeded practitioners that anyone can see (verified and subscribed). */
  published: number;
  demoAccounts: readonly DemoAccount[];
}

export const DEFAULT_SEED = 42;

export function startOfUtcDay(d: Date): Date {
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
}

export async function readReference(client: pg.ClientBase): Promise<Reference> {
  const professions = await client.query<Reference['professions'][number]>(
    'select code, registry, name_fr, name_en from public.professions where active order by code',
  );
  const specialties = await client.query<Reference['specialties'][number]>(
    'select id, profession_code, code, name_fr, name_en from public.specialties order by profession_code, code',
  );
  return { professions: professions.rows, specialties: specialties.rows };
}

export function countRows(data: Dataset): LoadCounts {
  return {
    users: data.users.length,
    staff_members: data.staff_members.length,
    companies: data.companies.length,
    company_members: data.company_members.length,
    practitioners: data.practitioners.length,
    practitioner_specialties: data.practitioner_specialties.length,
    consultation_types: data.consultation_types.length,
    subscriptions: data.subscriptions.length,
    availability_rules: data.availability_rules.length,
    availability_exceptions: data.availability_exceptions.length,
    appointments: data.appointments.length,
  };
}

// Two seeds at once (two terminals running `npm start`) would race on the same keys.
const SEED_LOCK = 0x5eed;

export async function seed(
  target: SeedTarget,
  scale: Scale,
  log: Logger = () => undefined,
  options: SeedOptions = {},
): Promise<SeedReport> {
  const t0 = performance.now();
  const seedValue = options.seed ?? DEFAULT_SEED;
  const client = new pg.Client({ connectionString: target.dbUrl('postgres') });
  // A server that stops mid-load (Ctrl-C on the stack) fails the running query; without a
  // listener the client's own 'error' event would also crash the process before it cleans up.
  client.on('error', () => undefined);
  await client.connect();
  try {
    await client.query('begin');
    await client.query('select pg_advisory_xact_lock($1)', [SEED_LOCK]);
    const reference = await readReference(client);
    const generated = generate({
      seed: seedValue,
      scale,
      reference,
      now: options.now ?? startOfUtcDay(new Date()),
    });
    log(
      `generated ${generated.users.length} users, ${generated.practitioners.length} practitioners in ${elapsed(t0)} s`,
    );

    const existing = await client.query<{ id: string; email: string }>(
      'select id, lower(email) as email from auth.users where lower(email) = any($1::text[])',
      [generated.users.map((u) => u.email.toLowerCase())],
    );
    const data = withExistingAccounts(generated, new Map(existing.rows.map((r) => [r.email, r.id])));
    const passwordHash = sharedPasswordHash(DEMO_PASSWORD, new Random(`carebook-seed-${seedValue}/password`));

    const tStage = performance.now();
    await stageAll(client, data);
    log(`staged every table with COPY in ${elapsed(tStage)} s`);
    const inserted = await insertAll(client, passwordHash, log);
    const present = await countPresent(client);
    const published = await client.query<{ n: number }>(
      'select count(*)::int as n from public.practitioners p join seed_practitioners s on s.id = p.id where p.published',
    );
    await client.query('commit');
    return {
      scale,
      seed: seedValue,
      seconds: (performance.now() - t0) / 1000,
      generated: countRows(data),
      inserted,
      present,
      published: published.rows[0]?.n ?? 0,
      demoAccounts: DEMO_ACCOUNTS,
    };
  } catch (err) {
    await client.query('rollback').catch(() => undefined);
    throw err;
  } finally {
    await client.end();
  }
}

function elapsed(since: number): string {
  return ((performance.now() - since) / 1000).toFixed(2);
}
