// A small in-memory cache with a time to live and a size bound, per isolate. It keeps promises, so
// two requests for the same key while Google is still answering make one call, and forgets a key
// whose call failed, so a failure is never served from the cache.

export class TtlCache<V> {
  private readonly entries = new Map<string, { expires: number; value: Promise<V> }>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries: number,
    private readonly now: () => number,
  ) {}

  /** The cached value, or `load()`'s (cached once it resolves); `hit` tells which. */
  async get(key: string, load: () => Promise<V>): Promise<{ value: V; hit: boolean }> {
    const found = this.entries.get(key);
    if (found && found.expires > this.now()) {
      // Re-inserted so the Map's order is least recently used first.
      this.entries.delete(key);
      this.entries.set(key, found);
      return { value: await found.value, hit: true };
    }
    if (found) this.entries.delete(key);
    const value = load();
    this.entries.set(key, { expires: this.now() + this.ttlMs, value });
    while (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    try {
      return { value: await value, hit: false };
    } catch (error) {
      if (this.entries.get(key)?.value === value) this.entries.delete(key);
      throw error;
    }
  }

  get size(): number {
    return this.entries.size;
  }
}
