// /admin/users: the service-role API behind supabase.auth.admin (list, create, get, update, delete).
import type { AuthContext } from '../context.ts';
import { inTransaction, type Db } from '../db.ts';
import { parseGoDuration } from '../duration.ts';
import { badRequest, notFound, unprocessable } from '../errors.ts';
import { isUuid, requireAdmin } from '../guards.ts';
import { bool, jsonReply, str, type AuthReply, type AuthRequest } from '../http.ts';
import { metadataOf } from '../metadata.ts';
import { loadUserJson } from '../issue-session.ts';
import { hashPassword, isBcryptHash, passwordProblem } from '../password.ts';
import { newRandomPassword } from '../secrets.ts';
import { deleteUserSessions } from '../sessions-repo.ts';
import { changePassword, confirmEmail, emailIdentityData, setEmail } from '../user-actions.ts';
import { userJson } from '../user-json.ts';
import {
  deleteUser,
  findIdentities,
  findUserById,
  insertIdentity,
  insertUser,
  isEmailTaken,
  listUsers,
  mergeMetadata,
  updateUser,
  type UserRow,
} from '../users-repo.ts';
import { validateEmail } from '../validate-email.ts';

type Json = Record<string, unknown>;

function rejectPhone(body: Json): void {
  if (str(body, 'phone') !== '') {
    throw unprocessable('validation_failed', 'Phone numbers are not supported by the local auth emulator');
  }
}

/** GoTrue's ban_duration: a Go duration, or "none" to lift a ban. */
function banUntil(body: Json): Date | null | undefined {
  const raw = str(body, 'ban_duration');
  if (raw === '') return undefined;
  if (raw === 'none') return null;
  let ms: number;
  try {
    ms = parseGoDuration(raw);
  } catch (error) {
    throw badRequest('validation_failed', `invalid format for ban duration: ${(error as Error).message}`);
  }
  return ms === 0 ? null : new Date(Date.now() + ms);
}

async function loadTarget(db: Db, id: string): Promise<UserRow> {
  if (!isUuid(id)) throw notFound('validation_failed', 'user_id must be an UUID');
  const user = await findUserById(db, id);
  if (!user) throw notFound('user_not_found', 'User not found');
  return user;
}

function pageParam(req: AuthRequest, name: string, fallback: number): number {
  const raw = req.query.get(name) ?? '';
  if (raw === '') return fallback;
  if (!/^\d+$/.test(raw))
    throw badRequest('validation_failed', `Bad Pagination Parameters: invalid ${name} "${raw}"`);
  return Math.max(1, Number(raw));
}

