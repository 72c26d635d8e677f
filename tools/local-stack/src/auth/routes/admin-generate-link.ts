// POST /admin/generate_link: the link and code an e-mail would carry, returned instead of mailed,
// for server-side flows and tests (supabase.auth.admin.generateLink).
import type { AuthContext } from '../context.ts';
import { inTransaction } from '../db.ts';
import { issueLinkToken, type LinkPurpose } from '../email-tokens.ts';
import { badRequest, notFound, unprocessable } from '../errors.ts';
import { requireAdmin } from '../guards.ts';
import { jsonReply, str, type AuthReply, type AuthRequest } from '../http.ts';
import { metadataOf } from '../metadata.ts';
import { loadUserJson } from '../issue-session.ts';
import { hashPassword } from '../password.ts';
import { chooseRedirect, requestRedirect } from '../redirect.ts';
import { newRandomPassword } from '../secrets.ts';
import { emailIdentityData } from '../user-actions.ts';
import { findUserByEmail, insertIdentity, insertUser, mergeMetadata, updateUser } from '../users-repo.ts';
import { validateEmail } from '../validate-email.ts';

const SUPPORTED: ReadonlySet<string> = new Set(['signup', 'invite', 'magiclink', 'recovery']);

export async function handleGenerateLink(ctx: AuthContext, req: AuthRequest): Promise<AuthReply> {
  await requireAdmin(ctx, req);
  const body = await req.json();
  let type = str(body, 'type');
  if (!SUPPORTED.has(type)) {
    throw badRequest('validation_failed', `Invalid email action link type requested: ${type}`);
  }
  const email = validateEmail(str(body, 'email'));
  const redirectTo = chooseRedirect(
    [str(body, 'redirect_to'), requestRedirect(req, ctx.settings)],
    ctx.settings.siteUrl,
    ctx.settings.redirectUrls,
  );
  const data = metadataOf(body, 'data') ?? {};
  let password = str(body, 'password');

  const existing = await findUserByEmail(ctx.pool, email);
  if (!existing) {
    if (type === 'recovery') throw notFound('user_not_found', 'User with this email not found');
    // A magic link for an unknown address signs them up, as GoTrue does.
    if (type === 'magiclink') {
      type = 'signup';
      password = newRandomPassword();
    }
    if (type === 'signup' && password === '')
      throw badRequest('validation_failed', 'Signup requires a valid password');
  } else if ((type === 'signup' || type === 'invite') && existing.email_confirmed_at) {
    throw unprocessable('email_exists', 'A user with this email address has already been registered');
  }
  const passwordHash = !existing && type === 'signup' ? await hashPassword(password) : '';

  const result = await inTransaction(ctx.pool, async (tx) => {
    let user = existing;
    if (!user) {
      user = await insertUser(tx, {
        role: 'authenticated',
        email,
        // Invited users have no password until they set one.
        encryptedPassword: passwordHash,
        appMetadata: { provider: 'email', providers: ['email'] },
        userMetadata: data,
      });
      await insertIdentity(tx, user.id, 'email', emailIdentityData(user.id, email));
    } else if (type === 'signup') {
      user = await updateUser(tx, user.id, {
        raw_user_meta_data: mergeMetadata(user.raw_user_meta_data, data),
      });
    }
    const issued = await issueLinkToken(tx, ctx, user, type as LinkPurpose, redirectTo);
    return {
      ...(await loadUserJson(tx, issued.user)),
      action_link: issued.link,
      email_otp: issued.otp,
      hashed_token: issued.tokenHash,
      verification_type: type,
      redirect_to: redirectTo,
    };
  });
  return jsonReply(result);
}
