// Test data: unique addresses, and confirmed accounts made through the auth admin API so that a
// spec about signing in does not depend on the sign-up screens.
import { randomUUID } from 'node:crypto';
import { createCarebookClient } from '@carebook/data';
import type { SelfSignupRole } from '@carebook/domain';
import { e2eEnv } from './env.ts';

export const TEST_PASSWORD = 'e2e-correct-horse';

/** An address no other test (or earlier run) uses; the domain is reserved for tests. */
export function uniqueEmail(tag: string): string {
  return `${tag}-${randomUUID().slice(0, 8)}@e2e.carebook.test`;
}

export async function createConfirmedUser(
  role: SelfSignupRole,
  fullName: string,
): Promise<{ email: string; password: string }> {
  const email = uniqueEmail(role);
  const admin = createCarebookClient(e2eEnv.apiUrl, e2eEnv.serviceRoleKey, {
    auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
  });
  const { error } = await admin.auth.admin.createUser({
    email,
    password: TEST_PASSWORD,
    email_confirm: true,
    user_metadata: { full_name: fullName, role, locale: 'fr' },
  });
  if (error) throw new Error(`creating ${email}: ${error.message}`);
  return { email, password: TEST_PASSWORD };
}
