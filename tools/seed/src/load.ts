// Writes a data set in one transaction. Each kind of row is COPYed into a temporary table, then
// inserted with `on conflict do nothing`: COPY keeps large loads fast, the insert keeps a second
// run harmless, and the database's own triggers (profiles, published, search text, next slots,
// audit) still do their work because the rows reach the real tables through ordinary inserts.
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { copyLine, type CopyValue } from './copy-format.ts';
import type { Dataset, UserRow } from './generate.ts';

export type Logger = (line: string) => void;
export type LoadCounts = Record<keyof Dataset, number>;
type PublicTable = Exclude<keyof Dataset, 'users'>;
type Columns<T extends PublicTable> = readonly (keyof Dataset[T][number] & string)[];

// The generated rows use the tables' column names; these are the ones loaded, per table.
// prettier-ignore
const COLUMNS: { [T in PublicTable]: Columns<T> } = {
  companies: ['id', 'name', 'email_domains', 'active'],
  staff_members: ['user_id'],
  company_members: ['company_id', 'user_id'],
  subscriptions: ['id', 'practitioner_id', 'plan', 'status', 'current_period_end'],
  practitioners: [
    'id', 'slug', 'display_name', 'profession_code', 'bio_fr', 'bio_en', 'languages', 'registration_number',
    'place_id', 'formatted_address', 'latitude', 'longitude', 'modes', 'time_zone', 'verification_status',
    'status_reason', 'submitted_at', 'verified_at', 'created_at',
  ],
  practitioner_specialties: ['practitioner_id', 'specialty_id'],
  consultation_types: [
    'id', 'practitioner_id', 'name_fr', 'name_en', 'duration_minutes', 'price_cents', 'currency', 'mode',
    'buffer_before_minutes', 'buffer_after_minutes', 'min_notice_minutes', 'horizon_days', 'active',
  ],
  availability_rules: ['id', 'practitioner_id', 'weekday', 'start_time', 'end_time', 'modes'],
  availability_exceptions: ['id', 'practitioner_id', 'kind', 'during', 'consultation_type_ids', 'note', 'created_at'],
  appointments: [
    'id', 'practitioner_id', 'patient_id', 'consultation_type_id', 'starts_at', 'ends_at', 'blocked', 'status',
    'hold_expires_at', 'mode', 'price_cents', 'currency', 'cancelled_at', 'cancelled_by', 'cancelled_by_role',
    'cancel_reason', 'idempotency_key', 'created_at', 'updated_at',
  ],
};

// What identifies a row, to count which generated rows the database holds.
const KEYS: Record<PublicTable, string> = {
  companies: 'id',
  staff_members: 'user_id',
  company_members: 'company_id, user_id',
  subscriptions: 'id',
  practitioners: 'id',
  practitioner_specialties: 'practitioner_id, specialty_id',
  consultation_types: 'id',
  availability_rules: 'id',
  availability_exceptions: 'id',
  appointments: 'id',
};

const NIL_UUID = '00000000-0000-0000-0000-000000000000';

/** COPYs lines into a table, in chunks of about 64 KB: one write per row would dominate the time. */
async function copyInto(
  client: pg.ClientBase,
  table: string,
  columns: readonly string[],
  lines: Iterable<string>,
) {
  function* chunks(): Generator<string> {
    let chunk = '';
    for (const line of lines) {
      chunk += line;
      if (chunk.length > 65_536) {
        yield chunk;
        chunk = '';
      }
    }
    if (chunk) yield chunk;
  }
  await pipeline(
    Readable.from(chunks()),
    client.query(copyFrom(`copy ${table} (${columns.join(', ')}) from stdin`)),
  );
}

function* linesOf<Row>(rows: readonly Row[], values: (row: Row) => CopyValue[]): Generator<string> {
  for (const row of rows) yield copyLine(values(row));
}

/** A temporary copy of a public table's loaded columns (types included), dropped at commit. */
async function stageTable<T extends PublicTable>(
  client: pg.ClientBase,
  table: T,
  rows: Dataset[T],
): Promise<void> {
  const columns = COLUMNS[table] as readonly string[];
  await client.query(
    `create temp table seed_${table} on commit drop as select ${columns.join(', ')} from public.${table} with no data`,
  );
  const values = (row: Dataset[T][number]) =>
    columns.map((c) => (row as Record<string, CopyValue>)[c] ?? null);
  await copyInto(client, `seed_${table}`, columns, linesOf<Dataset[T][number]>(rows, values));
}

/** What sign-up would have stored: the role a user can choose (staff is granted separately). */
function userMetadata(u: UserRow): Record<string, unknown> {
  const role = u.role === 'practitioner' ? 'practitioner' : 'patient';
  return { full_name: u.full_name, role, locale: u.locale, email_verified: true };
}

/** Stages every table; split from the inserts so that timings show which side costs what. */
export async function stageAll(client: pg.ClientBase, data: Dataset): Promise<void> {
  const userColumns = ['id', 'identity_id', 'email', 'meta', 'created_at'];
  await client.query(
    'create temp table seed_users (id uuid, identity_id uuid, email text, meta jsonb, created_at timestamptz) on commit drop',
  );
  await copyInto(
    client,
    'seed_users',
    userColumns,
    linesOf(data.users, (u) => [u.id, u.identity_id, u.email, userMetadata(u), u.created_at]),
  );
  for (const table of Object.keys(COLUMNS) as PublicTable[]) await stageTable(client, table, data[table]);
}

