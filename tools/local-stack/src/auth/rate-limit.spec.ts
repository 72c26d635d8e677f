import { describe, expect, it } from 'vitest';
import { FailedAttemptLimiter, attemptKey } from './rate-limit.ts';

function limiter() {
  let now = 0;
  const l = new FailedAttemptLimiter({ max: 3, windowMs: 1000 }, () => now);
  return { l, advance: (ms: number) => (now += ms) };
}

describe('FailedAttemptLimiter', () => {
  it('blocks once the maximum number of failures is reached within the window', () => {
    const { l } = limiter();
    for (let i = 0; i < 2; i += 1) l.recordFailure('k');
    expect(l.isBlocked('k')).toBe(false);
    l.recordFailure('k');
    expect(l.isBlocked('k')).toBe(true);
    expect(l.isBlocked('other')).toBe(false);
  });

  it('unblocks as failures age out of the window', () => {
    const { l, advance } = limiter();
    l.recordFailure('k');
    advance(600);
    l.recordFailure('k');
    l.recordFailure('k');
    expect(l.isBlocked('k')).toBe(true);
    advance(500);
    expect(l.isBlocked('k')).toBe(false);
  });

  it('forgets failures after a success', () => {
    const { l } = limiter();
    for (let i = 0; i < 3; i += 1) l.recordFailure('k');
    l.reset('k');
    expect(l.isBlocked('k')).toBe(false);
  });

  it('keys by lower-cased e-mail and IP address', () => {
    expect(attemptKey('Ana@Example.com', '10.0.0.1')).toBe(attemptKey('ana@example.com', '10.0.0.1'));
    expect(attemptKey('ana@example.com', '10.0.0.1')).not.toBe(attemptKey('ana@example.com', '10.0.0.2'));
  });
});
