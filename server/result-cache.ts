export interface CachedResult {
  body: Buffer;
  etag: string;
  rows: number;
  headers: Record<string, string>;
}

/**
 * Encoded results by (query, normalised parameters, format, snapshot id), least recently used evicted
 * first; identical concurrent requests share one execution.
 */
export class ResultCache {
  private entries = new Map<string, CachedResult>();
  private pending = new Map<string, Promise<CachedResult>>();
  private bytes = 0;
  /** The snapshot results are kept for, once a switch has named it: a late result of another is not stored. */
  private liveSnapshot: string | null = null;

  constructor(private readonly budgetBytes: number) {}

  get enabled(): boolean {
    return this.budgetBytes > 0;
  }

  /** A stored result, without computing (the fast path that needs no database connection). */
  peek(key: string): CachedResult | undefined {
    const cached = this.entries.get(key);
    if (cached) {
      this.entries.delete(key);
      this.entries.set(key, cached);
    }
    return cached;
  }

  async getOrCompute(key: string, compute: () => Promise<CachedResult>): Promise<{ result: CachedResult; hit: boolean }> {
    const cached = this.entries.get(key);
    if (cached) {
      this.entries.delete(key);
      this.entries.set(key, cached);
      return { result: cached, hit: true };
    }
    const inFlight = this.pending.get(key);
    if (inFlight) return { result: await inFlight, hit: true };
    const promise = compute();
    this.pending.set(key, promise);
    try {
      const result = await promise;
      this.store(key, result);
      return { result, hit: false };
    } finally {
      this.pending.delete(key);
    }
  }

  private store(key: string, result: CachedResult): void {
    if (!this.enabled || result.body.length > this.budgetBytes / 4) return;
    if (this.liveSnapshot !== null && !key.startsWith(`${this.liveSnapshot}|`)) return;
    this.entries.set(key, result);
    this.bytes += result.body.length;
    for (const [oldKey, old] of this.entries) {
      if (this.bytes <= this.budgetBytes) break;
      this.entries.delete(oldKey);
      this.bytes -= old.body.length;
    }
  }

  /** Drops entries of snapshots other than `snapshotId` (called after a switch). */
  retainSnapshot(snapshotId: string): void {
    this.liveSnapshot = snapshotId;
    for (const [key, entry] of this.entries) {
      if (!key.startsWith(`${snapshotId}|`)) {
        this.entries.delete(key);
        this.bytes -= entry.body.length;
      }
    }
  }
}
