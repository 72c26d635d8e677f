// The accounts `npm start` prints, one per role, so a newcomer can sign in to both apps at once.
// Same password for all; the practitioner is verified and subscribed, so it appears publicly.
import type { Role } from '@carebook/domain';

export interface DemoAccount {
  role: Role;
  email: string;
  password: string;
  fullName: string;
  app: 'booking' | 'practitioner';
}

/** Every seeded user, demo or not, signs in with this password. */
export const DEMO_PASSWORD = 'carebook-demo';

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  {
    role: 'patient',
    email: 'patient@demo.carebook.test',
    password: DEMO_PASSWORD,
    fullName: 'Camille Martin',
    app: 'booking',
  },
  {
    role: 'practitioner',
    email: 'practitioner@demo.carebook.test',
    password: DEMO_PASSWORD,
    fullName: 'Julien Moreau',
    app: 'practitioner',
  },
  {
    role: 'staff',
    email: 'staff@demo.carebook.test',
    password: DEMO_PASSWORD,
    fullName: 'Inès Laurent',
    app: 'practitioner',
  },
];

export function demoAccount(role: DemoAccount['role']): DemoAccount {
  const account = DEMO_ACCOUNTS.find((a) => a.role === role);
  if (!account) throw new Error(`no demo ${role}`);
  return account;
}