export async function handleListUsers(ctx: AuthContext, req: AuthRequest): Promise<AuthReply> {
  await requireAdmin(ctx, req);
  const page = pageParam(req, 'page', 1);
  const perPage = pageParam(req, 'per_page', 50);
  const { users, total } = await listUsers(ctx.pool, page, perPage);
  const identities = await findIdentities(
    ctx.pool,
    users.map((u) => u.id),
  );
  // GoTrue's pagination headers; supabase-js reads the page numbers back out of the Link header.
  const totalPages = Math.ceil(total / perPage);
  const linkTo = (p: number): string => {
    const query = new URLSearchParams(req.query);
    query.set('page', String(p));
    const sorted = new URLSearchParams([...query.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    return `</admin/users?${sorted.toString()}>`;
  };
  const links = [
    ...(totalPages > page ? [`${linkTo(page + 1)}; rel="next"`] : []),
    `${linkTo(totalPages)}; rel="last"`,
  ];
  return {
    status: 200,
    body: { users: users.map((u) => userJson(u, identities)), aud: 'authenticated' },
    headers: { link: links.join(', '), 'x-total-count': String(total) },
  };
}

export async function handleCreateUser(ctx: AuthContext, req: AuthRequest): Promise<AuthReply> {
  await requireAdmin(ctx, req);
  const body = await req.json();
  rejectPhone(body);
  if (str(body, 'email') === '') {
    throw badRequest('validation_failed', 'Cannot create a user without either an email or phone');
  }
  const email = validateEmail(str(body, 'email'));
  if (await isEmailTaken(ctx.pool, email)) {
    throw unprocessable('email_exists', 'A user with this email address has already been registered');
  }
  const password = typeof body.password === 'string' ? body.password : undefined;
  const passwordHash = str(body, 'password_hash');
  if (password !== undefined && passwordHash !== '') {
    throw badRequest('validation_failed', 'Only a password or a password hash should be provided');
  }
  if (passwordHash !== '' && !isBcryptHash(passwordHash)) {
    throw badRequest('validation_failed', 'password_hash must be a bcrypt hash');
  }
  if (password && Buffer.byteLength(password) > 72) {
    throw badRequest('validation_failed', 'bcrypt: password length exceeds 72 bytes');
  }
  const id = str(body, 'id');
  if (id !== '' && (!isUuid(id) || id === '00000000-0000-0000-0000-000000000000')) {
    throw badRequest('validation_failed', 'ID must conform to the uuid v4 format');
  }
  const encrypted = passwordHash || (await hashPassword(password || newRandomPassword()));
  const bannedUntil = banUntil(body);
  const appMetadata = metadataOf(body, 'app_metadata');

  const created = await inTransaction(ctx.pool, async (tx) => {
    // Inserted first with only the provider in app_metadata, extra app_metadata written after:
    // the same two steps as GoTrue, so insert triggers see what they would see on hosted.
    let user = await insertUser(tx, {
      id: id || undefined,
      role: str(body, 'role') || 'authenticated',
      email,
      encryptedPassword: encrypted,
      appMetadata: { provider: 'email', providers: ['email'] },
      userMetadata: metadataOf(body, 'user_metadata') ?? {},
    });
    await insertIdentity(tx, user.id, 'email', emailIdentityData(user.id, email));
    if (appMetadata)
      user = await updateUser(tx, user.id, {
        raw_app_meta_data: mergeMetadata(user.raw_app_meta_data, appMetadata),
      });
    if (bool(body, 'email_confirm')) user = await confirmEmail(tx, user);
    if (bannedUntil !== undefined) user = await updateUser(tx, user.id, { banned_until: bannedUntil });
    return loadUserJson(tx, user);
  });
  return jsonReply(created);
}

export async function handleGetUserById(ctx: AuthContext, req: AuthRequest, id: string): Promise<AuthReply> {
  await requireAdmin(ctx, req);
  return jsonReply(await loadUserJson(ctx.pool, await loadTarget(ctx.pool, id)));
}

export async function handleUpdateUserById(
  ctx: AuthContext,
  req: AuthRequest,
  id: string,
): Promise<AuthReply> {
  await requireAdmin(ctx, req);
  const target = await loadTarget(ctx.pool, id);
  const body = await req.json();
  rejectPhone(body);
  const email = str(body, 'email') ? validateEmail(str(body, 'email')) : '';
  if (email && email !== target.email && (await isEmailTaken(ctx.pool, email, target.id))) {
    throw unprocessable('email_exists', 'A user with this email address has already been registered');
  }
  const password = typeof body.password === 'string' ? body.password : undefined;
  if (password !== undefined) {
    const problem = passwordProblem(password, ctx.settings.minPasswordLength, [target.email ?? '']);
    if (problem) throw problem;
  }
  const passwordHash = password !== undefined ? await hashPassword(password) : undefined;
  const bannedUntil = banUntil(body);
  const emailConfirm = bool(body, 'email_confirm');
  const userMetadata = metadataOf(body, 'user_metadata');
  const appMetadata = metadataOf(body, 'app_metadata');

  const updated = await inTransaction(ctx.pool, async (tx) => {
    let user = target;
    if (str(body, 'role')) user = await updateUser(tx, user.id, { role: str(body, 'role') });
    if (emailConfirm) user = await confirmEmail(tx, user);
    // An admin password reset signs the user out everywhere.
    if (passwordHash) user = await changePassword(tx, user, passwordHash, null);
    if (email) user = await setEmail(tx, user, email, emailConfirm);
    if (appMetadata)
      user = await updateUser(tx, user.id, {
        raw_app_meta_data: mergeMetadata(user.raw_app_meta_data, appMetadata),
      });
    if (userMetadata)
      user = await updateUser(tx, user.id, {
        raw_user_meta_data: mergeMetadata(user.raw_user_meta_data, userMetadata),
      });
    if (bannedUntil !== undefined) user = await updateUser(tx, user.id, { banned_until: bannedUntil });
    return loadUserJson(tx, user);
  });
  return jsonReply(updated);
}

export async function handleDeleteUser(ctx: AuthContext, req: AuthRequest, id: string): Promise<AuthReply> {
  await requireAdmin(ctx, req);
  const target = await loadTarget(ctx.pool, id);
  const softDelete = bool(await req.json(), 'should_soft_delete');
  await inTransaction(ctx.pool, async (tx) => {
    if (!softDelete) {
      await deleteUser(tx, target.id);
      return;
    }
    if (target.deleted_at) return;
    // Soft delete keeps the row (and rows referencing it) but nothing that identifies the person
    // or lets anyone sign in; the address becomes free for a new account.
    await deleteUserSessions(tx, target.id);
    await tx.query('delete from auth.identities where user_id = $1', [target.id]);
    await updateUser(tx, target.id, {
      email: null,
      phone: null,
      encrypted_password: '',
      confirmation_token: '',
      recovery_token: '',
      email_change: '',
      email_change_token_new: '',
      email_change_token_current: '',
      raw_user_meta_data: {},
      raw_app_meta_data: {},
      deleted_at: new Date(),
    });
  });
  return jsonReply({});
}
