// Reads and writes of auth.users and auth.identities, in the column shapes GoTrue uses.
import { randomUUID } from 'node:crypto';
import type { Db } from './db.ts';

export const NIL_UUID = '00000000-0000-0000-0000-000000000000';
export const DEFAULT_AUD = 'authenticated';

type Json = Record<string, unknown>;

export interface UserRow {
  id: string;
  aud: string | null;
  role: string | null;
  email: string | null;
  phone: string | null;
  encrypted_password: string | null;
  email_confirmed_at: Date | null;
  phone_confirmed_at: Date | null;
  confirmed_at: Date | null;
  invited_at: Date | null;
  confirmation_token: string | null;
  confirmation_sent_at: Date | null;
  recovery_token: string | null;
  recovery_sent_at: Date | null;
  email_change: string | null;
  email_change_token_new: string | null;
  email_change_token_current: string | null;
  email_change_sent_at: Date | null;
  email_change_confirm_status: number | null;
  last_sign_in_at: Date | null;
  raw_app_meta_data: Json | null;
  raw_user_meta_data: Json | null;
  created_at: Date | null;
  updated_at: Date | null;
  banned_until: Date | null;
  deleted_at: Date | null;
  is_anonymous: boolean;
  is_sso_user: boolean;
}

export interface IdentityRow {
  id: string;
  provider_id: string;
  user_id: string;
  identity_data: Json;
  provider: string;
  last_sign_in_at: Date | null;
  created_at: Date | null;
  updated_at: Date | null;
  email: string | null;
}

/** Columns a handler may set through updateUser; keeps the dynamic SQL to known names. */
export type UserPatch = Partial<
  Pick<
    UserRow,
    | 'aud'
    | 'role'
    | 'email'
    | 'encrypted_password'
    | 'email_confirmed_at'
    | 'invited_at'
    | 'confirmation_token'
    | 'confirmation_sent_at'
    | 'recovery_token'
    | 'recovery_sent_at'
    | 'email_change'
    | 'email_change_token_new'
    | 'email_change_token_current'
    | 'email_change_sent_at'
    | 'email_change_confirm_status'
    | 'last_sign_in_at'
    | 'raw_app_meta_data'
    | 'raw_user_meta_data'
    | 'banned_until'
    | 'deleted_at'
    | 'phone'
  >
>;

const SELECT_USER = 'select * from auth.users';

export async function findUserById(db: Db, id: string, forUpdate = false): Promise<UserRow | undefined> {
  const { rows } = await db.query<UserRow>(`${SELECT_USER} where id = $1${forUpdate ? ' for update' : ''}`, [
    id,
  ]);
  return rows[0];
}

/** Like GoTrue: e-mails compare lower-cased, SSO users (which may share an e-mail) are ignored. */
export async function findUserByEmail(
  db: Db,
  email: string,
  aud = DEFAULT_AUD,
): Promise<UserRow | undefined> {
  const { rows } = await db.query<UserRow>(
    `${SELECT_USER} where instance_id = $1 and lower(email) = lower($2) and aud = $3 and is_sso_user = false`,
    [NIL_UUID, email, aud],
  );
  return rows[0];
}

/** True when another (non-SSO) account already uses this e-mail. */
export async function isEmailTaken(db: Db, email: string, exceptUserId?: string): Promise<boolean> {
  const { rows } = await db.query(
    `select 1 from auth.users where lower(email) = lower($1) and is_sso_user = false and id <> coalesce($2::uuid, '${NIL_UUID}'::uuid)`,
    [email, exceptUserId ?? null],
  );
  return rows.length > 0;
}

export type TokenColumn =
  'confirmation_token' | 'recovery_token' | 'email_change_token_new' | 'email_change_token_current';

/** The user holding this hashed token; a `pkce_` prefix on the stored value still matches. */
export async function findUserByToken(
  db: Db,
  columns: TokenColumn[],
  tokenHash: string,
): Promise<UserRow | undefined> {
  if (!tokenHash) return undefined;
  const where = columns.map((c) => `${c} = $1 or ${c} = 'pkce_' || $1`).join(' or ');
  const { rows } = await db.query<UserRow>(`${SELECT_USER} where ${where} limit 1`, [
    tokenHash.replace(/^pkce_/, ''),
  ]);
  return rows[0];
}

export interface NewUser {
  id?: string;
  aud?: string;
  role: string;
  email: string | null;
  encryptedPassword: string;
  appMetadata: Json;
  userMetadata: Json;
}

