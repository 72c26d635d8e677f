// The auth emulator's settings: URLs and secret from the stack config, behaviour from
// supabase/config.toml (the keys the Supabase CLI reads), then GoTrue's own env variables on top.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseToml } from 'smol-toml';
import { repoRoot, type StackConfig } from '../config.ts';
import { parseGoDuration } from './duration.ts';
import type { LimitOptions } from './rate-limit.ts';

const FIVE_MINUTES = 5 * 60_000;

export interface AuthSettings {
  /** Public base of the auth API as clients see it: `${apiUrl}/auth/v1`; also the JWT issuer. */
  externalUrl: string;
  siteUrl: string;
  redirectUrls: string[];
  jwtSecret: string;
  jwtExpirySeconds: number;
  /** GoTrue's MAILER_AUTOCONFIRM: sign-up signs in at once and sends no confirmation e-mail. */
  autoconfirm: boolean;
  /** Both the old and the new address must confirm an e-mail change (CLI: double_confirm_changes). */
  secureEmailChange: boolean;
  signupEnabled: boolean;
  minPasswordLength: number;
  refreshTokenReuseIntervalSeconds: number;
  otpLength: number;
  otpExpirySeconds: number;
  /** Minimum time between two e-mails of one kind to one user (CLI: auth.email.max_frequency). */
  emailMaxFrequencyMs: number;
  /** Failed password sign-ins allowed per account (e-mail), from any address, within the window. */
  failedPasswordLimit: LimitOptions;
  /** Wrong codes typed for one account before its outstanding e-mail codes are burnt. */
  maxWrongCodes: number;
  rateLimits: {
    /** `token_verifications`: POST and GET /verify per client address. */
    verify: LimitOptions;
    /** `sign_in_sign_ups`: /signup, password sign-ins, /otp, /recover, /resend per client address. */
    signInSignUps: LimitOptions;
    /** `email_sent`: e-mails per hour for the whole project (GoTrue's limit is global too). */
    emailSent: LimitOptions;
    /** Per-address budget multipliers: the test profile's 127.0.0.1 (see budgetFor). */
    addressFactors: Record<string, number>;
  };
  /** How long a PKCE auth code stays exchangeable (GoTrue's default flow state expiry). */
  flowStateExpiryMs: number;
  mail: { endpoint: string; apiKey: string; senderName: string; senderEmail: string };
}

/** The subset of supabase/config.toml this emulator honours. */
export interface TomlAuthSection {
  enable_signup?: boolean;
  rate_limit?: {
    email_sent?: number;
    sign_in_sign_ups?: number;
    token_verifications?: number;
  };
  minimum_password_length?: number;
  refresh_token_reuse_interval?: number;
  email?: {
    enable_signup?: boolean;
    enable_confirmations?: boolean;
    double_confirm_changes?: boolean;
    max_frequency?: string;
    otp_length?: number;
    otp_expiry?: number;
  };
}

type Env = Record<string, string | undefined>;

function envBool(env: Env, name: string): boolean | undefined {
  const v = env[name]?.trim().toLowerCase();
  if (v === undefined || v === '') return undefined;
  return v === 'true' || v === '1' || v === 'yes';
}

function envInt(env: Env, name: string): number | undefined {
  const v = env[name]?.trim();
  return v && /^\d+$/.test(v) ? Number(v) : undefined;
}

