/**
 * A least-recently-used cache with per-entry expiry, for encoded tiles. A Map keeps insertion
 * order, so re-inserting on every hit makes its first key the least recently used.
 */
export class LruCache<V> {
  private readonly entries = new Map<string, { value: V; expires: number }>();

  /** @param maxEntries 0 disables caching. */
  constructor(readonly maxEntries: number, private readonly now: () => number = Date.now) {}

  get size(): number {
    return this.entries.size;
  }

  /** The fresh value for key, or undefined (expired entries are dropped on the way). */
  get(key: string): V | undefined {
    const e = this.entries.get(key);
    if (!e) return undefined;
    this.entries.delete(key);
    if (e.expires <= this.now()) return undefined;
    this.entries.set(key, e);
    return e.value;
  }

  /** Stores value for ttlMs milliseconds, evicting the least recently used entries beyond the limit. */
  set(key: string, value: V, ttlMs: number): void {
    if (this.maxEntries <= 0) return;
    this.entries.delete(key);
    this.entries.set(key, { value, expires: this.now() + ttlMs });
    while (this.entries.size > this.maxEntries) {
      this.entries.delete(this.entries.keys().next().value as string);
    }
  }

  /** Drops every entry whose key starts with prefix (e.g. one layer after its data changed). */
  deletePrefix(prefix: string): void {
    for (const key of [...this.entries.keys()]) if (key.startsWith(prefix)) this.entries.delete(key);
  }

  clear(): void {
    this.entries.clear();
  }
}
