import { describe, expect, it } from 'vitest';
import {
  AuthApiError,
  AuthImplicitGrantRedirectError,
  AuthRetryableFetchError,
  AuthSessionMissingError,
  AuthWeakPasswordError,
  PostgrestError,
} from '@supabase/supabase-js';
import { mapAuthError, mapPostgrestError, mapUnknownError } from './errors.ts';

describe('mapAuthError', () => {
  it.each([
    ['invalid_credentials', 400, 'invalid_credentials'],
    ['email_not_confirmed', 400, 'email_not_confirmed'],
    ['user_already_exists', 422, 'user_already_exists'],
    ['email_exists', 422, 'user_already_exists'],
    ['over_request_rate_limit', 429, 'rate_limited'],
    ['over_email_send_rate_limit', 429, 'rate_limited'],
    ['refresh_token_already_used', 400, 'session_expired'],
    ['refresh_token_not_found', 400, 'session_expired'],
    ['bad_jwt', 403, 'session_expired'],
    ['no_authorization', 401, 'not_authenticated'],
    ['not_admin', 403, 'forbidden'],
    ['otp_expired', 403, 'link_expired'],
    ['validation_failed', 400, 'invalid_input'],
  ] as const)('maps GoTrue code %s (%i) to %s', (goTrueCode, status, expected) => {
    const mapped = mapAuthError(new AuthApiError('server says no', status, goTrueCode));
    expect(mapped).toEqual({ code: expected, message: 'server says no', status });
  });

  it('keeps the reasons of a weak password', () => {
    const mapped = mapAuthError(
      new AuthWeakPasswordError('Password is too weak', 422, ['length', 'characters']),
    );
    expect(mapped).toMatchObject({ code: 'weak_password', status: 422, reasons: ['length', 'characters'] });
  });

  it('treats a missing session as not signed in', () => {
    expect(mapAuthError(new AuthSessionMissingError()).code).toBe('not_authenticated');
  });

  it('treats fetch failures and 5xx as network problems', () => {
    expect(mapAuthError(new AuthRetryableFetchError('fetch failed', 0)).code).toBe('network');
    expect(mapAuthError(new AuthRetryableFetchError('Bad Gateway', 502)).code).toBe('network');
  });

  it('recognises the wrong-password message of servers that send no code', () => {
    expect(mapAuthError(new AuthApiError('Invalid login credentials', 400, undefined)).code).toBe(
      'invalid_credentials',
    );
  });

  it('falls back on the HTTP status for codes it does not know', () => {
    expect(mapAuthError(new AuthApiError('slow down', 429, 'some_future_code')).code).toBe('rate_limited');
    expect(mapAuthError(new AuthApiError('nope', 403, undefined)).code).toBe('forbidden');
    expect(mapAuthError(new AuthApiError('teapot', 418, undefined)).code).toBe('unknown');
  });

  it('reads the code of a failed confirmation link', () => {
    const expired = new AuthImplicitGrantRedirectError('Email link is invalid or has expired', {
      error: 'access_denied',
      code: 'otp_expired',
    });
    expect(mapAuthError(expired).code).toBe('link_expired');
  });

  it('hands errors that are not from supabase-js to the generic mapper', () => {
    expect(mapAuthError(new TypeError('fetch failed'))).toEqual({ code: 'network', message: 'fetch failed' });
  });
});

describe('mapPostgrestError', () => {
  const error = (code: string, message = 'm', details = '') =>
    new PostgrestError({ code, message, details, hint: '' });

  it('maps PostgREST and Postgres codes', () => {
    expect(mapPostgrestError(error('PGRST116'), 406).code).toBe('not_found');
    expect(mapPostgrestError(error('PGRST301'), 401).code).toBe('session_expired');
    expect(mapPostgrestError(error('42501'), 403).code).toBe('forbidden');
    expect(mapPostgrestError(error('23505'), 409).code).toBe('already_exists');
    expect(mapPostgrestError(error('23514'), 400).code).toBe('invalid_input');
    expect(mapPostgrestError(error('22P02'), 400).code).toBe('invalid_input');
  });

  it('reads the refusal code the database put in details before the SQLSTATE', () => {
    const refused = error('PT409', 'This time is already taken', 'slot_taken');
    expect(mapPostgrestError(refused, 409).code).toBe('slot_taken');
    // A details text that is not one of our codes is ignored.
    expect(mapPostgrestError(error('23505', 'm', 'Key (slug)=(x) already exists.'), 409).code).toBe(
      'already_exists',
    );
  });

  it('tells an anonymous caller refused a privilege to sign in', () => {
    expect(mapPostgrestError(error('42501'), 401).code).toBe('not_authenticated');
  });

  it('reports status 0 (fetch failed) as a network problem whatever the code', () => {
    expect(mapPostgrestError(error('', 'TypeError: fetch failed'), 0)).toEqual({
      code: 'network',
      message: 'TypeError: fetch failed',
      status: 0,
    });
  });

  it('falls back on the status', () => {
    expect(mapPostgrestError(error('XX000'), 500).code).toBe('network');
    expect(mapPostgrestError(error('PGRST999'), 404).code).toBe('not_found');
  });
});

describe('mapUnknownError', () => {
  it('keeps the message of any thrown value', () => {
    expect(mapUnknownError(new Error('boom'))).toEqual({ code: 'unknown', message: 'boom' });
    expect(mapUnknownError('plain string')).toEqual({ code: 'unknown', message: 'plain string' });
  });
});
