import { describe, expect, it } from 'vitest';
import { userJson } from './user-json.ts';
import type { IdentityRow, UserRow } from './users-repo.ts';

const created = new Date('2026-01-02T03:04:05.678Z');

const row: UserRow = {
  id: '11111111-1111-4111-8111-111111111111',
  aud: 'authenticated',
  role: 'authenticated',
  email: 'ana@example.com',
  phone: null,
  encrypted_password: '$2a$10$secret',
  email_confirmed_at: null,
  phone_confirmed_at: null,
  confirmed_at: null,
  invited_at: null,
  confirmation_token: 'hash',
  confirmation_sent_at: created,
  recovery_token: '',
  recovery_sent_at: null,
  email_change: '',
  email_change_token_new: '',
  email_change_token_current: '',
  email_change_sent_at: null,
  email_change_confirm_status: 0,
  last_sign_in_at: null,
  raw_app_meta_data: { provider: 'email', providers: ['email'] },
  raw_user_meta_data: { full_name: 'Ana' },
  created_at: created,
  updated_at: created,
  banned_until: null,
  deleted_at: null,
  is_anonymous: false,
  is_sso_user: false,
};

const identity: IdentityRow = {
  id: '22222222-2222-4222-8222-222222222222',
  provider_id: row.id,
  user_id: row.id,
  identity_data: { sub: row.id, email: 'ana@example.com' },
  provider: 'email',
  last_sign_in_at: created,
  created_at: created,
  updated_at: created,
  email: 'ana@example.com',
};

describe('userJson', () => {
  it('leaves out empty optional fields and never exposes secrets', () => {
    const json = userJson(row, [identity]);
    expect(Object.keys(json)).toEqual([
      'id',
      'aud',
      'role',
      'email',
      'phone',
      'confirmation_sent_at',
      'app_metadata',
      'user_metadata',
      'identities',
      'created_at',
      'updated_at',
      'is_anonymous',
    ]);
    expect(json.phone).toBe('');
    expect(JSON.stringify(json)).not.toContain('secret');
    expect(JSON.stringify(json)).not.toContain('"hash"');
  });

  it('names identities as supabase-js expects (identity_id = row id, id = provider id)', () => {
    const other = { ...identity, id: '33333333-3333-4333-8333-333333333333', user_id: 'someone-else' };
    expect(userJson(row, [identity, other]).identities).toEqual([
      {
        identity_id: identity.id,
        id: row.id,
        user_id: row.id,
        identity_data: identity.identity_data,
        provider: 'email',
        last_sign_in_at: created.toISOString(),
        created_at: created.toISOString(),
        updated_at: created.toISOString(),
        email: 'ana@example.com',
      },
    ]);
  });

  it('shows a pending e-mail change as new_email', () => {
    expect(userJson({ ...row, email_change: 'new@example.com' }, []).new_email).toBe('new@example.com');
  });
});
