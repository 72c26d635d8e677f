// What every route handler needs, created once per server.
import type pg from 'pg';
import type { Logger } from '../service.ts';
import type { Mailer } from './mailer.ts';
import type { FailedAttemptLimiter, RequestLimiter } from './rate-limit.ts';
import type { AuthSettings } from './settings.ts';

export interface AuthContext {
  pool: pg.Pool;
  settings: AuthSettings;
  mailer: Mailer;
  /** Failed passwords per account. */
  limiter: FailedAttemptLimiter;
  /** Per client address: `verify` (token_verifications), `signIn` (sign_in_sign_ups). */
  perAddress: { verify: RequestLimiter; signIn: RequestLimiter };
  /** The project's hourly e-mail budget (email_sent). */
  emailBudget: RequestLimiter;
  /** Wrong codes typed per account since its codes were last issued (see verify-token.ts). */
  wrongCodes: Map<string, { tokens: string; count: number }>;
  log: Logger;
}