export function resolveAuthSettings(
  config: StackConfig,
  toml: TomlAuthSection = {},
  env: Env = {},
): AuthSettings {
  const email = toml.email ?? {};
  // Confirmations default ON (hosted Supabase's default) so the sign-up e-mail flow is exercised
  // locally; config.toml or GOTRUE_MAILER_AUTOCONFIRM=true turn them off.
  const confirmations = email.enable_confirmations ?? true;
  const maxFrequency = env.GOTRUE_SMTP_MAX_FREQUENCY ?? email.max_frequency ?? '1s';
  const limits = toml.rate_limit ?? {};
  // The test profile's suites make thousands of accounts from 127.0.0.1, so that one address gets a
  // larger budget there; every other address (the limit tests bind 127.0.0.2.. on purpose) gets the
  // configured numbers. CAREBOOK_AUTH_LOOPBACK_RATE_FACTOR overrides the factor (1 = none).
  const loopbackFactor =
    envInt(env, 'CAREBOOK_AUTH_LOOPBACK_RATE_FACTOR') ?? (config.profile === 'test' ? 100 : 1);
  return {
    externalUrl: `${config.apiUrl}/auth/v1`,
    siteUrl: config.siteUrl,
    redirectUrls: config.redirectUrls,
    jwtSecret: config.jwtSecret,
    jwtExpirySeconds: config.jwtExpirySeconds,
    autoconfirm: envBool(env, 'GOTRUE_MAILER_AUTOCONFIRM') ?? !confirmations,
    secureEmailChange:
      envBool(env, 'GOTRUE_MAILER_SECURE_EMAIL_CHANGE_ENABLED') ?? email.double_confirm_changes ?? true,
    signupEnabled:
      !(envBool(env, 'GOTRUE_DISABLE_SIGNUP') ?? false) &&
      (toml.enable_signup ?? true) &&
      (email.enable_signup ?? true),
    minPasswordLength: envInt(env, 'GOTRUE_PASSWORD_MIN_LENGTH') ?? toml.minimum_password_length ?? 6,
    refreshTokenReuseIntervalSeconds:
      envInt(env, 'GOTRUE_SECURITY_REFRESH_TOKEN_REUSE_INTERVAL') ?? toml.refresh_token_reuse_interval ?? 10,
    otpLength: envInt(env, 'GOTRUE_MAILER_OTP_LENGTH') ?? email.otp_length ?? 6,
    otpExpirySeconds: envInt(env, 'GOTRUE_MAILER_OTP_EXP') ?? email.otp_expiry ?? 3600,
    emailMaxFrequencyMs: parseGoDuration(maxFrequency),
    failedPasswordLimit: { max: 10, windowMs: FIVE_MINUTES },
    maxWrongCodes: 5,
    // GoTrue's env names (and the CLI's defaults) win over config.toml, as for the other keys.
    rateLimits: {
      verify: {
        max: envInt(env, 'GOTRUE_RATE_LIMIT_VERIFY') ?? limits.token_verifications ?? 30,
        windowMs: FIVE_MINUTES,
      },
      signInSignUps: {
        max: envInt(env, 'GOTRUE_RATE_LIMIT_OTP') ?? limits.sign_in_sign_ups ?? 30,
        windowMs: FIVE_MINUTES,
      },
      // One budget for the whole project: in the test profile it grows by the loopback factor too.
      emailSent: {
        max: (envInt(env, 'GOTRUE_RATE_LIMIT_EMAIL_SENT') ?? limits.email_sent ?? 2) * loopbackFactor,
        windowMs: 60 * 60_000,
      },
      addressFactors: loopbackFactor === 1 ? {} : { '127.0.0.1': loopbackFactor, '::1': loopbackFactor },
    },
    flowStateExpiryMs: 5 * 60_000,
    mail: {
      endpoint: `${config.fakesUrl}/brevo/v3/smtp/email`,
      apiKey: env.BREVO_API_KEY ?? 'local',
      senderName: env.GOTRUE_SMTP_SENDER_NAME ?? 'Carebook',
      senderEmail: env.GOTRUE_SMTP_ADMIN_EMAIL ?? 'no-reply@carebook.local',
    },
  };
}

/** The budget of one client address under a per-address limit. */
export function budgetFor(settings: AuthSettings): (address: string, max: number) => number {
  return (address, max) => max * (settings.rateLimits.addressFactors[address] ?? 1);
}

/** Reads `[auth]` from supabase/config.toml when the file exists. */
export function readTomlAuthSection(file = path.join(repoRoot, 'supabase', 'config.toml')): TomlAuthSection {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return {};
  }
  const parsed = parseToml(text) as { auth?: TomlAuthSection };
  return parsed.auth ?? {};
}

export function loadAuthSettings(config: StackConfig, env: Env = process.env): AuthSettings {
  return resolveAuthSettings(config, readTomlAuthSection(), env);
}
