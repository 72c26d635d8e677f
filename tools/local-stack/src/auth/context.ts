// What every route handler needs, created once per server.
import type pg from 'pg';
import type { Logger } from '../service.ts';
import type { Mailer } from './mailer.ts';
import type { FailedAttemptLimiter } from './rate-limit.ts';
import type { AuthSettings } from './settings.ts';

export interface AuthContext {
  pool: pg.Pool;
  settings: AuthSettings;
  mailer: Mailer;
  limiter: FailedAttemptLimiter;
  log: Logger;
}