/**
 * Moves the staged rows into the real tables, in dependency order. Rows that already exist (same
 * key or same e-mail) are skipped, and rows hanging off a skipped practitioner are skipped too.
 */
export async function insertAll(
  client: pg.ClientBase,
  passwordHash: string,
  log: Logger,
): Promise<LoadCounts> {
  const run = async (what: string, sql: string, params: unknown[] = []): Promise<number> => {
    const t0 = performance.now();
    const r = await client.query(sql, params);
    const seconds = ((performance.now() - t0) / 1000).toFixed(2);
    log(`${what.padEnd(40)} ${String(r.rowCount ?? 0).padStart(7)} rows  ${seconds} s`);
    return r.rowCount ?? 0;
  };
  const insert = (table: PublicTable, label: string, filter = '') => {
    const columns = COLUMNS[table].join(', ');
    return run(
      label,
      `insert into public.${table} (${columns}) select ${columns} from seed_${table} s ${filter} on conflict do nothing`,
    );
  };
  const ofExistingPractitioner =
    'where exists (select 1 from public.practitioners p where p.id = s.practitioner_id)';

  // Companies come first so that the e-mail-domain trigger on auth.users can link employees.
  const companies = await insert('companies', 'companies');
  // Like GoTrue's admin create with email_confirm: confirmed, e-mail provider, empty token columns.
  const users = await run(
    'auth.users (+ profiles)',
    `insert into auth.users (
       instance_id, id, aud, role, email, encrypted_password, email_confirmed_at, raw_app_meta_data, raw_user_meta_data,
       confirmation_token, recovery_token, email_change_token_new, email_change, email_change_token_current,
       reauthentication_token, phone_change, phone_change_token, is_super_admin, created_at, updated_at)
     select $1::uuid, id, 'authenticated', 'authenticated', email, $2, created_at,
            '{"provider": "email", "providers": ["email"]}', meta, '', '', '', '', '', '', '', '', false, created_at, created_at
       from seed_users
     on conflict do nothing`,
    [NIL_UUID, passwordHash],
  );
  await run(
    'auth.identities',
    `insert into auth.identities (id, provider_id, user_id, identity_data, provider, created_at, updated_at)
     select s.identity_id, s.id::text, s.id,
            jsonb_build_object('sub', s.id::text, 'email', s.email, 'email_verified', true, 'phone_verified', false),
            'email', s.created_at, s.created_at
       from seed_users s join auth.users u on u.id = s.id
     on conflict do nothing`,
  );
  const staff = await insert('staff_members', 'staff_members (+ roles, audit)');
  // The e-mail-domain trigger has usually linked them already; this covers accounts that existed
  // before their company did.
  const members = await insert(
    'company_members',
    'company_members',
    'where exists (select 1 from public.companies c where c.id = s.company_id)',
  );
  // Before the practitioners: a verified practitioner inserted with a running subscription is
  // published by the insert trigger itself, where a later subscription would update every row again.
  const subscriptions = await insert('subscriptions', 'subscriptions');
  const practitioners = await insert('practitioners', 'practitioners (+ published)');
  // Only the specialties of the profession the practitioner has in the database: on a second run
  // after the catalogue changed, the generator may have given an existing one another profession.
  const specialties = await insert(
    'practitioner_specialties',
    'practitioner_specialties',
    `where exists (select 1 from public.practitioners p join public.specialties sp
                    on sp.profession_code = p.profession_code
                   where p.id = s.practitioner_id and sp.id = s.specialty_id)`,
  );
  const types = await insert('consultation_types', 'consultation_types', ofExistingPractitioner);
  // Each of the last three is one statement whose trigger computes the next free slot of every
  // published practitioner it touched, once.
  const rules = await insert(
    'availability_rules',
    'availability_rules (+ next slots)',
    ofExistingPractitioner,
  );
  const exceptions = await insert(
    'availability_exceptions',
    'availability_exceptions (+ next slots)',
    ofExistingPractitioner,
  );
  // `on conflict do nothing` without a target also skips a row that the no-overlap exclusion
  // constraint would refuse (a developer's own booking at that time): it shows as not present.
  const appointments = await insert(
    'appointments',
    'appointments (+ next slots)',
    `${ofExistingPractitioner} and exists (select 1 from public.profiles u where u.id = s.patient_id)`,
  );
  return {
    users,
    staff_members: staff,
    companies,
    company_members: members,
    practitioners,
    practitioner_specialties: specialties,
    consultation_types: types,
    subscriptions,
    availability_rules: rules,
    availability_exceptions: exceptions,
    appointments,
  };
}

/** How many of the staged rows the real tables hold, whoever inserted them (seed or trigger). */
export async function countPresent(client: pg.ClientBase): Promise<LoadCounts> {
  const counts = Object.entries(KEYS).map(
    ([table, key]) =>
      `(select count(*) from seed_${table} s join public.${table} t using (${key}))::int as ${table}`,
  );
  const { rows } = await client.query<LoadCounts>(
    `select (select count(*) from seed_users s join auth.users u on u.id = s.id)::int as users, ${counts.join(', ')}`,
  );
  const result = rows[0];
  if (!result) throw new Error('counting seeded rows returned nothing');
  return result;
}
