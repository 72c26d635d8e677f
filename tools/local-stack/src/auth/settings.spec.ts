import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config.ts';
import { resolveAuthSettings } from './settings.ts';

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
});
