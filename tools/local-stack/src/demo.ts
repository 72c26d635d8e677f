// Demo accounts that `npm start` creates once and prints, one per role, so a newcomer can sign in
// to both apps at once. Created through the auth admin API like any other user.
import { createClient } from '@supabase/supabase-js';
import type { StackConfig } from './config.ts';

export interface DemoAccount {
  role: 'patient' | 'practitioner' | 'staff';
  email: string;
  password: string;
  fullName: string;
  app: 'booking' | 'practitioner';
}

export const DEMO_PASSWORD = 'carebook-demo';

export const DEMO_ACCOUNTS: DemoAccount[] = [
  { role: 'patient', email: 'patient@demo.carebook.test', password: DEMO_PASSWORD, fullName: 'Camille Martin', app: 'booking' },
  { role: 'practitioner', email: 'practitioner@demo.carebook.test', password: DEMO_PASSWORD, fullName: 'Dr Julien Moreau', app: 'practitioner' },
  { role: 'staff', email: 'staff@demo.carebook.test', password: DEMO_PASSWORD, fullName: 'Inès Laurent', app: 'practitioner' },
];

export async function ensureDemoAccounts(config: StackConfig): Promise<DemoAccount[]> {
  const admin = createClient(config.apiUrl, config.serviceRoleKey, { auth: { persistSession: false, autoRefreshToken: false } });
  const { data, error } = await admin.auth.admin.listUsers({ page: 1, perPage: 1000 });
  if (error) throw new Error(`listing demo users: ${error.message}`);
  for (const account of DEMO_ACCOUNTS) {
    let id = data.users.find((u) => u.email === account.email)?.id;
    if (!id) {
      const created = await admin.auth.admin.createUser({
        email: account.email,
        password: account.password,
        email_confirm: true,
        user_metadata: { full_name: account.fullName, role: account.role === 'staff' ? 'patient' : account.role, locale: 'fr' },
      });
      if (created.error) throw new Error(`creating demo ${account.role}: ${created.error.message}`);
      id = created.data.user.id;
    }
    if (account.role === 'staff') {
      // Staff is never chosen at sign-up: only the service role grants it.
      const { error: e } = await admin.from('staff_members').upsert({ user_id: id }, { onConflict: 'user_id', ignoreDuplicates: true });
      if (e) throw new Error(`making the demo staff account staff: ${e.message}`);
    }
  }
  return DEMO_ACCOUNTS;
}
