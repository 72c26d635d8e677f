// Throttles password guessing: after `max` failed sign-ins for one e-mail from one IP address
// within the window, further attempts (even correct ones) get 429 until old failures age out.

export class FailedAttemptLimiter {
  private readonly failures = new Map<string, number[]>();
  private readonly max: number;
  private readonly windowMs: number;
  private readonly now: () => number;

  constructor(options: { max: number; windowMs: number }, now: () => number = Date.now) {
    this.max = options.max;
    this.windowMs = options.windowMs;
    this.now = now;
  }

  private recent(key: string): number[] {
    const cutoff = this.now() - this.windowMs;
    const kept = (this.failures.get(key) ?? []).filter((t) => t > cutoff);
    if (kept.length === 0) this.failures.delete(key);
    else this.failures.set(key, kept);
    return kept;
  }

  isBlocked(key: string): boolean {
    return this.recent(key).length >= this.max;
  }

  recordFailure(key: string): void {
    this.failures.set(key, [...this.recent(key), this.now()]);
  }

  /** A successful sign-in forgives earlier mistakes. */
  reset(key: string): void {
    this.failures.delete(key);
  }
}

export function attemptKey(email: string, ip: string): string {
  return `${email.toLowerCase()}|${ip}`;
}
