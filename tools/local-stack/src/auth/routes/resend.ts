// POST /resend (supabase-js auth.resend): mails the sign-up confirmation or the e-mail change
// links again. Unknown or already-done cases answer `{}` so nothing about accounts leaks.
import type { AuthContext } from '../context.ts';
import { inTransaction } from '../db.ts';
import { sendEmailChange, sendLinkEmail } from '../email-tokens.ts';
import { throttle } from '../guards.ts';
import { badRequest } from '../errors.ts';
import { jsonReply, str, type AuthReply, type AuthRequest } from '../http.ts';
import { createFlowState, readPkceParams } from '../pkce.ts';
import { requestRedirect } from '../redirect.ts';
import { findUserByEmail } from '../users-repo.ts';
import { validateEmail } from '../validate-email.ts';

export async function handleResend(ctx: AuthContext, req: AuthRequest): Promise<AuthReply> {
  throttle(ctx.perAddress.signIn, req);
  const body = await req.json();
  const type = str(body, 'type');
  if (type === 'sms' || type === 'phone_change') {
    throw badRequest('phone_provider_disabled', 'Phone logins are disabled');
  }
  if (type !== 'signup' && type !== 'email_change') {
    throw badRequest(
      'validation_failed',
      'Missing one of these types: signup, email_change, sms, phone_change',
    );
  }
  const pkce = readPkceParams(body);
  if (str(body, 'email') === '') {
    throw badRequest(
      'validation_failed',
      type === 'signup' ? 'Type provided requires an email address' : 'Missing email address or phone number',
    );
  }
  const email = validateEmail(str(body, 'email'));
  const redirectTo = requestRedirect(req, ctx.settings);
  await inTransaction(ctx.pool, async (tx) => {
    const user = await findUserByEmail(tx, email);
    if (!user) return;
    if (type === 'signup') {
      if (user.email_confirmed_at) return;
      if (pkce) await createFlowState(tx, user.id, pkce, 'email/signup');
      await sendLinkEmail(tx, ctx, user, 'signup', redirectTo, Boolean(pkce));
      return;
    }
    if (!user.email_change) return;
    if (pkce) await createFlowState(tx, user.id, pkce, 'email_change');
    await sendEmailChange(tx, ctx, user, user.email_change, redirectTo, Boolean(pkce));
  });
  return jsonReply({});
}
