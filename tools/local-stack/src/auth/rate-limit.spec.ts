import { describe, expect, it } from 'vitest';
import { FailedAttemptLimiter, RequestLimiter, accountKey } from './rate-limit.ts';

function clock() {
  let now = 0;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe('FailedAttemptLimiter', () => {
  it('blocks once the maximum number of failures is reached within the window', () => {
    const l = new FailedAttemptLimiter({ max: 3, windowMs: 1000 }, clock().now);
    for (let i = 0; i < 2; i += 1) l.recordFailure('k');
    expect(l.isBlocked('k')).toBe(false);
    l.recordFailure('k');
    expect(l.isBlocked('k')).toBe(true);
    expect(l.isBlocked('other')).toBe(false);
  });

  it('unblocks as failures age out of the window', () => {
    const c = clock();
    const l = new FailedAttemptLimiter({ max: 3, windowMs: 1000 }, c.now);
    l.recordFailure('k');
    c.advance(600);
    l.recordFailure('k');
    l.recordFailure('k');
    expect(l.isBlocked('k')).toBe(true);
    c.advance(500);
    expect(l.isBlocked('k')).toBe(false);
  });

  it('forgets failures after a success', () => {
    const l = new FailedAttemptLimiter({ max: 3, windowMs: 1000 }, clock().now);
    for (let i = 0; i < 3; i += 1) l.recordFailure('k');
    l.reset('k');
    expect(l.isBlocked('k')).toBe(false);
  });

  it('keys accounts by lower-cased e-mail only, so no address can start a fresh count', () => {
    expect(accountKey(' Ana@Example.com')).toBe(accountKey('ana@example.com'));
  });
});

describe('RequestLimiter', () => {
  it('refuses the (max + 1)th request of a key in the window, and accepts again as hits age out', () => {
    const c = clock();
    const l = new RequestLimiter({ max: 30, windowMs: 300_000 }, undefined, c.now);
    for (let i = 0; i < 30; i += 1) expect(l.take('10.0.0.1')).toBe(true);
    expect(l.take('10.0.0.1')).toBe(false);
    expect(l.take('10.0.0.2')).toBe(true);
    c.advance(300_001);
    expect(l.take('10.0.0.1')).toBe(true);
  });

  it('gives a key the budget budgetOf returns', () => {
    const l = new RequestLimiter({ max: 2, windowMs: 1000 }, (key, max) => (key === 'big' ? max * 10 : max), clock().now);
    for (let i = 0; i < 20; i += 1) expect(l.take('big')).toBe(true);
    expect(l.take('big')).toBe(false);
    expect(l.take('small') && l.take('small')).toBe(true);
    expect(l.take('small')).toBe(false);
  });
});
