// Signed-in users in bulk. helpers.ts' signedInUser costs two bcrypt rounds at cost 10 in the auth
// server (~0.4 s each on this machine); the concurrency suite needs 200 patients. Here the admin
// API receives a ready-made, low-cost hash (`password_hash`, as GoTrue accepts for imports), so
// creating a user hashes nothing and signing in verifies a cheap hash: still a real user, a real
// password sign-in and a real JWT, about 20 times faster.
import { randomUUID } from 'node:crypto';
import bcrypt from 'bcryptjs';
import { anon, service, type TestUser } from '../helpers.ts';
import type { SelfSignupRole } from '@carebook/domain';

const password = `pw-${randomUUID()}`;
let hash: string | undefined;

function passwordHash(): string {
  // $2a$ is what GoTrue writes; cost 4 is the lowest bcrypt allows.
  hash ??= bcrypt.hashSync(password, 4).replace(/^\$2b\$/, '$2a$');
  return hash;
}

export type Role = SelfSignupRole;

export async function quickUser(role: Role, meta: Record<string, unknown> = {}): Promise<TestUser> {
  const email = `${role}-${randomUUID()}@tests.carebook.test`;
  const created = await service().auth.admin.createUser({
    email,
    password_hash: passwordHash(),
    email_confirm: true,
    user_metadata: { role, full_name: `Test ${role}`, ...meta },
  });
  if (created.error) throw created.error;
  const client = anon();
  const signIn = await client.auth.signInWithPassword({ email, password });
  if (signIn.error) throw signIn.error;
  return { id: created.data.user.id, email, client };
}

/** n users, created `parallel` at a time so the auth server is busy but not flooded. */
export async function quickUsers(n: number, role: Role = 'patient', parallel = 20): Promise<TestUser[]> {
  const users: TestUser[] = [];
  for (let i = 0; i < n; i += parallel) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(parallel, n - i) }, (_, j) =>
        quickUser(role, { full_name: `Test ${role} ${i + j + 1}` }),
      ),
    );
    users.push(...batch);
  }
  return users;
}