/** A plain INSERT so that triggers migrations hang on auth.users fire as they do on hosted. */
export async function insertUser(db: Db, user: NewUser): Promise<UserRow> {
  const { rows } = await db.query<UserRow>(
    `insert into auth.users (
       instance_id, id, aud, role, email, encrypted_password, raw_app_meta_data, raw_user_meta_data,
       confirmation_token, recovery_token, email_change_token_new, email_change, email_change_token_current,
       reauthentication_token, phone_change, phone_change_token, is_super_admin, created_at, updated_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, '', '', '', '', '', '', '', '', false, now(), now())
     returning *`,
    [
      NIL_UUID,
      user.id ?? randomUUID(),
      user.aud ?? DEFAULT_AUD,
      user.role,
      user.email,
      user.encryptedPassword,
      JSON.stringify(user.appMetadata),
      JSON.stringify(user.userMetadata),
    ],
  );
  const row = rows[0];
  if (!row) throw new Error('insert into auth.users returned no row');
  return row;
}

export async function updateUser(db: Db, id: string, patch: UserPatch): Promise<UserRow> {
  const entries = Object.entries(patch).filter(([, v]) => v !== undefined);
  const sets = entries.map(([column], i) => `${column} = $${i + 2}`);
  const values = entries.map(([column, v]) =>
    column.startsWith('raw_') && v !== null ? JSON.stringify(v) : (v as unknown),
  );
  const { rows } = await db.query<UserRow>(
    `update auth.users set ${[...sets, 'updated_at = now()'].join(', ')} where id = $1 returning *`,
    [id, ...values],
  );
  const row = rows[0];
  if (!row) throw new Error(`auth.users row ${id} vanished during update`);
  return row;
}

/** GoTrue's metadata merge: keys with a null value are removed, others replaced. */
export function mergeMetadata(current: Json | null, updates: Json): Json {
  const merged: Json = { ...(current ?? {}) };
  for (const [key, value] of Object.entries(updates)) {
    if (value === null) delete merged[key];
    else merged[key] = value;
  }
  return merged;
}

export async function deleteUser(db: Db, id: string): Promise<void> {
  await db.query('delete from auth.users where id = $1', [id]);
}

export async function listUsers(
  db: Db,
  page: number,
  perPage: number,
  aud = DEFAULT_AUD,
): Promise<{ users: UserRow[]; total: number }> {
  const [{ rows }, count] = await Promise.all([
    db.query<UserRow>(
      `${SELECT_USER} where instance_id = $1 and aud = $2 order by created_at desc, id limit $3 offset $4`,
      [NIL_UUID, aud, perPage, (page - 1) * perPage],
    ),
    db.query<{ n: string }>('select count(*) as n from auth.users where instance_id = $1 and aud = $2', [
      NIL_UUID,
      aud,
    ]),
  ]);
  return { users: rows, total: Number(count.rows[0]?.n ?? 0) };
}

export async function findIdentities(db: Db, userIds: string[]): Promise<IdentityRow[]> {
  if (userIds.length === 0) return [];
  const { rows } = await db.query<IdentityRow>(
    'select * from auth.identities where user_id = any($1::uuid[]) order by created_at, id',
    [userIds],
  );
  return rows;
}

export async function insertIdentity(
  db: Db,
  userId: string,
  provider: string,
  identityData: Json,
): Promise<IdentityRow> {
  const { rows } = await db.query<IdentityRow>(
    `insert into auth.identities (provider_id, user_id, identity_data, provider, last_sign_in_at, created_at, updated_at)
     values ($1, $2, $3, $4, now(), now(), now()) returning *`,
    [String(identityData.sub ?? userId), userId, JSON.stringify(identityData), provider],
  );
  const row = rows[0];
  if (!row) throw new Error('insert into auth.identities returned no row');
  return row;
}

export async function findIdentity(
  db: Db,
  userId: string,
  provider: string,
): Promise<IdentityRow | undefined> {
  const { rows } = await db.query<IdentityRow>(
    'select * from auth.identities where provider_id = $1 and provider = $2',
    [userId, provider],
  );
  return rows[0];
}

export async function updateIdentityData(db: Db, identityId: string, updates: Json): Promise<void> {
  await db.query(
    `update auth.identities set identity_data = identity_data || $2::jsonb, updated_at = now() where id = $1`,
    [identityId, JSON.stringify(updates)],
  );
}

export async function touchIdentitySignIn(db: Db, userId: string, provider: string): Promise<void> {
  await db.query(
    'update auth.identities set last_sign_in_at = now() where provider_id = $1 and provider = $2',
    [userId, provider],
  );
}

/** app_metadata.providers as GoTrue recomputes it: the user's identity providers, oldest first. */
export async function syncProviders(db: Db, user: UserRow): Promise<UserRow> {
  const { rows } = await db.query<{ provider: string }>(
    'select provider from auth.identities where user_id = $1 group by provider order by min(created_at)',
    [user.id],
  );
  const providers = rows.map((r) => r.provider);
  const updates: Json = { providers };
  if (providers.length > 0) updates.provider = providers[0];
  return updateUser(db, user.id, { raw_app_meta_data: mergeMetadata(user.raw_app_meta_data, updates) });
}
