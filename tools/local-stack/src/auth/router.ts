// Method + path -> handler. Paths are GoTrue's, without the /auth/v1 prefix the gateway strips.
import type { AuthContext } from './context.ts';
import { AuthError, notFound } from './errors.ts';
import type { AuthReply, AuthRequest } from './http.ts';
import { handleGenerateLink } from './routes/admin-generate-link.ts';
import {
  handleCreateUser,
  handleDeleteUser,
  handleGetUserById,
  handleListUsers,
  handleUpdateUserById,
} from './routes/admin-users.ts';
import { handleLogout } from './routes/logout.ts';
import { handleHealth, handleSettings } from './routes/meta.ts';
import { handleOtp } from './routes/otp.ts';
import { handleRecover } from './routes/recover.ts';
import { handleResend } from './routes/resend.ts';
import { handleSignup } from './routes/signup.ts';
import { handleToken } from './routes/token.ts';
import { handleGetUser, handleUpdateUser } from './routes/user.ts';
import { handleVerifyGet, handleVerifyPost } from './routes/verify.ts';

type Handler = (ctx: AuthContext, req: AuthRequest, param: string) => Promise<AuthReply> | AuthReply;

interface Route {
  method: string;
  pattern: RegExp;
  handler: Handler;
}

const route = (method: string, path: string, handler: Handler): Route => ({
  method,
  pattern: new RegExp(`^${path.replace('{id}', '([^/]+)')}$`),
  handler,
});

const ROUTES: Route[] = [
  route('GET', '/health', () => handleHealth()),
  route('GET', '/settings', (ctx) => handleSettings(ctx)),
  route('POST', '/signup', handleSignup),
  route('POST', '/token', handleToken),
  route('GET', '/user', handleGetUser),
  route('PUT', '/user', handleUpdateUser),
  route('POST', '/logout', handleLogout),
  route('POST', '/recover', handleRecover),
  route('POST', '/otp', handleOtp),
  route('POST', '/resend', handleResend),
  route('GET', '/verify', handleVerifyGet),
  route('POST', '/verify', handleVerifyPost),
  route('GET', '/admin/users', handleListUsers),
  route('POST', '/admin/users', handleCreateUser),
  route('GET', '/admin/users/{id}', handleGetUserById),
  route('PUT', '/admin/users/{id}', handleUpdateUserById),
  route('DELETE', '/admin/users/{id}', handleDeleteUser),
  route('POST', '/admin/generate_link', handleGenerateLink),
];

export async function dispatch(ctx: AuthContext, req: AuthRequest): Promise<AuthReply> {
  const matches = ROUTES.map((r) => ({ r, m: r.pattern.exec(req.path) })).filter((x) => x.m);
  if (matches.length === 0) throw notFound('not_found', `Not found: ${req.path}`);
  const hit = matches.find((x) => x.r.method === req.method);
  if (!hit) throw new AuthError(405, 'method_not_allowed', `Method ${req.method} not allowed on ${req.path}`);
  return hit.r.handler(ctx, req, decodeURIComponent(hit.m?.[1] ?? ''));
}
