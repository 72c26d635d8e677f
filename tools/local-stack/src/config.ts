// Every port, path, secret and key of a stack instance, derived from one profile name so that
// the test run's stack (profile "test") never collides with the one `npm start` runs ("dev").
import { fileURLToPath } from 'node:url';
import path from 'node:path';

export type Profile = 'dev' | 'test';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

// The Supabase CLI's local defaults, so tools and docs written for `supabase start` work unchanged.
export const LOCAL_JWT_SECRET = 'super-secret-jwt-token-with-at-least-32-characters-long';
export const LOCAL_ANON_KEY =
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZS1kZW1vIiwicm9sZSI6ImFub24iLCJleHAiOjE5ODM4MTI5OTZ9.CRXP1A7WOeoJeXxjNni43kdQwgnWNReilDMblYTn_I0';
export const LOCAL_SERVICE_ROLE_KEY =
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZS1kZW1vIiwicm9sZSI6InNlcnZpY2Vfcm9sZSIsImV4cCI6MTk4MzgxMjk5Nn0.EGIM96RAZx35lJzdJsyH-qQwv8Hdp7fsn3W0YpN81IU';
export const LOCAL_DB_PASSWORD = 'postgres';

export interface Ports {
  api: number; // gateway, the only public entry point for the SDKs
  db: number;
  inbox: number;
  postgrest: number;
  postgrestAdmin: number;
  auth: number;
  storage: number;
  functions: number;
  fakes: number; // Stripe, Google and Brevo fakes, one server routed by path prefix
  booking: number;
  practitioner: number;
}

export interface StackConfig {
  profile: Profile;
  host: string;
  ports: Ports;
  dirs: { root: string; pgdata: string; storage: string; run: string; logs: string };
  jwtSecret: string;
  jwtExpirySeconds: number;
  anonKey: string;
  serviceRoleKey: string;
  dbPassword: string;
  /** Public URL of the gateway, what supabase-js is given. */
  apiUrl: string;
  /** Where links in e-mails send the browser after /auth/v1/verify (GoTrue's SITE_URL). */
  siteUrl: string;
  /** Extra redirect targets GoTrue would accept (ADDITIONAL_REDIRECT_URLS). */
  redirectUrls: string[];
  inboxUrl: string;
  fakesUrl: string;
  /** postgres://... for a given login role; defaults to `postgres` like the CLI's DB URL. */
  dbUrl(role?: 'postgres' | 'supabase_admin' | 'authenticator' | 'supabase_auth_admin' | 'supabase_storage_admin'): string;
  /** Whether to start the two Vite dev servers. */
  withApps: boolean;
}

function envInt(name: string, fallback: number): number {
  const v = process.env[name];
  return v && /^\d+$/.test(v) ? Number(v) : fallback;
}

export function loadConfig(profile: Profile = 'dev', overrides: Partial<Pick<StackConfig, 'withApps'>> = {}): StackConfig {
  // dev keeps the CLI's well-known ports. test uses 28321.. instead: below the kernel's ephemeral
  // range (32768+), so the test suite's own outgoing connections can never hold a port the stack
  // is about to listen on, and both stacks run at once. CAREBOOK_TEST_PORT_OFFSET (a multiple of
  // 100, up to 900) gives parallel test stacks their own ports and data.
  const extra = profile === 'test' ? envInt('CAREBOOK_TEST_PORT_OFFSET', 0) : 0;
  const shift = profile === 'dev' ? 0 : -26000 + extra;
  const host = '127.0.0.1';
  const ports: Ports = {
    api: envInt('CAREBOOK_API_PORT', 54321 + shift),
    db: envInt('CAREBOOK_DB_PORT', 54322 + shift),
    inbox: envInt('CAREBOOK_INBOX_PORT', 54324 + shift),
    postgrest: 54331 + shift,
    postgrestAdmin: 54332 + shift,
    auth: 54333 + shift,
    storage: 54334 + shift,
    functions: 54335 + shift,
    fakes: 54336 + shift,
    booking: envInt('CAREBOOK_BOOKING_PORT', profile === 'dev' ? 9000 : extra ? 20000 + extra : 9001),
    practitioner: envInt('CAREBOOK_PRACTITIONER_PORT', profile === 'dev' ? 9100 : extra ? 20001 + extra : 9101),
  };
  const root = path.join(repoRoot, '.local', extra ? `${profile}-${extra}` : profile);
  const jwtSecret = process.env.JWT_SECRET ?? LOCAL_JWT_SECRET;
  const dbPassword = LOCAL_DB_PASSWORD;
  const apiUrl = `http://${host}:${ports.api}`;
  const siteUrl = `http://${host}:${ports.booking}`;
  return {
    profile,
    host,
    ports,
    dirs: {
      root,
      pgdata: path.join(root, 'pgdata'),
      storage: path.join(root, 'storage'),
      run: path.join(root, 'run'),
      logs: path.join(root, 'logs'),
    },
    jwtSecret,
    jwtExpirySeconds: 3600,
    anonKey: LOCAL_ANON_KEY,
    serviceRoleKey: LOCAL_SERVICE_ROLE_KEY,
    dbPassword,
    apiUrl,
    siteUrl,
    redirectUrls: [
      `http://${host}:${ports.booking}/**`,
      `http://${host}:${ports.practitioner}/**`,
      `http://localhost:${ports.booking}/**`,
      `http://localhost:${ports.practitioner}/**`,
    ],
    inboxUrl: `http://${host}:${ports.inbox}`,
    fakesUrl: `http://${host}:${ports.fakes}`,
    dbUrl: (role = 'postgres') => `postgresql://${role}:${dbPassword}@${host}:${ports.db}/postgres`,
    withApps: overrides.withApps ?? true,
  };
}
