// POST /otp with an e-mail: passwordless sign-in. A known, confirmed address gets a magic link;
// an unknown one is signed up first (its confirmation e-mail doubles as the sign-in link).
import type { AuthContext } from '../context.ts';
import { inTransaction } from '../db.ts';
import { sendLinkEmail } from '../email-tokens.ts';
import { throttle } from '../guards.ts';
import { badRequest, unprocessable } from '../errors.ts';
import { bool, jsonReply, str, type AuthReply, type AuthRequest } from '../http.ts';
import { metadataOf } from '../metadata.ts';
import { hashPassword } from '../password.ts';
import { createFlowState, readPkceParams } from '../pkce.ts';
import { requestRedirect } from '../redirect.ts';
import { newRandomPassword } from '../secrets.ts';
import { findUserByEmail } from '../users-repo.ts';
import { validateEmail } from '../validate-email.ts';
import { signUpWithEmail } from './signup.ts';

export async function handleOtp(ctx: AuthContext, req: AuthRequest): Promise<AuthReply> {
  throttle(ctx.perAddress.signIn, req);
  const body = await req.json();
  const rawEmail = str(body, 'email');
  const phone = str(body, 'phone');
  if (rawEmail !== '' && phone !== '') {
    throw badRequest('validation_failed', 'Only an email address or phone number should be provided');
  }
  if (rawEmail !== '' && str(body, 'channel') !== '') {
    throw badRequest('validation_failed', 'Channel should only be specified with Phone OTP');
  }
  const pkce = readPkceParams(body);
  if (phone !== '') throw badRequest('phone_provider_disabled', 'Unsupported phone provider');
  if (rawEmail === '') throw badRequest('validation_failed', 'One of email or phone must be set');
  const email = validateEmail(rawEmail);
  const createUser = bool(body, 'create_user', true);
  const redirectTo = requestRedirect(req, ctx.settings);
  const existing = await findUserByEmail(ctx.pool, email);
  if (!existing && (!createUser || !ctx.settings.signupEnabled)) {
    throw unprocessable('otp_disabled', 'Signups not allowed for otp');
  }
  const passwordHash = existing ? '' : await hashPassword(newRandomPassword());

  await inTransaction(ctx.pool, async (tx) => {
    if (!existing?.email_confirmed_at) {
      const outcome = await signUpWithEmail(tx, ctx, req, {
        email,
        passwordHash,
        data: metadataOf(body, 'data') ?? {},
        redirectTo,
        pkce,
        signIn: false,
      });
      // Without autoconfirm the confirmation e-mail already signs the user in.
      if (!ctx.settings.autoconfirm || outcome.kind !== 'user') return;
    }
    // Re-read inside the transaction: the sign-up above may just have created or confirmed it.
    const current = await findUserByEmail(tx, email);
    if (!current) return;
    if (pkce) await createFlowState(tx, current.id, pkce, 'magiclink');
    await sendLinkEmail(tx, ctx, current, 'magiclink', redirectTo, Boolean(pkce));
  });
  return jsonReply({});
}
