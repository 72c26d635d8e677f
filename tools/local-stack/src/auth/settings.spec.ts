import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config.ts';
import { budgetFor, resolveAuthSettings } from './settings.ts';

const config = loadConfig('test', { withApps: false });

describe('resolveAuthSettings', () => {
  it('defaults to confirmations on, secure e-mail change and the CLI limits', () => {
    const s = resolveAuthSettings(config);
    expect(s).toMatchObject({
      autoconfirm: false,
      secureEmailChange: true,
      signupEnabled: true,
      minPasswordLength: 6,
      refreshTokenReuseIntervalSeconds: 10,
      otpLength: 6,
      otpExpirySeconds: 3600,
      emailMaxFrequencyMs: 1000,
      externalUrl: `${config.apiUrl}/auth/v1`,
      siteUrl: config.siteUrl,
    });
    expect(s.mail.endpoint).toBe(`${config.fakesUrl}/brevo/v3/smtp/email`);
  });

  it('reads the [auth] keys of supabase/config.toml', () => {
    const s = resolveAuthSettings(config, {
      enable_signup: false,
      minimum_password_length: 10,
      email: {
        enable_confirmations: false,
        double_confirm_changes: false,
        max_frequency: '1m0s',
        otp_expiry: 600,
      },
    });
    expect(s).toMatchObject({
      autoconfirm: true,
      secureEmailChange: false,
      signupEnabled: false,
      minPasswordLength: 10,
      emailMaxFrequencyMs: 60_000,
      otpExpirySeconds: 600,
    });
  });

  it("lets GoTrue's environment variables override the file", () => {
    const s = resolveAuthSettings(
      config,
      { email: { enable_confirmations: false } },
      {
        GOTRUE_MAILER_AUTOCONFIRM: 'false',
        GOTRUE_PASSWORD_MIN_LENGTH: '8',
        GOTRUE_SMTP_MAX_FREQUENCY: '0s',
      },
    );
    expect(s.autoconfirm).toBe(false);
    expect(s.minPasswordLength).toBe(8);
    expect(s.emailMaxFrequencyMs).toBe(0);
  });

  it('reads [auth.rate_limit], and gives the test profile’s 127.0.0.1 a larger budget than any other address', () => {
    const s = resolveAuthSettings(config, { rate_limit: { token_verifications: 30, sign_in_sign_ups: 20, email_sent: 50 } });
    expect(s.rateLimits.verify).toEqual({ max: 30, windowMs: 300_000 });
    expect(s.rateLimits.signInSignUps).toEqual({ max: 20, windowMs: 300_000 });
    const budget = budgetFor(s);
    expect(budget('127.0.0.1', 30)).toBe(3000);
    expect(budget('127.0.0.7', 30)).toBe(30);
    expect(s.rateLimits.emailSent).toEqual({ max: 5000, windowMs: 3_600_000 });

    const dev = resolveAuthSettings(loadConfig('dev', { withApps: false }), { rate_limit: { token_verifications: 30 } });
    expect(budgetFor(dev)('127.0.0.1', 30)).toBe(30);
    const noFactor = resolveAuthSettings(config, {}, { CAREBOOK_AUTH_LOOPBACK_RATE_FACTOR: '1', GOTRUE_RATE_LIMIT_VERIFY: '5' });
    expect(budgetFor(noFactor)('127.0.0.1', noFactor.rateLimits.verify.max)).toBe(5);
  });
});
