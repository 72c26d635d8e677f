// The environment every function sees: its secrets (supabase/functions/.env, else .env.example),
// then what Supabase injects, which a secrets file cannot override (the CLI skips SUPABASE_* names).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { StackConfig } from '../config.ts';
import { stripeSettings } from '../stripe-catalogue.ts';
import { parseEnvFile } from './env-file.ts';

/**
 * What the Deno process needs from ours to run and to download npm packages: behind a proxy that
 * re-signs TLS, Deno trusts the registry only through the same CA settings as Node
 * (NODE_EXTRA_CA_CERTS is the one that works on our machines).
 */
const PASSED_THROUGH = [
  'PATH',
  'HOME',
  'TMPDIR',
  'HTTP_PROXY',
  'HTTPS_PROXY',
  'NO_PROXY',
  'http_proxy',
  'https_proxy',
  'no_proxy',
  'NPM_CONFIG_REGISTRY',
  'NODE_EXTRA_CA_CERTS',
  'DENO_CERT',
  'DENO_TLS_CA_STORE',
  'SSL_CERT_FILE',
  'SSL_CERT_DIR',
];

export function secretsFile(functionsDir: string): string | null {
  for (const name of ['.env', '.env.example']) {
    const file = path.join(functionsDir, name);
    if (existsSync(file)) return file;
  }
  return null;
}

export interface FunctionEnv {
  env: Record<string, string>;
  /** The secrets file read, if any, and the names it tried to set that Supabase reserves. */
  source: string | null;
  skipped: string[];
}

export function functionEnv(config: StackConfig, functionsDir: string, denoDir: string): FunctionEnv {
  const env: Record<string, string> = {};
  for (const name of PASSED_THROUGH) {
    const value = process.env[name];
    if (value !== undefined) env[name] = value;
  }
  env.DENO_DIR = denoDir;
  env.DENO_NO_UPDATE_CHECK = '1';
  // Trust the machine's CA store too: registries reached through a TLS-inspecting proxy are
  // signed by a local CA that Deno's bundled roots do not know.
  env.DENO_TLS_CA_STORE ??= process.env.DENO_TLS_CA_STORE ?? 'system,mozilla';
  env.NO_COLOR = '1';
  // Local defaults: the SDKs reach the fakes, links go to the local apps. A secrets file may
  // point them elsewhere.
  env.BREVO_API_URL = `${config.fakesUrl}/brevo/v3`;
  const stripe = stripeSettings(config);
  env.STRIPE_SECRET_KEY = stripe.secretKey;
  env.STRIPE_WEBHOOK_SECRET = stripe.webhookSecret;
  env.STRIPE_API_HOST = stripe.host;
  env.STRIPE_API_PORT = String(stripe.port);
  env.STRIPE_API_PROTOCOL = stripe.protocol;
  env.GOOGLE_PLACES_API_URL = `${config.fakesUrl}/google/places`;
  // Google OAuth and Calendar: the fake's endpoints, a local client, and a fixed local key for
  // refresh tokens at rest (production sets its own secret; decision 0027).
  env.GOOGLE_CLIENT_ID = 'carebook-local.apps.googleusercontent.com';
  env.GOOGLE_CLIENT_SECRET = 'local-google-client-secret';
  env.GOOGLE_TOKEN_KEY = 'Y2FyZWJvb2stbG9jYWwtdG9rZW4ta2V5LTMyLWJ5dGU=';
  env.GOOGLE_OAUTH_AUTH_URL = `${config.fakesUrl}/google/oauth2/auth`;
  env.GOOGLE_OAUTH_TOKEN_URL = `${config.fakesUrl}/google/oauth2/token`;
  env.GOOGLE_OAUTH_REVOKE_URL = `${config.fakesUrl}/google/oauth2/revoke`;
  env.GOOGLE_CALENDAR_ROOT_URL = `${config.fakesUrl}/`;
  env.BOOKING_APP_URL = `http://${config.host}:${config.ports.booking}`;
  env.PRACTITIONER_APP_URL = `http://${config.host}:${config.ports.practitioner}`;

  const source = secretsFile(functionsDir);
  const skipped: string[] = [];
  if (source) {
    for (const [key, value] of Object.entries(parseEnvFile(readFileSync(source, 'utf8')))) {
      if (key.startsWith('SUPABASE_')) skipped.push(key);
      else env[key] = value;
    }
  }
  env.SUPABASE_URL = config.apiUrl;
  env.SUPABASE_ANON_KEY = config.anonKey;
  env.SUPABASE_SERVICE_ROLE_KEY = config.serviceRoleKey;
  env.SUPABASE_DB_URL = config.dbUrl('postgres');
  return { env, source, skipped };
}
