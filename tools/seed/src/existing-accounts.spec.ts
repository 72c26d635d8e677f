import { describe, expect, it } from 'vitest';
import { withExistingAccounts } from './existing-accounts.ts';
import { generate } from './generate.ts';
import { referenceFromSeedSql } from './reference-fixture.ts';

const data = generate({
  seed: 1,
  scale: 'small',
  reference: referenceFromSeedSql(),
  now: new Date('2026-01-01T00:00:00Z'),
});
const demo = data.users.find((u) => u.email === 'practitioner@demo.carebook.test')!;

describe('withExistingAccounts', () => {
  it('leaves the data set alone when no account exists yet', () => {
    expect(withExistingAccounts(data, new Map())).toBe(data);
  });

  it('moves everything of an existing account onto its id', () => {
    const existingId = '11111111-1111-4111-8111-111111111111';
    const moved = withExistingAccounts(data, new Map([['practitioner@demo.carebook.test', existingId]]));
    expect(moved.users.find((u) => u.email === demo.email)?.id).toBe(existingId);
    expect(moved.practitioners.some((p) => p.id === demo.id)).toBe(false);
    expect(moved.practitioners.some((p) => p.id === existingId)).toBe(true);
    for (const table of [
      'consultation_types',
      'subscriptions',
      'availability_rules',
      'practitioner_specialties',
      'availability_exceptions',
      'appointments',
    ] as const) {
      const before = data[table].filter((r) => r.practitioner_id === demo.id).length;
      expect(before, table).toBeGreaterThan(0);
      expect(moved[table].filter((r) => r.practitioner_id === existingId).length, table).toBe(before);
    }
    expect(moved.users.length).toBe(data.users.length);
  });

  it("moves an existing patient's appointments and cancellations onto their id", () => {
    const patient = data.users.find((u) => u.email === 'patient@demo.carebook.test')!;
    const existingId = '22222222-2222-4222-8222-222222222222';
    const moved = withExistingAccounts(data, new Map([['patient@demo.carebook.test', existingId]]));
    const theirs = data.appointments.filter((a) => a.patient_id === patient.id);
    expect(theirs.length).toBeGreaterThan(0);
    expect(moved.appointments.filter((a) => a.patient_id === existingId)).toHaveLength(theirs.length);
    expect(moved.appointments.some((a) => a.patient_id === patient.id || a.cancelled_by === patient.id)).toBe(
      false,
    );
    expect(moved.appointments.filter((a) => a.cancelled_by === existingId)).toHaveLength(
      data.appointments.filter((a) => a.cancelled_by === patient.id).length,
    );
  });
});
