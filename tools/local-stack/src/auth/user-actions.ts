// State changes on an account that several routes share, with GoTrue's side effects.
import type { Db } from './db.ts';
import { clearOneTimeTokens } from './email-tokens.ts';
import { deleteUserSessions } from './sessions-repo.ts';
import {
  findIdentities,
  findIdentity,
  insertIdentity,
  mergeMetadata,
  updateIdentityData,
  updateUser,
  type UserRow,
} from './users-repo.ts';

/** Marks the e-mail as confirmed; GoTrue also flags it in user_metadata and drops pending codes. */
export async function confirmEmail(db: Db, user: UserRow): Promise<UserRow> {
  const confirmed = await updateUser(db, user.id, {
    confirmation_token: '',
    email_confirmed_at: new Date(),
    raw_user_meta_data: mergeMetadata(user.raw_user_meta_data, { email_verified: true }),
  });
  await clearOneTimeTokens(db, user.id);
  return confirmed;
}

/** Confirmation via a sign-up link also marks the matching identities as verified. */
export async function confirmSignup(db: Db, user: UserRow): Promise<UserRow> {
  const confirmed = await confirmEmail(db, user);
  for (const identity of await findIdentities(db, [user.id])) {
    if (identity.email && confirmed.email && identity.email === confirmed.email) {
      await updateIdentityData(db, identity.id, { email_verified: true });
    }
  }
  return confirmed;
}

/**
 * Stores a new password hash. A password change invalidates every outstanding e-mail code and
 * every other session (all sessions when no current one is given), as in GoTrue.
 */
export async function changePassword(
  db: Db,
  user: UserRow,
  hash: string,
  keepSessionId: string | null,
): Promise<UserRow> {
  const updated = await updateUser(db, user.id, {
    encrypted_password: hash,
    confirmation_token: '',
    confirmation_sent_at: null,
    recovery_token: '',
    recovery_sent_at: null,
    email_change_token_current: '',
    email_change_token_new: '',
    email_change_sent_at: null,
  });
  await clearOneTimeTokens(db, user.id);
  await deleteUserSessions(db, user.id, keepSessionId ?? undefined);
  return updated;
}

/** Identity data for a new e-mail identity, extra sign-up data kept unless it collides. */
export function emailIdentityData(
  userId: string,
  email: string,
  extra: Record<string, unknown> = {},
  verified = false,
): Record<string, unknown> {
  const data: Record<string, unknown> = {
    sub: userId,
    email,
    email_verified: verified,
    phone_verified: false,
  };
  for (const [key, value] of Object.entries(extra)) if (!(key in data)) data[key] = value;
  return data;
}

/** Points the account and its e-mail identity at a new address (confirmed e-mail change, admin). */
export async function setEmail(db: Db, user: UserRow, email: string, verified: boolean): Promise<UserRow> {
  const identity = await findIdentity(db, user.id, 'email');
  if (identity) await updateIdentityData(db, identity.id, { email, email_verified: verified });
  else await insertIdentity(db, user.id, 'email', emailIdentityData(user.id, email, {}, verified));
  return updateUser(db, user.id, { email });
}
