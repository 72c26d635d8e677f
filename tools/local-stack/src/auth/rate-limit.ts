// Throttles for guessing and flooding, in memory like GoTrue's own limiters (a restart forgets).
// FailedAttemptLimiter counts failures of one key (an account) and blocks once too many fall in
// the window; RequestLimiter counts every request of one key (a client address) the way GoTrue's
// per-IP limits (`[auth.rate_limit]` in config.toml) do.

/** A sliding window of timestamps per key, pruned on each look. */
class Window {
  private readonly hits = new Map<string, number[]>();
  private readonly windowMs: number;
  private readonly now: () => number;

  constructor(windowMs: number, now: () => number) {
    this.windowMs = windowMs;
    this.now = now;
  }

  recent(key: string): number[] {
    const cutoff = this.now() - this.windowMs;
    const kept = (this.hits.get(key) ?? []).filter((t) => t > cutoff);
    if (kept.length === 0) this.hits.delete(key);
    else this.hits.set(key, kept);
    return kept;
  }

  add(key: string): void {
    this.hits.set(key, [...this.recent(key), this.now()]);
  }

  clear(key: string): void {
    this.hits.delete(key);
  }
}

export interface LimitOptions {
  max: number;
  windowMs: number;
}

export class FailedAttemptLimiter {
  private readonly window: Window;
  private readonly max: number;

  constructor(options: LimitOptions, now: () => number = Date.now) {
    this.max = options.max;
    this.window = new Window(options.windowMs, now);
  }

  isBlocked(key: string): boolean {
    return this.window.recent(key).length >= this.max;
  }

  recordFailure(key: string): void {
    this.window.add(key);
  }

  /** A successful sign-in forgives earlier mistakes. */
  reset(key: string): void {
    this.window.clear(key);
  }
}

/**
 * Every accepted request counts, whatever its outcome: the (max + 1)th request of a key within the
 * window is refused, until the oldest ages out. Refused ones are not stored, so a flood costs no
 * memory. `budgetOf` may give some keys a larger budget (the test profile's address, settings.ts).
 */
export class RequestLimiter {
  private readonly window: Window;
  private readonly max: number;
  private readonly budgetOf: (key: string, max: number) => number;

  constructor(
    options: LimitOptions,
    budgetOf: (key: string, max: number) => number = (_key, max) => max,
    now: () => number = Date.now,
  ) {
    this.max = options.max;
    this.budgetOf = budgetOf;
    this.window = new Window(options.windowMs, now);
  }

  /** Records the request; false when it is over the key's budget. */
  take(key: string): boolean {
    if (this.window.recent(key).length >= this.budgetOf(key, this.max)) return false;
    this.window.add(key);
    return true;
  }
}

/** Failed passwords are counted per account, whatever address they come from. */
export function accountKey(email: string): string {
  return email.trim().toLowerCase();
}
