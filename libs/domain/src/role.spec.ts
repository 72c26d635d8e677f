import { describe, expect, it } from 'vitest';
import { isRole, isSelfSignupRole } from './role.ts';

describe('role', () => {
  it('recognises the three profile roles', () => {
    expect(['patient', 'practitioner', 'staff'].every(isRole)).toBe(true);
    expect(isRole('admin')).toBe(false);
    expect(isRole(null)).toBe(false);
  });

  it('never lets anyone sign up as staff', () => {
    expect(isSelfSignupRole('patient')).toBe(true);
    expect(isSelfSignupRole('practitioner')).toBe(true);
    expect(isSelfSignupRole('staff')).toBe(false);
  });
});
