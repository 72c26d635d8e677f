import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { effectScope } from 'vue';
import { formatCountdown, remainingMs } from './countdown.ts';
import { useCountdown } from './use-countdown.ts';

describe('the hold countdown', () => {
  it('says minutes and seconds, with hours only when needed, rounding up', () => {
    expect(formatCountdown(15 * 60_000)).toBe('15:00');
    expect(formatCountdown(61_001)).toBe('01:02');
    expect(formatCountdown(3_725_000)).toBe('1:02:05');
    expect(formatCountdown(0)).toBe('00:00');
    expect(remainingMs('2027-01-01T00:00:10Z', Date.parse('2027-01-01T00:00:20Z'))).toBe(0);
  });

  describe('ticking', () => {
    beforeEach(() => {
      vi.useFakeTimers();
      vi.setSystemTime(new Date('2027-01-01T10:00:00Z'));
    });
    afterEach(() => vi.useRealTimers());

    it('counts down each second, expires at zero and stops with its scope', () => {
      const scope = effectScope();
      const countdown = scope.run(() => useCountdown('2027-01-01T10:00:03Z'))!;
      expect(countdown.label.value).toBe('00:03');
      vi.advanceTimersByTime(1000);
      expect(countdown.label.value).toBe('00:02');
      expect(countdown.expired.value).toBe(false);
      vi.advanceTimersByTime(2000);
      expect(countdown.expired.value).toBe(true);
      scope.stop();
      expect(vi.getTimerCount()).toBe(0);
    });

    it('is never expired without a hold', () => {
      const scope = effectScope();
      const countdown = scope.run(() => useCountdown(null))!;
      expect(countdown.expired.value).toBe(false);
      scope.stop();
    });
  });
});
