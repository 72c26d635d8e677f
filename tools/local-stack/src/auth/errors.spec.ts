import { describe, expect, it } from 'vitest';
import { AuthError, formatError, requestedApiVersion, toAuthError, weakPassword } from './errors.ts';

describe('requestedApiVersion', () => {
  it('normalises any date from 2024-01-01 on to the 2024-01-01 format', () => {
    expect(requestedApiVersion('2024-01-01')).toBe('2024-01-01');
    expect(requestedApiVersion('2025-06-30')).toBe('2024-01-01');
  });

  it('treats absent, older or malformed versions as the initial format', () => {
    expect(requestedApiVersion(undefined)).toBeUndefined();
    expect(requestedApiVersion('2023-12-31')).toBeUndefined();
    expect(requestedApiVersion('yesterday')).toBeUndefined();
  });
});

describe('formatError', () => {
  const wrongPassword = new AuthError(400, 'invalid_credentials', 'Invalid login credentials');

  it('answers {code, message} and echoes the version to clients that sent one', () => {
    const reply = formatError(wrongPassword, '2024-01-01');
    expect(reply.status).toBe(400);
    expect(reply.body).toEqual({ code: 'invalid_credentials', message: 'Invalid login credentials' });
    expect(reply.headers['x-supabase-api-version']).toBe('2024-01-01');
    expect(reply.headers['x-sb-error-code']).toBe('invalid_credentials');
  });

  it('answers the legacy {code: status, error_code, msg} without a version', () => {
    const reply = formatError(wrongPassword, undefined);
    expect(reply.body).toEqual({
      code: 400,
      error_code: 'invalid_credentials',
      msg: 'Invalid login credentials',
    });
    expect(reply.headers['x-supabase-api-version']).toBeUndefined();
  });

  it('carries the weak_password reasons in both formats', () => {
    const weak = weakPassword('Password should be at least 6 characters.', ['length']);
    expect(formatError(weak, '2024-01-01').body).toEqual({
      code: 'weak_password',
      message: 'Password should be at least 6 characters.',
      weak_password: { reasons: ['length'] },
    });
    expect(formatError(weak, undefined).body).toMatchObject({
      code: 422,
      error_code: 'weak_password',
      weak_password: { reasons: ['length'] },
    });
  });

  it('uses the OAuth shape for OAuth-style errors', () => {
    const missing = new AuthError(400, 'validation_failed', 'refresh_token required', {}, 'invalid_request');
    expect(formatError(missing, '2024-01-01').body).toEqual({
      error: 'invalid_request',
      error_description: 'refresh_token required',
    });
  });
});

describe('toAuthError', () => {
  it('hides unexpected exceptions behind a 500 unexpected_failure', () => {
    const e = toAuthError(new TypeError('boom'));
    expect(e.status).toBe(500);
    expect(e.code).toBe('unexpected_failure');
    expect(e.message).not.toContain('boom');
  });
});
