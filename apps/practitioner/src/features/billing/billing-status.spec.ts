import { describe, expect, it } from 'vitest';
import type { Subscription } from '@carebook/data';
import { describeStatus, graceUntil, isCurrent, needsPaymentUpdate } from './billing-status.ts';

const base: Subscription = {
  plan: 'essential_monthly',
  status: 'active',
  currentPeriodEnd: '2027-02-01T10:00:00.000Z',
  trialEnd: null,
  cancelAtPeriodEnd: false,
  pastDueSince: null,
};

describe('describeStatus', () => {
  it('names the trial end', () => {
    expect(describeStatus({ ...base, status: 'trialing', trialEnd: '2027-01-15T10:00:00.000Z' })).toEqual({
      key: 'trialing',
      until: '2027-01-15T10:00:00.000Z',
    });
  });

  it('says active, or when it ends once cancelled at period end', () => {
    expect(describeStatus(base)).toEqual({ key: 'active' });
    expect(describeStatus({ ...base, cancelAtPeriodEnd: true })).toEqual({
      key: 'cancelsAt',
      at: '2027-02-01T10:00:00.000Z',
    });
    expect(
      describeStatus({
        ...base,
        status: 'trialing',
        trialEnd: '2027-01-15T10:00:00.000Z',
        cancelAtPeriodEnd: true,
      }),
    ).toEqual({ key: 'cancelsAt', at: '2027-01-15T10:00:00.000Z' });
  });

  it('gives a failed payment 7 days of grace', () => {
    expect(describeStatus({ ...base, status: 'past_due', pastDueSince: '2027-01-10T08:00:00.000Z' })).toEqual(
      {
        key: 'pastDue',
        since: '2027-01-10T08:00:00.000Z',
        graceUntil: '2027-01-17T08:00:00.000Z',
      },
    );
    expect(graceUntil('2027-03-25T12:00:00.000Z')).toBe('2027-04-01T12:00:00.000Z');
  });

  it('reads the ended and odd states', () => {
    expect(describeStatus({ ...base, status: 'unpaid' })).toEqual({ key: 'unpaid' });
    expect(describeStatus({ ...base, status: 'canceled' })).toEqual({ key: 'canceled' });
    expect(describeStatus({ ...base, status: 'incomplete_expired' })).toEqual({ key: 'canceled' });
    expect(describeStatus({ ...base, status: 'incomplete' })).toEqual({ key: 'incomplete' });
    expect(describeStatus({ ...base, status: 'paused' })).toEqual({ key: 'paused' });
  });
});

describe('which subscriptions count', () => {
  it('lets a new plan be chosen only without a running subscription', () => {
    expect(isCurrent(null)).toBe(false);
    expect(isCurrent({ ...base, status: 'canceled' })).toBe(false);
    expect(isCurrent(base)).toBe(true);
    expect(isCurrent({ ...base, status: 'past_due' })).toBe(true);
  });

  it('asks for a card update when past due or unpaid only', () => {
    expect(needsPaymentUpdate({ ...base, status: 'past_due' })).toBe(true);
    expect(needsPaymentUpdate({ ...base, status: 'unpaid' })).toBe(true);
    expect(needsPaymentUpdate(base)).toBe(false);
    expect(needsPaymentUpdate(null)).toBe(false);
  });
});
