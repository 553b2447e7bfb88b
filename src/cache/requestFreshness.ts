/**
 * How fresh the facts behind one request's answer are, and which they were.
 * The loaders note every expired fact they answer from (the response then
 * says since when it may be out of date, `extensions.stale.since`), and tag
 * the facts they read, so a cached response can be dropped when the change
 * feed names one of them.
 */
export class RequestFreshness {
  /** Tags of the facts read (see responseCache.ts: `sku:<sku>`, `catalog`). */
  readonly tags = new Set<string>();

  /** Oldest read time (epoch ms) of an expired fact used; null while every fact was fresh. */
  staleSince: number | null = null;
  /**
   * Set by operations that act on what they read (placeOrder): expired facts
   * are then read again from the ERP before use, never answered stale.
   */
  requireFresh = false;

  noteStale(fetchedAt: number): void {
    if (this.staleSince === null || fetchedAt < this.staleSince) this.staleSince = fetchedAt;
  }
}
