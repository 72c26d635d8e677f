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
    ] as const) {
      const before = data[table].filter((r) => r.practitioner_id === demo.id).length;
      expect(before, table).toBeGreaterThan(0);
      expect(moved[table].filter((r) => r.practitioner_id === existingId).length, table).toBe(before);
    }
    expect(moved.users.length).toBe(data.users.length);
  });
});
