// GET /user and PUT /user: the signed-in user reads and changes their own account.
import type { AuthContext } from '../context.ts';
import { inTransaction } from '../db.ts';
import { sendEmailChange } from '../email-tokens.ts';
import { badRequest, forbidden, unprocessable } from '../errors.ts';
import { requireUser } from '../guards.ts';
import { jsonReply, obj, str, type AuthReply, type AuthRequest } from '../http.ts';
import { metadataOf } from '../metadata.ts';
import { loadUserJson } from '../issue-session.ts';
import { hashPassword, passwordProblem, verifyPassword } from '../password.ts';
import { createFlowState, readPkceParams } from '../pkce.ts';
import { requestRedirect } from '../redirect.ts';
import { changePassword } from '../user-actions.ts';
import { isEmailTaken, mergeMetadata, updateUser } from '../users-repo.ts';
import { validateEmail } from '../validate-email.ts';

export async function handleGetUser(ctx: AuthContext, req: AuthRequest): Promise<AuthReply> {
  const { user, claims } = await requireUser(ctx, req);
  const aud = Array.isArray(claims.aud) ? claims.aud[0] : claims.aud;
  if (aud !== (user.aud ?? 'authenticated')) {
    throw badRequest('validation_failed', "Token audience doesn't match request audience");
  }
  return jsonReply(await loadUserJson(ctx.pool, user));
}

export async function handleUpdateUser(ctx: AuthContext, req: AuthRequest): Promise<AuthReply> {
  // The body's shape is checked before the token costs database reads, so a malformed or hostile
  // body is refused at once (GoTrue checks the token first; only the order of two 4xx differs).
  const body = await req.json();
  const data = metadataOf(body, 'data');
  const { user, sessionId } = await requireUser(ctx, req);
  const { settings } = ctx;

  const email = str(body, 'email') ? validateEmail(str(body, 'email')) : '';
  if (str(body, 'phone') !== '') throw badRequest('phone_provider_disabled', 'Unsupported phone provider');
  const password = typeof body.password === 'string' ? body.password : undefined;
  if (password !== undefined) {
    const fullName = user.raw_user_meta_data?.full_name;
    const problem = passwordProblem(password, settings.minPasswordLength, [
      user.email ?? '',
      typeof fullName === 'string' ? fullName : '',
    ]);
    if (problem) throw problem;
  }
  if (obj(body, 'app_metadata') !== undefined) {
    throw forbidden('not_admin', 'Updating app_metadata requires admin privileges');
  }
  const changingEmail = email !== '' && email !== user.email;
  if (changingEmail && (await isEmailTaken(ctx.pool, email, user.id))) {
    throw unprocessable('email_exists', 'A user with this email address has already been registered');
  }
  if (password && (await verifyPassword(password, user.encrypted_password))) {
    throw unprocessable('same_password', 'New password should be different from the old password.');
  }
  const passwordHash = password ? await hashPassword(password) : undefined;
  const pkce = changingEmail ? readPkceParams(body) : undefined;
  const redirectTo = requestRedirect(req, settings);

  const updated = await inTransaction(ctx.pool, async (tx) => {
    let current = user;
    if (passwordHash) current = await changePassword(tx, current, passwordHash, sessionId);
    if (data)
      current = await updateUser(tx, current.id, {
        raw_user_meta_data: mergeMetadata(current.raw_user_meta_data, data),
      });
    if (changingEmail) {
      if (pkce) await createFlowState(tx, current.id, pkce, 'email_change');
      current = await sendEmailChange(tx, ctx, current, email, redirectTo, Boolean(pkce));
    }
    return loadUserJson(tx, current);
  });
  return jsonReply(updated);
}
