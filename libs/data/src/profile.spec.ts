import { describe, expect, it } from 'vitest';
import { toProfile, toProfileUpdate, type ProfileRow } from './profile.ts';

const row: ProfileRow = {
  id: '5b0f3f0e-0c3e-4c53-9a43-0d1c1f8b1a11',
  email: 'camille@example.fr',
  full_name: 'Camille Dupont',
  role: 'practitioner',
  locale: 'fr',
  phone: '+33612345678',
  time_zone: 'Europe/Paris',
  created_at: '2025-01-02T03:04:05+00:00',
  updated_at: '2025-01-02T03:04:05+00:00',
};

describe('toProfile', () => {
  it('renames the columns to camelCase', () => {
    expect(toProfile(row)).toEqual({
      ok: true,
      data: {
        id: row.id,
        email: 'camille@example.fr',
        fullName: 'Camille Dupont',
        role: 'practitioner',
        locale: 'fr',
        phone: '+33612345678',
        timeZone: 'Europe/Paris',
        createdAt: row.created_at,
        updatedAt: row.updated_at,
      },
    });
  });

  it('refuses a role the apps do not know', () => {
    // A server on a newer schema may send a value this build does not know yet.
    const result = toProfile({ ...row, role: 'admin' as ProfileRow['role'] });
    expect(result).toMatchObject({ ok: false, error: { code: 'unexpected_data' } });
  });

  it('refuses a locale the apps do not know', () => {
    expect(toProfile({ ...row, locale: 'de' as ProfileRow['locale'] })).toMatchObject({
      ok: false,
      error: { code: 'unexpected_data' },
    });
  });
});

describe('toProfileUpdate', () => {
  it('sends only the fields given', () => {
    expect(toProfileUpdate({ locale: 'en' })).toEqual({ locale: 'en' });
    expect(toProfileUpdate({ fullName: 'Zoé' })).toEqual({ full_name: 'Zoé' });
    expect(toProfileUpdate({ fullName: null, locale: 'fr' })).toEqual({ full_name: null, locale: 'fr' });
    expect(toProfileUpdate({ phone: null, timeZone: 'Europe/London' })).toEqual({
      phone: null,
      time_zone: 'Europe/London',
    });
    expect(toProfileUpdate({})).toEqual({});
  });
});
