// POST /logout?scope=global|local|others: ends sessions; their refresh tokens go with them and
// their access tokens stop working on /user (session_not_found).
import type { AuthContext } from '../context.ts';
import { badRequest } from '../errors.ts';
import { requireUser } from '../guards.ts';
import { noContent, type AuthReply, type AuthRequest } from '../http.ts';
import { deleteSession, deleteUserSessions } from '../sessions-repo.ts';

export async function handleLogout(ctx: AuthContext, req: AuthRequest): Promise<AuthReply> {
  const scope = req.query.get('scope') || 'global';
  if (!['global', 'local', 'others'].includes(scope)) {
    throw badRequest('validation_failed', `Unsupported logout scope "${scope}"`);
  }
  const { user, sessionId } = await requireUser(ctx, req);
  if (sessionId && scope === 'local') await deleteSession(ctx.pool, sessionId);
  else if (sessionId && scope === 'others') await deleteUserSessions(ctx.pool, user.id, sessionId);
  else await deleteUserSessions(ctx.pool, user.id);
  return noContent();
}
