// POST /recover: mails a password-recovery link and code. Unknown addresses get the same empty
// answer, so the endpoint does not reveal who has an account.
import type { AuthContext } from '../context.ts';
import { inTransaction } from '../db.ts';
import { sendLinkEmail } from '../email-tokens.ts';
import { throttle } from '../guards.ts';
import { badRequest } from '../errors.ts';
import { jsonReply, str, type AuthReply, type AuthRequest } from '../http.ts';
import { createFlowState, readPkceParams } from '../pkce.ts';
import { requestRedirect } from '../redirect.ts';
import { findUserByEmail } from '../users-repo.ts';
import { validateEmail } from '../validate-email.ts';

export async function handleRecover(ctx: AuthContext, req: AuthRequest): Promise<AuthReply> {
  throttle(ctx.perAddress.signIn, req);
  const body = await req.json();
  if (str(body, 'email') === '') throw badRequest('validation_failed', 'Password recovery requires an email');
  const email = validateEmail(str(body, 'email'));
  const pkce = readPkceParams(body);
  const redirectTo = requestRedirect(req, ctx.settings);
  await inTransaction(ctx.pool, async (tx) => {
    const user = await findUserByEmail(tx, email);
    if (!user) return;
    if (pkce) await createFlowState(tx, user.id, pkce, 'recovery');
    await sendLinkEmail(tx, ctx, user, 'recovery', redirectTo, Boolean(pkce));
  });
  return jsonReply({});
}
