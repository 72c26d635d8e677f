// The desk's counts as the database sends them (jsonb) turned into the app's shape; anything else
// is refused rather than shown as zeros.
import { describe, expect, it } from 'vitest';
import { toDeskCounts } from './staff.ts';

describe('toDeskCounts', () => {
  it('reads every count and the oldest submission', () => {
    expect(
      toDeskCounts({
        verification: { submitted: 3, verified: 10 },
        oldest_submitted_at: '2027-01-15T09:00:00+00:00',
        dead_deliveries: 2,
        failing_deliveries: 1,
        failed_payments: 4,
        failed_refunds: 0,
        subscriptions_in_trouble: 5,
      }),
    ).toEqual({
      verification: { submitted: 3, verified: 10 },
      oldestSubmittedAt: '2027-01-15T09:00:00+00:00',
      deadDeliveries: 2,
      failingDeliveries: 1,
      failedPayments: 4,
      failedRefunds: 0,
      subscriptionsInTrouble: 5,
    });
  });

  it('takes a missing count as zero and no submission as null', () => {
    expect(toDeskCounts({ verification: {}, oldest_submitted_at: null })).toMatchObject({
      verification: {},
      oldestSubmittedAt: null,
      deadDeliveries: 0,
      subscriptionsInTrouble: 0,
    });
  });

  it('refuses an answer without the verification counts', () => {
    expect(toDeskCounts(null)).toBeNull();
    expect(toDeskCounts([1, 2])).toBeNull();
    expect(toDeskCounts({ dead_deliveries: 1 })).toBeNull();
  });
});
